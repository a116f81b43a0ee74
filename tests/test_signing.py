"""Signing a printed report and checking it: PKCS#12 and a SoftHSM2 token, the Decree's layout,
PAdES levels, the user's usual mistakes, and a byte changed after signing.

Every key and certificate is made at test time (tests/signing_pki.py); the time-stamp server
runs on 127.0.0.1, and a revocation address where nothing listens stands for being offline.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from typer.testing import CliRunner, Result

import reportgen
from reportgen import cli, signature_place, stamps
from tests import signing_pki as pki
from tests.conftest import SECOND, SEED
from tests.report_pdf import CENTRE, MM, RIGHT, find, open_pdf

runner = CliRunner()
SAMPLES = [SEED, SECOND]
SIGNERS = {SEED.stem: "Nguyễn Văn An", SECOND.stem: "Hoàng Văn Phúc"}


@dataclass(frozen=True)
class Keys:
    folder: Path
    ca: pki.Identity
    root: Path
    person: Path
    organisation: Path
    password_file: Path
    signature: Path
    seal: Path


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    folder = tmp_path_factory.mktemp("keys")
    ca = pki.root_ca()
    person = pki.issue(ca, "Nguyễn Văn An")
    organisation = pki.issue(ca, "Hội Nông dân huyện Na Rì")
    password = folder / "mat-khau.txt"
    password.write_text(pki.PASSWORD + "\n", encoding="utf-8")
    return Keys(
        folder,
        ca,
        ca.pem(folder / "goc.pem"),
        person.p12(folder / "nguoi-ky.p12", [ca.certificate]),
        organisation.p12(folder / "co-quan.p12", [ca.certificate]),
        password,
        pki.signature_scan(folder / "chu-ky.png"),
        pki.seal_picture(folder / "dau.png"),
    )


def run(*args: str | Path, input: str | None = None) -> Result:
    return runner.invoke(cli.app, [str(arg) for arg in args], input=input, prog_name="reportgen")


def copy_report(built: Path, sample: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(built / sample.stem / "report.pdf", folder / "report.pdf"))


def sign_with_file(report: Path, keys: Keys, *extra: str | Path) -> Result:
    return run(
        "sign",
        report,
        "--p12",
        keys.person,
        "--password-file",
        keys.password_file,
        "--signature-image",
        keys.signature,
        "--seal-p12",
        keys.organisation,
        "--seal-password-file",
        keys.password_file,
        "--seal-image",
        keys.seal,
        *extra,
    )


def signatures(path: Path, roots: list[Any]) -> list[tuple[Any, Any]]:
    """Each embedded signature with pyHanko's verdict on it, trusting ``roots``."""
    reader = PdfFileReader(io.BytesIO(path.read_bytes()))
    found = []
    for signature in reader.embedded_signatures:
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        found.append((signature, validate_pdf_signature(signature, signer_validation_context=context)))
    return found


def asn1(identity: pki.Identity) -> Any:
    from asn1crypto import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return x509.Certificate.load(identity.certificate.public_bytes(Encoding.DER))


def widget(signature: Any) -> tuple[int, signature_place.Place]:
    """The page (from 0) and rectangle of a signature's widget."""
    annotation = signature.sig_field
    page = annotation.get_value_as_reference("/P").idnum
    count = int(signature.reader.root["/Pages"]["/Count"])
    pages = [signature.reader.find_page_for_modification(i)[0].idnum for i in range(count)]
    left, bottom, right, top = (float(v) for v in annotation["/Rect"])
    return pages.index(page), signature_place.Place(pages.index(page), left, bottom, right, top)


def printed_place(path: Path) -> signature_place.Place:
    """The empty signature field the report was printed with."""
    reader = PdfFileReader(io.BytesIO(path.read_bytes()))
    field = reader.root["/AcroForm"]["/Fields"][0].get_object()
    assert field["/T"] == signature_place.FIELD and "/V" not in field
    pages = [
        reader.find_page_for_modification(i)[0].idnum for i in range(int(reader.root["/Pages"]["/Count"]))
    ]
    left, bottom, right, top = (float(v) for v in field["/Rect"])
    return signature_place.Place(
        pages.index(field.get_value_as_reference("/P").idnum), left, bottom, right, top
    )


def inside(inner: signature_place.Place, outer: signature_place.Place, slack: float = 0.01) -> bool:
    return (
        inner.page == outer.page
        and inner.left >= outer.left - slack
        and inner.right <= outer.right + slack
        and inner.bottom >= outer.bottom - slack
        and inner.top <= outer.top + slack
    )


