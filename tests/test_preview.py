"""The live preview: served on 127.0.0.1, rebuilt on every save, problems shown in the page.

Every server here binds to port 0 on the loopback interface and stops by itself; every wait
is bounded.
"""

from __future__ import annotations

import html
import http.client
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from reportgen.preview import server as preview_server
from reportgen.preview.server import EVENTS, Preview, serving
from tests import guarded
from tests.conftest import INPUTS, ROOT, SEED

BAD = ("buoi: sáng", "buoi: trưa")
PROBLEM = '17:9</b>: hoi_nghi.buoi: "trưa" không hợp lệ — hãy viết một trong: `sáng`, `chiều`, `tối`</li>'


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A copy of the seed and its photos, free to edit."""
    shutil.copytree(INPUTS / "anh", tmp_path / "anh")
    shutil.copyfile(SEED, tmp_path / SEED.name)
    return tmp_path / SEED.name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def get(url: str) -> tuple[int, dict[str, str], str]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
    try:
        connection.request("GET", parts.path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def until(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def watching(unit: Path) -> Iterator[Preview]:
    """A preview of ``unit`` whose watcher runs in a thread, stopped at the end of the test."""
    with serving(unit, port=0) as preview:
        watcher = threading.Thread(target=preview.watch, daemon=True)
        watcher.start()
        time.sleep(0.3)  # let the watcher start listening before the test edits files
        yield preview
    watcher.join(timeout=5)
    assert not watcher.is_alive()


def test_it_listens_on_loopback_only_and_opens_on_the_article(unit: Path) -> None:
    with serving(unit, port=0) as preview:
        assert preview.url.startswith("http://127.0.0.1:")
        status, headers, _ = get(preview.url)
        assert (status, headers["Location"]) == (302, "/article.html")
        status, headers, page = get(preview.url + "article.html")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Cache-Control"] == "no-store"
        assert "63.979 hộ gia đình" in page
        assert f'new EventSource("{EVENTS}")' in page and 'var shown = "1"' in page
        assert '<a href="/report.html">Báo cáo</a>' in page
        assert "reportgen-loi" not in page
        assert get(preview.url + "report.html")[0] == 200
        assert get(preview.url + "anh/toan-canh-hoi-nghi-800.jpg")[0] == 200
        assert get(preview.url + "favicon.ico")[0] == 204
        assert get(preview.url + "khong-co.html")[0] == 404
        folder = preview.site.folder
    assert not folder.exists()  # the private build folder goes with the server


def test_the_files_it_builds_are_those_of_a_build(
    unit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reportgen

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1702598400")  # the article's time of change: the same for both
    reportgen.build([unit], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    with serving(unit, port=0) as preview:
        for name in ("article.html", "report.html", "article-body.html", "article.txt"):
            assert (preview.site.folder / name).read_bytes() == (
                tmp_path / "out" / unit.stem / name
            ).read_bytes()


def test_a_saved_change_is_rebuilt_and_announced(watching: Preview, unit: Path) -> None:
    edit(unit, "gia_tri: 63.979", "gia_tri: 64.000")
    until(lambda: watching.site.last.version >= 2)
    _, _, page = get(watching.url + "article.html")
    assert "64.000 hộ gia đình" in page
    assert f'var shown = "{watching.site.last.version}"' in page
    # How fast is for bench/preview.py to measure: a test that times it fails on a busy machine.


def test_an_input_problem_shows_as_a_red_panel_over_the_last_good_page(watching: Preview, unit: Path) -> None:
    edit(unit, *BAD)
    until(lambda: bool(watching.site.last.problems))
    _, _, page = get(watching.url + "article.html")
    assert 'role="alert"' in page and "background: #fde8e8" in page
    assert f"<li><b>{unit}:{PROBLEM}" in page
    assert "Tệp có lỗi — trang dưới đây là bản đúng gần nhất." in page
    assert "63.979 hộ gia đình" in page  # the last good article is still there
    edit(unit, *reversed(BAD))
    until(lambda: not watching.site.last.problems)
    assert "reportgen-loi" not in get(watching.url + "article.html")[2]


def test_a_template_change_is_rebuilt(unit: Path, tmp_path: Path) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    article = templates / "article.html"
    article.write_text('{% extends "!default/article.html" %}\n', encoding="utf-8")
    with serving(unit, templates=templates, port=0) as preview:
        watcher = threading.Thread(target=preview.watch, daemon=True)
        watcher.start()
        time.sleep(0.3)
        article.write_text(
            '{% extends "!default/article.html" %}\n{% block byline %}<p>Ban biên tập</p>{% endblock %}\n',
            encoding="utf-8",
        )
        until(lambda: "Ban biên tập" in get(preview.url + "article.html")[2])
    watcher.join(timeout=5)


def filling_child(preview: Preview) -> int:
    """The process id of the child that fills the preview's templates."""
    pages = preview.site._pages
    assert pages is not None and pages._child is not None
    return pages._child.process.pid


