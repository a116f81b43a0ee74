"""Check the signatures of a PDF, with pyHanko's validation, and say what was found in words.

For each signature: who signed, when (by a time-stamp server's token when there is one), whether
the signed bytes are intact, whether what was added after it is only what may follow a signature
(another signature, its validation data), whether the certificate chains to a trusted root, and
the PAdES level. A signature passes only if all of these hold.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen import signing
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.signing import root_files
from reportgen.stamps import vietnam_time


@dataclass(frozen=True)
class Check:
    """What was found about one signature."""

    field: str
    signer: str
    organisation: str
    time: datetime.datetime | None
    time_stamped: bool
    intact: bool
    changed_after: str
    """``none``; ``signatures`` (only signatures or their validation data added); ``other``."""
    trusted: bool
    trust_problem: str
    level: str
    """``B-B``, ``B-T``, ``B-LT``; empty when the signature is not PAdES."""

    @property
    def ok(self) -> bool:
        """Whether the signature passes every check."""
        return self.intact and self.trusted and self.changed_after != "other"


def verify(pdf: Path, roots: Sequence[Path] = ()) -> list[Check]:
    """Check every signature of ``pdf``; ``roots`` are the trusted roots (else the system's).

    Raises:
        ReportgenError: the file is not a PDF, cannot be read, or has no signature.
    """
    from pyhanko.keys import load_certs_from_pemder
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        data = pdf.read_bytes()
    except OSError as error:
        raise ReportgenError.at(
            Location(pdf), _("không đọc được tệp: {error}").format(error=error.strerror)
        ) from None
    if not data.lstrip()[:5] == b"%PDF-":
        raise ReportgenError.at(Location(pdf), _("đây không phải tệp PDF"))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError) as error:
        raise ReportgenError.at(Location(pdf), _("tệp PDF bị hỏng: {error}").format(error=error)) from None
    if not signatures:
        raise ReportgenError.at(Location(pdf), _("tệp không có chữ ký số nào"))
    files = [str(path) for path in root_files(roots)]
    trusted = list(load_certs_from_pemder(files)) if roots else None  # type: ignore[no-untyped-call]
    long_term = signing.has_revocation_data(data)
    return [_check(signature, trusted, long_term) for signature in signatures]


def _check(signature: Any, roots: list[Any] | None, long_term: bool) -> Check:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(signature, signer_validation_context=context)
    except Exception as error:  # a signature too broken to be read: it fails, with pyHanko's reason
        return Check(signature.field_name, "?", "", None, False, False, "other", False, str(error), "")
    subject = status.signing_cert.subject.native
    stamp = status.timestamp_validity
    level = ""
    if signature.sig_object.get("/SubFilter") == "/ETSI.CAdES.detached":
        level = "B-LT" if stamp is not None and long_term else "B-T" if stamp is not None else "B-B"
    changed = status.modification_level
    return Check(
        field=signature.field_name,
        signer=str(subject.get("common_name") or status.signing_cert.subject.human_friendly),
        organisation=str(subject.get("organization_name") or ""),
        time=stamp.timestamp if stamp is not None else status.signer_reported_dt,
        time_stamped=stamp is not None,
        intact=bool(status.intact and status.valid),
        changed_after=(
            "none"
            if changed in (None, ModificationLevel.NONE)
            else "signatures"
            if changed in (ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)
            else "other"
        ),
        trusted=bool(status.trusted),
        trust_problem=_trust_problem(status),
        level=level,
    )


def _trust_problem(status: Any) -> str:
    if status.trusted:
        return ""
    if status.revoked:
        return _("chứng thư số đã bị thu hồi")
    indication = getattr(status.trust_problem_indic, "name", "")
    if indication == "EXPIRED" or "EXPIRED" in indication:
        return _("chứng thư số đã hết hạn vào lúc ký")
    if indication in {"NO_CERTIFICATE_CHAIN_FOUND", "NO_CERTIFICATE_CHAIN_FOUND_NO_POE"}:
        return _(
            "không dẫn tới chứng thư gốc nào được tin cậy — hãy chỉ chứng thư gốc của nhà cung cấp "
            "bằng --roots"
        )
    return _("không kiểm tra được chứng thư số ({reason})").format(reason=indication or "?")


def describe(index: int, check: Check) -> list[str]:
    """The lines ``reportgen verify`` prints for one signature."""
    who = check.signer + (
        f" — {check.organisation}" if check.organisation and check.organisation != check.signer else ""
    )
    lines = [_("Chữ ký {number} ({field}): {who}").format(number=index, field=check.field, who=who)]
    if check.time is not None:
        source = _("theo dấu thời gian") if check.time_stamped else _("theo máy của người ký")
        lines.append(
            _("  Thời gian ký: {time} ({source})").format(time=vietnam_time(check.time), source=source)
        )
    if not check.intact:
        lines.append(_("  Nội dung: ĐÃ BỊ SỬA sau khi ký — chữ ký không còn giá trị"))
    elif check.changed_after == "other":
        lines.append(_("  Nội dung: có thay đổi sau khi ký ngoài việc ký thêm — chữ ký không còn giá trị"))
    elif check.changed_after == "signatures":
        lines.append(
            _("  Nội dung: nguyên vẹn; sau khi ký chỉ có thêm chữ ký khác hoặc dữ liệu kiểm tra chữ ký")
        )
    else:
        lines.append(_("  Nội dung: nguyên vẹn, không thay đổi sau khi ký"))
    if not check.intact:
        lines.append(_("  Chứng thư số: không xét, vì nội dung đã bị sửa"))
    elif check.trusted:
        lines.append(_("  Chứng thư số: hợp lệ, dẫn tới chứng thư gốc được tin cậy"))
    else:
        lines.append(_("  Chứng thư số: KHÔNG được tin cậy — {problem}").format(problem=check.trust_problem))
    if check.level:
        lines.append(_("  Mức chữ ký: PAdES {level}").format(level=check.level))
    else:
        lines.append(_("  Mức chữ ký: không phải PAdES"))
    return lines