# --- where the report is signed ---------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_report_is_printed_with_an_empty_field_between_the_post_and_the_name(
    built: Path, sample: Path
) -> None:
    path = built / sample.stem / "report.pdf"
    place = printed_place(path)
    with open_pdf(path) as pdf:
        assert place.page == len(pdf.pages) - 1  # the signature block closes the report
        page = pdf.pages[place.page]
        post, name = find(page, "CHỦ TỊCH"), find(page, SIGNERS[sample.stem])
        height = float(page.height)
    # pdfplumber measures from the top, the PDF from the bottom.
    assert height - place.top >= post["bottom"] - 0.5
    assert height - place.bottom <= name["top"] + 0.5
    assert place.width == pytest.approx(82.5 * MM, abs=0.5) and place.height == pytest.approx(
        28 * MM, abs=0.1
    )
    # The right-hand column of the closing table, from the middle of the text block to its edge.
    assert place.left == pytest.approx(CENTRE, abs=0.5) and place.right == pytest.approx(RIGHT, abs=0.5)


def test_the_article_has_no_signature_field(built: Path) -> None:
    reader = PdfFileReader(io.BytesIO((built / SECOND.stem / "article.pdf").read_bytes()))
    assert "/AcroForm" not in reader.root


def test_a_report_with_an_annex_is_signed_on_the_page_before_it(tmp_path: Path) -> None:
    from tests.conftest import INPUTS

    reportgen.build([INPUTS / "tinh-bac-kan-2024.yaml"], out=tmp_path, fmt=reportgen.Format.PDF)
    path = tmp_path / "tinh-bac-kan-2024" / "report.pdf"
    place = printed_place(path)
    with open_pdf(path) as pdf:
        assert find(pdf.pages[place.page], "Nơi nhận:")
        assert "Phụ lục" in (pdf.pages[place.page + 1].extract_text() or "")


# --- the Decree's layout ------------------------------------------------------------------------


def test_the_seal_covers_the_left_third_of_the_signature_and_stays_in_the_column() -> None:
    space = signature_place.Place(2, 318.9, 469.6, 552.8, 549.0)
    placed = stamps.layout(space, 3.6)
    signature, seal = placed.signature, placed.seal
    assert seal.right == pytest.approx(signature.left + signature.width / 3)
    assert seal.width == pytest.approx(36 * MM) and seal.height == pytest.approx(36 * MM)
    assert seal.left >= space.left - 0.01 and inside(signature, space)
    assert stamps.layout(space, 3.6, 40).seal.width == pytest.approx(40 * MM)


def test_a_scan_becomes_ink_of_the_decree_s_colour_on_a_transparent_ground(keys: Keys) -> None:
    image = stamps.ink(keys.signature, stamps.SIGNATURE_BLUE)
    assert image.mode == "RGBA"
    colours = {pixel[:3] for pixel in image.get_flattened_data() if pixel[3] > 0}
    assert colours == {stamps.SIGNATURE_BLUE}
    alphas = [pixel[3] for pixel in image.get_flattened_data()]
    assert min(alphas) == 0 and max(alphas) == 255  # the paper vanished, the strokes stayed whole
    seal = stamps.ink(keys.seal, stamps.SEAL_RED)
    assert {pixel[:3] for pixel in seal.get_flattened_data() if pixel[3]} == {stamps.SEAL_RED}


# --- signing with a PKCS#12 file ----------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_sample_signed_with_a_file_is_intact_pades_b_b_in_the_signature_block(
    built: Path, sample: Path, keys: Keys, tmp_path: Path
) -> None:
    report = copy_report(built, sample, tmp_path)
    unsigned = report.read_bytes()
    result = sign_with_file(report, keys)
    assert result.exit_code == 0, result.output
    signed = tmp_path / "report.signed.pdf"
    assert f"Đã ký: {signed} (PAdES B-B)." in result.output
    assert report.read_bytes() == unsigned  # never replaced
    assert signed.read_bytes().startswith(unsigned)  # incremental: the printed bytes stay as they were
    space = printed_place(report)
    (person, person_status), (organisation, organisation_status) = signatures(signed, [asn1(keys.ca)])
    for signature, status in ((person, person_status), (organisation, organisation_status)):
        assert status.intact and status.valid and status.trusted
        assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
        assert status.timestamp_validity is None
        assert "signing_time" not in signature.signer_info["signed_attrs"].native  # B-B: /M carries it
    assert person.field_name == "ChuKy" and organisation.field_name == "DauCoQuan"
    assert person_status.signing_cert.subject.native["common_name"] == "Nguyễn Văn An"
    assert organisation_status.signing_cert.subject.native["common_name"] == "Hội Nông dân huyện Na Rì"
    page, person_box = widget(person)
    _page, seal_box = widget(organisation)
    assert page == space.page == 2 and inside(person_box, space)
    assert seal_box.right == pytest.approx(person_box.left + person_box.width / 3, abs=0.01)
    assert seal_box.left >= space.left - 0.01
    assert seal_box.width == pytest.approx(36 * MM, abs=0.01)


