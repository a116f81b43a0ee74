"""Sign a printed report: PAdES signatures by pyHanko, placed as Decree 30 lays them out.

The signer's signature goes into the signature field the report was printed with (see
:mod:`reportgen.signature_place`), or into a rectangle given by hand for another PDF; the
organisation's signature, with its seal, goes over the left third of it (see
:mod:`reportgen.stamps`). Each signature is an incremental update: whatever the file held
before, earlier signatures and the archival PDF/A included, stays byte for byte as it was.

The level is PAdES baseline B-B; B-T with a time-stamp server; B-LT when the certificates'
revocation data could also be fetched and embedded. What could not be added is said, never
silently dropped. The result is written to a new file beside the report, never over it.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen import atomic, keys, stamps
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.signature_place import FIELD, BoxRequest, Place

# pyHanko logs what it also raises or returns, tracebacks included; reportgen says it in words.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())

SEAL_FIELD = "DauCoQuan"
"""The name of the organisation's signature field."""


@dataclass(frozen=True)
class Key:
    """A key to sign with, its password or PIN, and the image its signature shows."""

    source: keys.KeySource
    secret: str
    image: Path | None = None


@dataclass(frozen=True)
class Request:
    """What ``reportgen sign`` is asked to do."""

    signer: Key | None = None
    """The person with authority, signing in the signature block."""
    seal: Key | None = None
    """The organisation, signing with its seal."""
    seal_mm: float = stamps.SEAL_SIZE_MM
    tsa: str | None = None
    """The time-stamp server's address, for PAdES B-T."""
    box: BoxRequest | None = None
    """Where to sign a PDF reportgen did not make."""
    roots: Sequence[Path] = ()
    """Trusted root certificates, to check the chain before embedding its revocation data."""


@dataclass
class Signed:
    """A signed file: where it was written, its PAdES level, and what could not be added."""

    path: Path
    level: str
    notes: list[str] = field(default_factory=list)


def sign(pdf: Path, request: Request, out: Path | None = None) -> Signed:
    """Sign ``pdf`` as ``request`` says; write the result to ``out`` or a new file beside it.

    Raises:
        ReportgenError: the PDF cannot be read or has no place to sign, a key cannot be
            opened, a certificate has expired, or the time-stamp server does not answer;
            nothing is written then.
    """
    if request.signer is None and request.seal is None:
        raise ReportgenError.at(Location(pdf), _("chưa có khoá để ký — hãy dùng --p12 hoặc --pkcs11-lib"))
    data = _read(pdf)
    fields = _fields(data, pdf)
    if request.box is not None:
        space, name = request.box.on_page(_page_height(data, request.box.page)), _free(fields, FIELD)
    elif FIELD in fields:
        space, name = fields[FIELD][0], FIELD
    else:
        raise ReportgenError.at(
            Location(pdf),
            _(
                "không thấy chỗ ký trong PDF này (có lẽ không phải báo cáo do reportgen in ra) — hãy chỉ "
                "chỗ ký bằng --box TRANG:X,Y,RỘNG,CAO, tính bằng milimét từ góc trên bên trái trang"
            ),
        )
    signed_already = name in fields and fields[name][1] == "signed"
    notes: list[str] = []
    timestamped = request.tsa is not None
    with contextlib.ExitStack() as stack:
        if request.signer is not None:
            if signed_already:
                raise ReportgenError.at(
                    Location(pdf),
                    _(
                        "khối chữ ký đã có chữ ký — chữ ký cũ được giữ nguyên; muốn đóng dấu của cơ "
                        "quan thì chỉ dùng --seal-p12 hoặc --seal-pkcs11-lib, muốn ký thêm ở chỗ khác "
                        "thì dùng --box"
                    ),
                )
            signer = stack.enter_context(keys.opened(request.signer.source, request.signer.secret))
            image = stamps.ink(request.signer.image, stamps.SIGNATURE_BLUE) if request.signer.image else None
            ratio = image.width / image.height if image is not None else None
            placed = stamps.layout(space, ratio, request.seal_mm)
            data = _sign_once(
                data,
                pdf,
                signer,
                name,
                placed.signature,
                stamps.signer_style(image, placed.signature.width),
                request,
                notes,
            )
            signature_place = placed.signature
        else:
            signature_place = (
                space if signed_already else stamps.layout(space, None, request.seal_mm).signature
            )
        if request.seal is not None:
            sealer = stack.enter_context(keys.opened(request.seal.source, request.seal.secret))
            seal_image = stamps.ink(request.seal.image, stamps.SEAL_RED) if request.seal.image else None
            seal = stamps.seal_over(signature_place, request.seal_mm)
            data = _sign_once(
                data,
                pdf,
                sealer,
                _free(fields, SEAL_FIELD),
                seal,
                stamps.seal_style(seal_image),
                request,
                notes,
            )
    long_term = has_revocation_data(data)
    if timestamped and not long_term and not notes:
        notes.append(_("chưa đạt B-LT: chứng thư số không ghi nơi lấy thông tin thu hồi (CRL, OCSP)"))
    level = "B-LT" if timestamped and long_term else "B-T" if timestamped else "B-B"
    target = out or beside(pdf)
    _write_new(target, data)
    return Signed(target, level, list(dict.fromkeys(notes)))