def test_the_filling_child_is_kept_between_saves_and_renewed_for_a_new_template(
    unit: Path, tmp_path: Path
) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    with serving(unit, templates=templates, port=0) as preview:
        first = filling_child(preview)
        watcher = threading.Thread(target=preview.watch, daemon=True)
        watcher.start()
        time.sleep(0.3)
        edit(unit, "63.979", "63.978")
        until(lambda: "63.978" in get(preview.url + "report.html")[2])
        assert filling_child(preview) == first  # its templates compiled once
        # A template added to the folder replaces the packaged one of the same name.
        (templates / "article.html").write_text(
            '{% extends "!default/article.html" %}\n{% block byline %}<p>Ban biên tập</p>{% endblock %}\n',
            encoding="utf-8",
        )
        until(lambda: "Ban biên tập" in get(preview.url + "article.html")[2])
        assert filling_child(preview) != first
    watcher.join(timeout=5)


def test_a_first_build_that_fails_shows_the_panel_alone(unit: Path) -> None:
    edit(unit, *BAD)
    with serving(unit, port=0) as preview:
        status, _, page = get(preview.url + "article.html")
        assert status == 200
        assert f"<li><b>{unit}:{PROBLEM}" in page
        assert "Tệp có lỗi — sửa rồi lưu tệp, trang sẽ tự hiện ra." in page


def test_the_event_stream_sends_each_build_number(unit: Path) -> None:
    with serving(unit, port=0) as preview:
        parts = urlsplit(preview.url)
        with socket.create_connection((parts.hostname, parts.port), timeout=5) as stream:
            stream.sendall(f"GET {EVENTS} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
            received = read_until(stream, b"data: 1\n\n")
            assert b"Content-Type: text/event-stream" in received
            preview.site.rebuild()
            read_until(stream, b"data: 2\n\n")


def read_until(stream: socket.socket, wanted: bytes) -> bytes:
    """Read from ``stream`` until ``wanted`` arrives (each read times out after 5 s)."""
    received = b""
    while wanted not in received:
        chunk = stream.recv(4096)
        assert chunk, f"closed before {wanted!r}"
        received += chunk
    return received


def test_a_taken_port_is_a_clear_error(unit: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        lines: list[str] = []
        with pytest.raises(preview_server.ReportgenError) as raised:
            preview_server.run(unit, port=port, say=lambda line, problem: lines.append(line))
    assert str(raised.value) == (
        f"127.0.0.1:{port}: không mở được cổng {port} (Address already in use) "
        "— hãy chọn cổng khác, ví dụ --port 8080"
    )


def test_ctrl_c_stops_the_command_cleanly(unit: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "preview", unit.name, "--port", "0"],
        cwd=unit.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        # A shell that starts a job in the background ignores Ctrl-C for it; a terminal does not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"Xem trước {unit.name} tại http://127.0.0.1:")
        url = first.split(" tại ")[1].strip()
        assert "Toàn cảnh Hội nghị" in get(url + "article.html")[2]
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0
    assert err == ""
    assert out.endswith("Đã dừng xem trước.\n")
    with pytest.raises(OSError):
        get(url + "article.html")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_signal_removes_the_private_folder(unit: Path, tmp_path: Path, number: int) -> None:
    temporary = tmp_path / "tam"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "preview", unit.name, "--port", "0"],
        cwd=unit.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary)},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().startswith(f"Xem trước {unit.name} tại http://127.0.0.1:")
        [folder] = temporary.iterdir()  # the unpublished pages, while the preview runs
        assert (folder / "article.html").is_file()
        process.send_signal(number)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert (process.returncode, err) == (0, "")
    assert out.endswith("Đã dừng xem trước.\n")
    assert list(temporary.iterdir()) == []


