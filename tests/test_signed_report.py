"""A signed report is still the report: the layout tests pass on it, and PDF/A stays PDF/A."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pypdf
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

import reportgen
from reportgen import signing
from reportgen.keys import CertificateFile
from tests import signing_pki as pki
from tests import test_report
from tests.conftest import SECOND, SEED, pdf_text
from tests.report_pdf import embedded_fonts


def sign_copy(report: Path, folder: Path, keys: dict[str, Path]) -> Path:
    """Sign ``report`` with a signature image and a seal; the signed copy goes to ``folder``/report.pdf."""
    folder.mkdir(parents=True, exist_ok=True)
    request = signing.Request(
        signing.Key(CertificateFile(keys["person"]), pki.PASSWORD, keys["signature"]),
        signing.Key(CertificateFile(keys["organisation"]), pki.PASSWORD, keys["seal"]),
    )
    return signing.sign(report, request, folder / "report.pdf").path


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("keys")
    ca = pki.root_ca()
    return {
        "person": pki.issue(ca, "Nguyễn Văn An").p12(folder / "an.p12", [ca.certificate]),
        "organisation": pki.issue(ca, "Hội Nông dân").p12(folder / "hoi.p12", [ca.certificate]),
        "signature": pki.signature_scan(folder / "chu-ky.png"),
        "seal": pki.seal_picture(folder / "dau.png"),
    }


@pytest.fixture(scope="module")
def signed(built: Path, keys: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder laid out like ``built``, each report signed by a person and sealed."""
    out = tmp_path_factory.mktemp("signed")
    for sample in (SEED, SECOND):
        sign_copy(built / sample.stem / "report.pdf", out / sample.stem, keys)
    return out


@pytest.mark.parametrize("sample", [SEED, SECOND])
def test_the_signed_report_passes_the_layout_tests(signed: Path, built: Path, sample: Path) -> None:
    test_report.test_every_page_is_a4(signed, sample)
    test_report.test_text_keeps_the_decree_s_margins(signed, sample)
    test_report.test_one_family_embedded_for_all_the_text(signed, sample)
    test_report.test_page_numbers_are_centred_in_the_top_margin_from_page_2(signed, sample)
    # The signatures add no text to the pages: what a reader copies is what was printed.
    assert pdf_text(signed / sample.stem / "report.pdf") == pdf_text(built / sample.stem / "report.pdf")


@pytest.mark.parametrize(
    ("sample", "recipients", "name"),
    [
        (SEED, ["- Trung ương Hội Khuyến học Việt Nam;"], "Nguyễn Văn An"),
        (SECOND, ["- Hội Nông dân tỉnh;"], "Hoàng Văn Phúc"),
    ],
)
def test_the_signed_report_still_closes_with_the_signature_block(
    signed: Path, sample: Path, recipients: list[str], name: str
) -> None:
    test_report.test_the_signature_and_the_recipients_close_the_report(signed, sample, recipients, name)


def test_an_archival_report_stays_pdf_a_after_signing(
    tmp_path: Path, keys: dict[str, Path], built: Path
) -> None:
    reportgen.build([SECOND], out=tmp_path / "out", fmt=reportgen.Format.PDF, archival=True)
    printed = tmp_path / "out" / SECOND.stem / "report.pdf"
    path = sign_copy(printed, tmp_path / "ky", keys)
    data = path.read_bytes()
    assert data.startswith(printed.read_bytes())  # an incremental update: the PDF/A file is untouched
    reader = pypdf.PdfReader(path)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert root["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    # The document information and the XMP agree on when the file last changed.
    modified = reader.metadata.modification_date if reader.metadata else None
    xmp_modified = re.search(r'xmp:ModifyDate="([^"]+)"', xmp)
    assert modified is not None and xmp_modified is not None
    assert modified.isoformat()[:19] == xmp_modified.group(1)[:19]
    # Every font the signatures' appearances draw with is embedded, as PDF/A demands.
    pyhanko_reader = PdfFileReader(io.BytesIO(data))
    drawn = 0
    for signature in pyhanko_reader.embedded_signatures:
        appearance = signature.sig_field["/AP"]["/N"]
        resources = appearance.get_object()["/Resources"]
        for font in resources.get("/Font", {}).values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object(), font
            drawn += 1
    assert drawn >= 1  # the signer's lines are drawn in an embedded font
    assert embedded_fonts(path) == embedded_fonts(printed)


def test_the_signed_copy_never_replaces_an_earlier_one(
    tmp_path: Path, keys: dict[str, Path], built: Path
) -> None:
    report = Path(shutil.copyfile(built / SECOND.stem / "report.pdf", tmp_path / "report.pdf"))
    request = signing.Request(signing.Key(CertificateFile(keys["person"]), pki.PASSWORD))
    first = signing.sign(report, request)
    kept = first.path.read_bytes()
    second = signing.sign(report, request)
    assert (first.path.name, second.path.name) == ("report.signed.pdf", "report.signed-2.pdf")
    assert first.path.read_bytes() == kept