def test_verify_reports_each_signature_in_vietnamese_and_in_english(
    built: Path, keys: Keys, tmp_path: Path
) -> None:
    report = copy_report(built, SECOND, tmp_path)
    assert sign_with_file(report, keys).exit_code == 0
    signed = tmp_path / "report.signed.pdf"
    result = run("verify", signed, "--roots", keys.root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Chữ ký 1 (ChuKy): Nguyễn Văn An — Hội Nông dân huyện Na Rì"
    assert lines[1].startswith("  Thời gian ký: ") and lines[1].endswith(" +07:00 (theo máy của người ký)")
    assert lines[2:5] == [
        "  Nội dung: nguyên vẹn; sau khi ký chỉ có thêm chữ ký khác hoặc dữ liệu kiểm tra chữ ký",
        "  Chứng thư số: hợp lệ, dẫn tới chứng thư gốc được tin cậy",
        "  Mức chữ ký: PAdES B-B",
    ]
    assert lines[5] == "Chữ ký 2 (DauCoQuan): Hội Nông dân huyện Na Rì"
    assert lines[7] == lines[2]  # the validation data embedded after it
    assert lines[-1] == "Cả 2 chữ ký đều hợp lệ."
    english = run("verify", signed, "--roots", keys.root, "--lang", "en")
    assert english.exit_code == 0
    assert english.output.splitlines()[-1] == "All 2 signatures are valid."
    assert "  Certificate: valid, chains to a trusted root" in english.output.splitlines()


def test_without_the_root_verify_says_the_chain_is_not_trusted_and_fails(
    built: Path, keys: Keys, tmp_path: Path
) -> None:
    report = copy_report(built, SECOND, tmp_path)
    assert sign_with_file(report, keys).exit_code == 0
    result = run("verify", tmp_path / "report.signed.pdf")
    assert result.exit_code == 1
    assert (
        "  Chứng thư số: KHÔNG được tin cậy — không dẫn tới chứng thư gốc nào được tin cậy — hãy chỉ "
        "chứng thư gốc của nhà cung cấp bằng --roots"
    ) in result.output.splitlines()
    assert "2 trong 2 chữ ký không đạt — đừng tin nội dung tệp này." in result.output


def test_a_byte_changed_after_signing_is_reported(built: Path, keys: Keys, tmp_path: Path) -> None:
    report = copy_report(built, SECOND, tmp_path)
    assert sign_with_file(report, keys).exit_code == 0
    signed = tmp_path / "report.signed.pdf"
    data = bytearray(signed.read_bytes())
    title = data.index(b"/Title (") + len(b"/Title (") + 12  # inside the title, in the signed bytes
    data[title] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    result = run("verify", tampered, "--roots", keys.root)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines.count("  Nội dung: ĐÃ BỊ SỬA sau khi ký — chữ ký không còn giá trị") == 2
    assert lines.count("  Chứng thư số: không xét, vì nội dung đã bị sửa") == 2
    assert lines[-1] == "2 trong 2 chữ ký không đạt — đừng tin nội dung tệp này."


# --- signing with a token -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Iterator[Path]:
    if pki.SOFTHSM_LIBRARY is None:
        if os.environ.get("CI"):
            pytest.fail("softhsm2 is not installed: .ci/run should have installed it")
        pytest.skip("softhsm2 is not installed (.ci/run installs it)")
    person = pki.issue(keys.ca, "Nguyễn Văn An")
    organisation = pki.issue(keys.ca, "Hội Nông dân huyện Na Rì")
    with pki.softhsm_token(
        tmp_path_factory.mktemp("token"), {"nguoi-ky": person, "co-quan": organisation}
    ) as library:
        yield library


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_sample_signed_with_a_token_verifies(
    built: Path, sample: Path, keys: Keys, token: Path, tmp_path: Path
) -> None:
    report = copy_report(built, sample, tmp_path)
    result = run(
        "sign", report, "--pkcs11-lib", token, "--key-label", "nguoi-ky", "--signature-image", keys.signature,
        "--seal-pkcs11-lib", token, "--seal-key-label", "co-quan", "--seal-image", keys.seal,
        input=f"{pki.PIN}\n{pki.PIN}\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Mã PIN của token (người ký):" in result.output and "Mã PIN của token (cơ quan):" in result.output
    signed = tmp_path / "report.signed.pdf"
    verdicts = signatures(signed, [asn1(keys.ca)])
    assert [status.intact and status.trusted for _sig, status in verdicts] == [True, True]
    assert inside(widget(verdicts[0][0])[1], printed_place(report))
    assert run("verify", signed, "--roots", keys.root).exit_code == 0


def test_a_wrong_pin_writes_nothing(built: Path, token: Path, tmp_path: Path) -> None:
    report = copy_report(built, SECOND, tmp_path)
    result = run("sign", report, "--pkcs11-lib", token, "--key-label", "nguoi-ky", input="000000\n")
    assert result.exit_code == 1
    assert (
        f"{token}: sai mã PIN của token — hãy nhập lại; nhập sai nhiều lần liên tiếp, token sẽ bị khoá"
        in result.output
    )
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_token_with_two_keys_asks_which(built: Path, token: Path, tmp_path: Path) -> None:
    report = copy_report(built, SECOND, tmp_path)
    result = run("sign", report, "--pkcs11-lib", token, input=f"{pki.PIN}\n")
    assert result.exit_code == 1
    assert "token có 2 khoá khớp với yêu cầu (nhãn: " in result.output
    assert "— hãy chọn đúng một bằng --key-label NHÃN" in result.output


# --- the usual mistakes ---------------------------------------------------------------------------


def test_a_wrong_password_writes_nothing(built: Path, keys: Keys, tmp_path: Path) -> None:
    report = copy_report(built, SECOND, tmp_path)
    result = run("sign", report, "--p12", keys.person, input="sai-mat-khau\n")
    assert result.exit_code == 1
    assert (
        f"{keys.person}: sai mật khẩu của tệp chứng thư số — hãy nhập lại đúng mật khẩu "
        "(phân biệt chữ hoa, chữ thường)"
    ) in result.output
    assert "1 lỗi: chưa ký, không ghi tệp nào." in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_an_expired_certificate_is_refused(built: Path, keys: Keys, tmp_path: Path) -> None:
    expired = pki.issue(keys.ca, "Lê Văn Cũ", days=(-400, -30))
    p12 = expired.p12(tmp_path / "cu.p12", [keys.ca.certificate])
    report = copy_report(built, SECOND, tmp_path / "bao-cao")
    result = run("sign", report, "--p12", p12, "--password-file", keys.password_file)
    assert result.exit_code == 1
    ended = expired.certificate.not_valid_after_utc
    assert (
        f"{p12}: chứng thư số của Lê Văn Cũ đã hết hạn từ ngày {ended:%d/%m/%Y} — chữ ký bằng nó không có "
        "giá trị; hãy gia hạn với nhà cung cấp chứng thư số rồi ký lại"
    ) in result.output
    assert not (tmp_path / "bao-cao" / "report.signed.pdf").exists()


def test_a_pdf_reportgen_did_not_make_asks_for_a_box(built: Path, keys: Keys, tmp_path: Path) -> None:
    article = Path(shutil.copyfile(built / SECOND.stem / "article.pdf", tmp_path / "article.pdf"))
    result = run("sign", article, "--p12", keys.person, "--password-file", keys.password_file)
    assert result.exit_code == 1
    assert (
        f"{article}: không thấy chỗ ký trong PDF này (có lẽ không phải báo cáo do reportgen in ra) — hãy "
        "chỉ chỗ ký bằng --box TRANG:X,Y,RỘNG,CAO, tính bằng milimét từ góc trên bên trái trang"
    ) in result.output
    boxed = run(
        "sign",
        article,
        "--p12",
        keys.person,
        "--password-file",
        keys.password_file,
        "--box",
        "2:110,150,70,28",
    )
    assert boxed.exit_code == 0, boxed.output
    [(signature, status)] = signatures(tmp_path / "article.signed.pdf", [asn1(keys.ca)])
    page, box = widget(signature)
    top = 297 * MM - 150 * MM
    given = signature_place.Place(1, 110 * MM, top - 28 * MM, 180 * MM, top)
    assert page == 1 and status.intact and inside(box, given)


def test_a_box_written_wrongly_says_how_to_write_it(built: Path, keys: Keys, tmp_path: Path) -> None:
    report = copy_report(built, SECOND, tmp_path)
    result = run("sign", report, "--p12", keys.person, "--box", "2:110,150")
    assert result.exit_code == 2
    assert (
        '"2:110,150" không phải vị trí chữ ký — hãy viết TRANG:X,Y,RỘNG,CAO bằng milimét tính từ góc trên '
        "bên trái trang, ví dụ 3:110,150,70,28"
    ) in result.output


def test_a_signed_report_takes_the_seal_and_keeps_the_first_signature(
    built: Path, keys: Keys, tmp_path: Path
) -> None:
    report = copy_report(built, SECOND, tmp_path)
    first = run("sign", report, "--p12", keys.person, "--password-file", keys.password_file)
    assert first.exit_code == 0, first.output
    signed = tmp_path / "report.signed.pdf"
    again = run("sign", signed, "--p12", keys.person, "--password-file", keys.password_file)
    assert again.exit_code == 1
    assert (
        f"{signed}: khối chữ ký đã có chữ ký — chữ ký cũ được giữ nguyên; muốn đóng dấu của cơ quan thì "
        "chỉ dùng --seal-p12 hoặc --seal-pkcs11-lib, muốn ký thêm ở chỗ khác thì dùng --box"
    ) in again.output
    sealed = run(
        "sign", signed, "--seal-p12", keys.organisation, "--seal-password-file", keys.password_file,
        "--seal-image", keys.seal,
    )  # fmt: skip
    assert sealed.exit_code == 0, sealed.output
    second = tmp_path / "report.signed-2.pdf"
    assert second.read_bytes().startswith(signed.read_bytes())
    (person, status), (seal, seal_status) = signatures(second, [asn1(keys.ca)])
    assert status.intact and status.trusted and seal_status.intact
    assert widget(seal)[1].right == pytest.approx(
        widget(person)[1].left + widget(person)[1].width / 3, abs=0.01
    )
    assert run("verify", second, "--roots", keys.root).exit_code == 0


def test_verify_refuses_an_unsigned_file_and_a_file_that_is_not_a_pdf(built: Path, tmp_path: Path) -> None:
    unsigned = run("verify", built / SECOND.stem / "report.pdf")
    assert unsigned.exit_code == 1
    assert f"{built / SECOND.stem / 'report.pdf'}: tệp không có chữ ký số nào" in unsigned.output
    text = tmp_path / "bao-cao.pdf"
    text.write_text("không phải PDF", encoding="utf-8")
    assert f"{text}: đây không phải tệp PDF" in run("verify", text).output


# --- time stamps and revocation data --------------------------------------------------------------


def test_a_time_stamp_server_makes_it_b_t_and_offline_revocation_is_said(
    built: Path, keys: Keys, tmp_path: Path
) -> None:
    person = pki.issue(keys.ca, "Nguyễn Văn An", revocation_url=pki.refused_url())
    p12 = person.p12(tmp_path / "an.p12", [keys.ca.certificate])
    report = copy_report(built, SECOND, tmp_path / "bao-cao")
    with pki.time_stamp_server(keys.ca) as url:
        result = run(
            "sign", report, "--p12", p12, "--password-file", keys.password_file, "--tsa", url,
            "--roots", keys.root,
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "(PAdES B-T)." in result.output
    assert (
        "cảnh báo: không lấy được thông tin thu hồi chứng thư số: Failure to fetch CRL from URL"
        in result.output
    )
    signed = tmp_path / "bao-cao" / "report.signed.pdf"
    [(_signature, status)] = signatures(signed, [asn1(keys.ca)])
    assert status.intact and status.timestamp_validity is not None and status.timestamp_validity.intact
    checked = run("verify", signed, "--roots", keys.root)
    assert "  Mức chữ ký: PAdES B-T" in checked.output.splitlines()
    assert "(theo dấu thời gian)" in checked.output


def test_an_unreachable_time_stamp_server_writes_nothing(built: Path, keys: Keys, tmp_path: Path) -> None:
    report = copy_report(built, SECOND, tmp_path)
    url = pki.refused_url()
    result = run("sign", report, "--p12", keys.person, "--password-file", keys.password_file, "--tsa", url)
    assert result.exit_code == 1
    assert f"không lấy được dấu thời gian từ {url} (TimestampRequestError)" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