def request(url: str, path: str, headers: dict[str, str], method: str = "GET") -> tuple[int, str]:
    """Send one request; return the answer's status and body."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


def test_only_requests_addressed_to_the_preview_are_answered(unit: Path) -> None:
    with serving(unit, port=0) as preview:
        port = urlsplit(preview.url).port
        for method in ("GET", "HEAD"):
            for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
                assert request(preview.url, "/article.html", {"Host": host}, method)[0] == 200
        refused = f"Trang xem trước của reportgen chỉ mở tại http://127.0.0.1:{port}/ trên chính máy này."
        # A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding).
        for host in (f"ke-xau.example:{port}", "127.0.0.1", f"127.0.0.1:{port}.ke-xau.example", ""):
            for path in ("/article.html", "/anh/toan-canh-hoi-nghi-800.jpg"):
                status, body = request(preview.url, path, {"Host": host})
                assert (status, html.unescape(body).count(refused)) == (403, 1)
                assert request(preview.url, path, {"Host": host}, "HEAD") == (403, "")


def test_the_event_stream_is_not_given_to_another_site(unit: Path) -> None:
    with serving(unit, port=0) as preview:
        host = urlsplit(preview.url).netloc
        for origin, status in [(f"http://{host}", 200), ("http://ke-xau.example", 403), ("null", 403)]:
            with socket.create_connection(("127.0.0.1", urlsplit(preview.url).port), timeout=5) as stream:
                stream.sendall(f"GET {EVENTS} HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\r\n".encode())
                assert read_until(stream, b"\r\n").startswith(f"HTTP/1.0 {status} ".encode()), origin


def test_a_browser_that_resets_the_connection_prints_nothing(
    unit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving(unit, port=0) as preview:
        server = preview_server._bind(lambda *args: None, 0)  # a server of the same kind, not serving
        try:
            client = socket.create_connection(server.server_address[:2])  # type: ignore[index]
            accepted, address = server.socket.accept()
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()  # with a reset, as a browser closing a tab may
            assert select.select([accepted], [], [], 10)[0], "the reset never arrived"
            handler = partial(preview_server._Handler, site=preview.site, stop=preview.stop)
            server.RequestHandlerClass = handler
            server.process_request_thread(accepted, address)  # handled here, start to end
        finally:
            server.server_close()
    assert capsys.readouterr().err == ""


def test_a_template_that_never_ends_does_not_stop_later_rebuilds(
    unit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportgen.isolation import Limits
    from reportgen.preview import site as preview

    templates = tmp_path / "mau"
    templates.mkdir()
    article = templates / "article.html"
    article.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    site = preview.Site(unit, tmp_path / "trang", templates)
    (tmp_path / "trang").mkdir()
    with guarded.bounded():
        # The endless article is the only page rendered under the short limit (the report
        # comes after it), so no page that does end can meet that limit on a busy machine.
        usual = preview.LIMITS
        monkeypatch.setattr(preview, "LIMITS", Limits(seconds=1))
        assert [str(problem) for problem in site.rebuild().problems] == [
            f"{article}: làm trang từ mẫu quá 1 giây nên đã dừng — hãy xem lại các vòng lặp trong mẫu"
        ]
        monkeypatch.setattr(preview, "LIMITS", usual)
        article.write_text('{% extends "!default/article.html" %}', encoding="utf-8")
        assert site.rebuild().problems == ()
    assert "63.979 hộ gia đình" in (tmp_path / "trang" / "article.html").read_text(encoding="utf-8")


def test_the_command_passes_its_options_and_prints_problems_in_red(
    monkeypatch: pytest.MonkeyPatch, unit: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from reportgen import cli

    calls = []

    def fake_run(
        source: Path, templates: Path | None, port: int | None, say: Callable[[str, bool], None]
    ) -> None:
        calls.append((source, templates, port))
        say("Xem trước …", False)
        say(f"{source}:17:9: hoi_nghi.buoi: lỗi", True)

    monkeypatch.setattr(preview_server, "run", fake_run)
    result = CliRunner().invoke(
        cli.app, ["preview", str(unit), "--port", "8123", "--templates", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert calls == [(unit, tmp_path, 8123)]
    assert result.stdout == "Xem trước …\n"
    assert result.stderr == f"{unit}:17:9: hoi_nghi.buoi: lỗi\n"


def test_the_command_refuses_a_missing_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from reportgen import cli

    result = CliRunner().invoke(cli.app, ["preview", str(tmp_path / "khong-co.yaml")], env={"COLUMNS": "400"})
    assert result.exit_code == 2
    assert "khong-co.yaml" in result.stderr


def test_an_article_without_photos_gets_its_share_card_in_the_preview_too(unit: Path) -> None:
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text[: text.index("\nanh:\n")] + text[text.index("\nbai_viet:") :], encoding="utf-8")
    with serving(unit, port=0) as preview:
        status, headers, _body = get(preview.url + "anh/the-chia-se.png")
        assert (status, {k.lower(): v for k, v in headers.items()}["content-type"]) == (200, "image/png")
        assert 'content="anh/the-chia-se.png"' in get(preview.url + "article.html")[2]


def test_an_edited_sub_unit_rebuilds_the_unit_that_adds_it_up(tmp_path: Path) -> None:
    """The province lists its districts' folder: a district's file is one of its inputs, watched.

    The watcher is driven here as watchfiles drives it (folders in, each change through the
    filter), so the test waits for no file system event and races nothing.
    """
    from watchfiles import Change

    from reportgen.preview.site import Site

    province = tmp_path / "tinh-bac-kan-2024.yaml"
    shutil.copyfile(INPUTS / province.name, province)
    shutil.copytree(INPUTS / "bac-kan-2024", tmp_path / "bac-kan-2024")
    district = tmp_path / "bac-kan-2024" / "ba-be.yaml"
    (tmp_path / "trang").mkdir()
    site = Site(province, tmp_path / "trang")
    assert site.rebuild().problems == ()
    report = tmp_path / "trang" / "report.html"
    assert "Hội Nông dân huyện Ba Bể</td>" in report.read_text(encoding="utf-8")

    edit(district, "ten: Hội Nông dân huyện Ba Bể", "ten: Hội Nông dân huyện Ba Bể (đã sửa)")
    stop, watched, builds = threading.Event(), [], []

    def changes(*folders: Path, watch_filter: Callable[[Change, str], bool], **_: object) -> Iterator[set]:
        watched.append(set(folders))
        if watch_filter(Change.modified, str(district)):
            yield {(Change.modified, str(district))}
        stop.set()

    site.watch(stop, builds.append, changes)
    assert (tmp_path / "bac-kan-2024").resolve() in watched[0]
    assert [build.problems for build in builds] == [()]
    assert "Hội Nông dân huyện Ba Bể (đã sửa)</td>" in report.read_text(encoding="utf-8")
    # A district added to the folder is a change too; an editor's backup of one is not.
    assert site.concerns(tmp_path / "bac-kan-2024" / "pac-nam-moi.yaml")
    assert not site.concerns(tmp_path / "bac-kan-2024" / "ba-be.yaml~")
    assert not site.concerns(tmp_path / "bac-kan-2024" / "ghi-chu.txt")