def _read(pdf: Path) -> bytes:
    try:
        data = pdf.read_bytes()
    except OSError as error:
        raise ReportgenError.at(
            Location(pdf), _("không đọc được tệp: {error}").format(error=error.strerror)
        ) from None
    if not data.lstrip()[:5] == b"%PDF-":
        raise ReportgenError.at(Location(pdf), _("đây không phải tệp PDF"))
    return data


def _reader(data: bytes, pdf: Path) -> Any:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError) as error:
        raise ReportgenError.at(Location(pdf), _("tệp PDF bị hỏng: {error}").format(error=error)) from None


def _fields(data: bytes, pdf: Path) -> dict[str, tuple[Place, str]]:
    """The PDF's signature fields by name: the rectangle of the first widget, and signed or empty."""
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = _reader(data, pdf)
    pages = [_page(reader, index)[0].idnum for index in range(_page_count(reader))]
    found = {}
    for name, value, reference in enumerate_sig_fields(reader, filled_status=None):
        widget = reference.get_object()
        if "/Kids" in widget:
            widget = widget["/Kids"][0].get_object()
        page = widget.get_value_as_reference("/P").idnum if "/P" in widget else None
        index = pages.index(page) if page in pages else 0
        left, bottom, right, top = (float(v) for v in widget["/Rect"])
        found[name] = (Place(index, left, bottom, right, top), "empty" if value is None else "signed")
    return found


def has_revocation_data(data: bytes) -> bool:
    """Whether a PDF carries revocation data for its signatures (a DSS with CRLs or OCSP responses)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    root = PdfFileReader(io.BytesIO(data), strict=False).root
    return "/DSS" in root and any(key in root["/DSS"] for key in ("/OCSPs", "/CRLs"))


def _page_count(reader: Any) -> int:
    return int(reader.root["/Pages"]["/Count"])


def _page(reader: Any, index: int) -> tuple[Any, Any]:
    """The reference to page ``index`` (from 0) and the page itself."""
    reference, _resources = reader.find_page_for_modification(index)
    return reference, reference.get_object()


def _page_height(data: bytes, index: int) -> float:
    reader = _reader(data, Path("--box"))
    count = _page_count(reader)
    if index >= count:
        raise ReportgenError.at(Location(Path("--box")), _("PDF chỉ có {count} trang").format(count=count))
    box = [float(v) for v in _page(reader, index)[1]["/MediaBox"]]
    return box[3] - box[1]


def _free(fields: dict[str, tuple[Place, str]], base: str) -> str:
    """``base``, or ``base2``, ``base3``… whichever no field of the PDF holds yet."""
    name, number = base, 1
    while name in fields:
        number += 1
        name = f"{base}{number}"
    return name


def _sign_once(
    data: bytes,
    pdf: Path,
    signer: Any,
    name: str,
    place: Place,
    style: Any,
    request: Request,
    notes: list[str],
) -> bytes:
    """Add one signature to ``data`` as an incremental update; return the new bytes."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError

    timestamper = None
    if request.tsa is not None:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(request.tsa, timeout=20)
    context = _revocation_context(signer, request.roots, notes)
    for attempt in ("long-term", "basic"):
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        spec = _field_spec(writer, name, place)
        meta = signers.PdfSignatureMetadata(
            field_name=name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            embed_validation_info=attempt == "long-term" and context is not None,
            validation_context=context,
        )
        pdf_signer = signers.PdfSigner(
            meta, signer, timestamper=timestamper, stamp_style=style, new_field_spec=spec
        )
        try:
            output = pdf_signer.sign_pdf(writer, output=io.BytesIO())
        except SigningError as error:
            if attempt == "long-term" and meta.embed_validation_info:
                notes.append(
                    _("không nhúng được thông tin kiểm tra chứng thư số: {error}").format(error=error)
                )
                continue
            raise ReportgenError.at(Location(pdf), _("không ký được: {error}").format(error=error)) from None
        except Exception as error:  # the time-stamp server, over aiohttp, fails in many ways
            if request.tsa is not None and _is_network(error):
                raise ReportgenError.at(
                    Location(pdf),
                    _(
                        "không lấy được dấu thời gian từ {url} ({error}) — hãy kiểm tra địa chỉ và mạng"
                    ).format(url=request.tsa, error=type(error).__name__),
                ) from None
            raise
        if context is not None:
            for failure in context.soft_fail_exceptions:
                notes.append(
                    _("không lấy được thông tin thu hồi chứng thư số: {error}").format(error=failure)
                )
        result: bytes = output.getvalue()
        return result
    raise AssertionError("unreachable")  # pragma: no cover


