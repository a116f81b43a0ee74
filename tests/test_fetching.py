"""What a printed page may read: nothing outside its folders, nothing endless, nothing twice too often.

Each refusal stops the printing with the reference named; PDFs are read back with pypdf to
check that no file of the machine rode along as an attachment. The printer here trusts its
template folder, so pages may ask for attachments and the fetcher's bounds are what is tested;
an untrusted one refuses every attachment first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pypdf
import pytest

from reportgen.errors import ReportgenError
from reportgen.isolation import print_pdf
from reportgen.rendering import Printer

OUTSIDE = "tệp nằm ngoài thư mục mẫu và thư mục kết quả"


@pytest.fixture(scope="module")
def printer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Printer, Path]:
    templates = tmp_path_factory.mktemp("mau")
    return Printer([templates], attachments=True), templates


def refusal(printer: tuple[Printer, Path], html: str, tmp_path: Path) -> str:
    with pytest.raises(ReportgenError) as caught:
        print_pdf(printer[0], html, tmp_path, tmp_path / "report.pdf")
    [problem] = caught.value.problems
    return str(problem)


@pytest.mark.parametrize(
    ("html", "url", "reason"),
    [
        ('<a rel="attachment" href="file:///etc/passwd">x</a>', "file:///etc/passwd", OUTSIDE),
        ('<img src="file:///etc/passwd">', "file:///etc/passwd", OUTSIDE),
        ('<img src="../../../../../../etc/passwd">', "file:///etc/passwd", OUTSIDE),
        ('<img src="file:///dev/zero">', "file:///dev/zero", OUTSIDE),
        (
            '<img src="http://127.0.0.1:9/anh.png">',
            "http://127.0.0.1:9/anh.png",
            "chỉ đọc được tệp trong thư mục mẫu và ảnh của hội, không đọc địa chỉ mạng",
        ),
        (
            '<link rel="stylesheet" href="https://example.invalid/a.css">',
            "https://example.invalid/a.css",
            "chỉ đọc được tệp trong thư mục mẫu và ảnh của hội, không đọc địa chỉ mạng",
        ),
    ],
)
def test_a_reference_out_of_bounds_stops_the_print_and_is_named(
    printer: tuple[Printer, Path], tmp_path: Path, html: str, url: str, reason: str
) -> None:
    message = refusal(printer, html, tmp_path)
    assert message.endswith(f"không đọc “{url}”: {reason}".replace("file:///etc/passwd", url))
    assert message.startswith(f"{tmp_path / 'report.pdf'}: ")
    assert not (tmp_path / "report.pdf").exists()


def test_a_symlink_inside_a_folder_that_points_out_is_refused(
    printer: tuple[Printer, Path], tmp_path: Path
) -> None:
    (tmp_path / "anh.png").symlink_to("/etc/passwd")
    (tmp_path / "khong").symlink_to("/dev/zero")
    assert refusal(printer, '<a rel="attachment" href="anh.png">x</a>', tmp_path).endswith(OUTSIDE)
    assert refusal(printer, '<img src="khong">', tmp_path).endswith(OUTSIDE)


def test_a_device_inside_a_folder_is_not_a_regular_file(
    printer: tuple[Printer, Path], tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "ong.png")  # a reader would wait on it for ever
    assert refusal(printer, '<img src="ong.png">', tmp_path).endswith("không phải tệp thường")


def test_a_css_import_loop_ends_with_a_message(printer: tuple[Printer, Path], tmp_path: Path) -> None:
    templates = printer[1]
    (templates / "vong.css").write_text('@import url("vong-2.css");\np { color: red }\n', encoding="utf-8")
    (templates / "vong-2.css").write_text('@import url("vong.css");\n', encoding="utf-8")
    html = f'<style>@import url("{(templates / "vong.css").as_uri()}");</style><p>x</p>'
    assert refusal(printer, html, tmp_path).endswith(
        "đọc lặp lại quá nhiều lần (có thể CSS `@import` chính nó)"
    )


def test_a_refusal_inside_an_svg_fails_the_build(printer: tuple[Printer, Path], tmp_path: Path) -> None:
    (tmp_path / "hinh.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
        'height="10"><image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    assert refusal(printer, '<img src="hinh.svg">', tmp_path).endswith(OUTSIDE)


def test_a_file_too_large_is_refused(printer: tuple[Printer, Path], tmp_path: Path) -> None:
    with (tmp_path / "lon.png").open("wb") as file:
        file.truncate(21 * 1024 * 1024)  # sparse: no disk used
    assert refusal(printer, '<img src="lon.png">', tmp_path).endswith("tệp quá lớn (hơn 20 MB)")


def test_what_is_allowed_still_prints(printer: tuple[Printer, Path], tmp_path: Path) -> None:
    (printer[1] / "mau.css").write_text("p { color: #123456 }", encoding="utf-8")
    html = f'<link rel="stylesheet" href="{(printer[1] / "mau.css").as_uri()}"><p>Xin chào</p>'
    pdf = print_pdf(printer[0], html, tmp_path, tmp_path / "report.pdf")
    assert pdf.startswith(b"%PDF-")


def attachments_of(pdf: Path) -> list[str]:
    """Every file a PDF carries: in its catalog's list, and as file-attachment annotations."""
    reader = pypdf.PdfReader(pdf)
    found = list(reader.attachments)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment":
                found.append(str(annotation["/FS"].get_object().get("/F")))
    return found


def test_the_samples_carry_no_attachment(built: Path) -> None:
    pdfs = sorted(built.glob("*/*.pdf"))
    assert len(pdfs) == 4
    for pdf in pdfs:
        reader = pypdf.PdfReader(pdf)
        assert attachments_of(pdf) == []
        assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))


def test_the_check_sees_both_kinds_of_attachment(printer: tuple[Printer, Path], tmp_path: Path) -> None:
    """The test above would pass on a PDF that attaches through an annotation, unless it looks there."""
    (printer[1] / "ghi-chu.txt").write_text("bí mật", encoding="utf-8")
    uri = (printer[1] / "ghi-chu.txt").as_uri()
    html = f'<link rel="attachment" href="{uri}"><p><a rel="attachment" href="{uri}">tệp</a></p>'
    (tmp_path / "co-dinh-kem.pdf").write_bytes(print_pdf(printer[0], html, tmp_path, tmp_path / "x.pdf"))
    assert sorted(attachments_of(tmp_path / "co-dinh-kem.pdf")) == ["ghi-chu.txt", "ghi-chu.txt"]


ATTACHED = (
    'trang muốn đính kèm tệp “{url}” vào PDF (rel="attachment") — reportgen không đính kèm tệp nào '
    "vào PDF, trừ khi thư mục mẫu được tin cậy bằng --trust-templates"
)


@pytest.mark.parametrize(
    "html",
    [
        '<p><a rel="attachment" href="{url}">tệp</a></p>',
        '<link rel="attachment" href="{url}"><p>x</p>',
        '<p><a rel="nofollow Attachment" href="{url}">tệp</a></p>',
    ],
)
def test_a_page_may_not_attach_a_file_unless_the_templates_are_trusted(tmp_path: Path, html: str) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "ghi-chu.txt").write_text("bí mật", encoding="utf-8")
    url = (templates / "ghi-chu.txt").as_uri()
    with pytest.raises(ReportgenError) as caught:
        print_pdf(Printer([templates]), html.format(url=url), tmp_path, tmp_path / "report.pdf")
    assert str(caught.value) == f"{tmp_path / 'report.pdf'}: " + ATTACHED.format(url=url)