def _is_network(error: Exception) -> bool:
    names = {type(cause).__name__ for cause in _causes(error)}
    return bool(
        names & {"ClientError", "ClientConnectorError", "TimestampRequestError", "TimeoutError", "OSError"}
    ) or any(isinstance(cause, OSError) for cause in _causes(error))


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def _field_spec(writer: Any, name: str, place: Place) -> Any:
    """Move an empty field to ``place``, or describe the new field to create there."""
    from pyhanko.pdf_utils import generic
    from pyhanko.sign import fields

    for found, _value, reference in fields.enumerate_sig_fields(writer, filled_status=False):
        if found != name:
            continue
        widget = reference.get_object()
        widget["/Rect"] = generic.ArrayObject(generic.FloatObject(v) for v in place.box())  # type: ignore[no-untyped-call]
        writer.update_container(widget)
        return None
    return fields.SigFieldSpec(sig_field_name=name, on_page=place.page, box=place.box())  # type: ignore[arg-type]


def _revocation_context(signer: Any, roots: Sequence[Path], notes: list[str]) -> Any:
    """A validation context that may fetch revocation data, trusting the roots at hand.

    The roots are those given with ``--roots`` and any self-signed certificate the key came
    with (a token often holds its CA's root). Without a root, nothing can be checked: None.
    """
    from pyhanko.keys import load_certs_from_pemder
    from pyhanko_certvalidator import ValidationContext

    chain = list(signer.cert_registry)
    trusted = [cert for cert in chain if cert.self_signed == "maybe" or cert.self_signed == "yes"]
    trusted += list(load_certs_from_pemder([str(path) for path in root_files(roots)]))  # type: ignore[no-untyped-call]
    if not trusted:
        notes.append(
            _("không nhúng được thông tin kiểm tra chứng thư số: không có chứng thư gốc — hãy thêm --roots")
        )
        return None
    return ValidationContext(
        trust_roots=trusted, other_certs=chain, allow_fetching=True, revocation_mode="soft-fail"
    )


def root_files(roots: Sequence[Path]) -> list[Path]:
    """The certificate files among ``roots``: files as given, folders for their .cer/.crt/.pem/.der."""
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files += sorted(p for p in root.iterdir() if p.suffix.lower() in {".cer", ".crt", ".pem", ".der"})
        else:
            files.append(root)
    return files


def beside(pdf: Path) -> Path:
    """The new file a signed ``pdf`` is written to: ``report.signed.pdf``, or ``-2``, ``-3``… if taken.

    >>> beside(Path("/nowhere/report.pdf")), beside(Path("/nowhere/report.signed.pdf"))
    (PosixPath('/nowhere/report.signed.pdf'), PosixPath('/nowhere/report.signed-2.pdf'))
    """
    stem = re.sub(r"\.signed(-\d+)?$", "", pdf.stem)
    candidates = (f"{stem}.signed{'' if n == 1 else f'-{n}'}.pdf" for n in range(1, 1000))
    for name in candidates:
        target = pdf.with_name(name)
        if target != pdf and not target.exists():
            return target
    raise ReportgenError.at(Location(pdf), _("đã có quá nhiều bản ký của tệp này"))  # pragma: no cover


def _write_new(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole, never over an existing file.

    Raises:
        ReportgenError: the file exists already, or the folder cannot be written.
    """
    try:
        atomic.write(target, data, replace=False)
    except FileExistsError:
        raise ReportgenError.at(
            Location(target), _("tệp đã có — reportgen không ghi đè; hãy chọn tên khác")
        ) from None
    except OSError as error:
        raise atomic.failure(target, error) from None
