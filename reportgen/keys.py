"""Where a signing key lives: a certificate file (PKCS#12) or a USB token (PKCS#11).

Vietnam's licensed certification authorities hand offices a USB token; the vendor installs a
PKCS#11 library (a ``.so``, ``.dylib`` or ``.dll``) through which any program can ask the token
to sign, after the PIN. Some hand a ``.p12``/``.pfx`` file with a password instead. Both end
here as a pyHanko signer, or as a :class:`ReportgenError` that says what to do: the wrong
password or PIN, a locked token, an expired certificate. The password and PIN are passed in by
the caller and never kept.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _


@dataclass(frozen=True)
class CertificateFile:
    """A PKCS#12 file (``.p12``, ``.pfx``) holding a key and its certificate."""

    path: Path


@dataclass(frozen=True)
class Token:
    """A key on a PKCS#11 token, reached through the vendor's library."""

    library: Path
    slot: int | None = None
    """The slot's number as ``pkcs11-tool -L`` lists them (from 0); None: the only token plugged in."""
    label: str | None = None
    """The token's label, to choose among several tokens."""
    key_label: str | None = None
    """The key's label, to choose among several keys on the token."""


KeySource = CertificateFile | Token


@contextmanager
def opened(source: KeySource, secret: str, now: datetime.datetime | None = None) -> Iterator[Any]:
    """Open the key at ``source`` with its password or PIN; yield a pyHanko signer.

    A token's session stays open inside the ``with`` block and is closed after it.

    Raises:
        ReportgenError: the file or token cannot be read, the password or PIN is wrong, or
            the certificate is not valid at ``now`` (by default, this moment).
    """
    if isinstance(source, CertificateFile):
        signer = _from_file(source.path, secret)
        check_validity(signer.signing_cert, source.path, now)
        yield signer
        return
    with _session(source, secret) as (session, where):
        signer = _from_token(session, source, where)
        check_validity(signer.signing_cert, where, now)
        yield signer


def _from_file(path: Path, password: str) -> Any:
    from asn1crypto import pkcs12
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReportgenError.at(
            Location(path), _("không đọc được tệp chứng thư số: {error}").format(error=error.strerror)
        ) from None
    try:
        pkcs12.Pfx.load(data).native  # noqa: B018 - parses the whole structure, to tell it from a wrong password
    except ValueError:
        raise ReportgenError.at(
            Location(path),
            _("đây không phải tệp chứng thư số PKCS#12 — hãy chọn tệp .p12 hoặc .pfx mà nhà cung cấp đã gửi"),
        ) from None
    try:
        return SimpleSigner.load_pkcs12_data(data, (), password.encode("utf-8") if password else None)
    except ValueError:
        raise ReportgenError.at(
            Location(path),
            _(
                "sai mật khẩu của tệp chứng thư số — hãy nhập lại đúng mật khẩu "
                "(phân biệt chữ hoa, chữ thường)"
            ),
        ) from None


@contextmanager
def _session(token: Token, pin: str) -> Iterator[tuple[Any, Path]]:
    import pkcs11
    from pkcs11 import exceptions as p11

    where = token.library
    try:
        library = pkcs11.lib(str(token.library))
    except (RuntimeError, OSError) as error:
        raise ReportgenError.at(
            Location(where),
            _(
                "không mở được thư viện PKCS#11 ({error}) — hãy chỉ đúng tệp thư viện mà phần mềm "
                "của token đã cài (xem hướng dẫn ký số)"
            ).format(error=error),
        ) from None
    tokens = _tokens(library, token)
    if not tokens:
        raise ReportgenError.at(
            Location(where), _("không thấy token nào — hãy cắm token USB vào máy rồi chạy lại")
        )
    if len(tokens) > 1:
        labels = ", ".join(f"{index}: {found.label.strip()}" for index, found in tokens)
        raise ReportgenError.at(
            Location(where),
            _("có nhiều token ({tokens}) — hãy chọn một bằng --slot SỐ hoặc --token-label NHÃN").format(
                tokens=labels
            ),
        )
    [(_index, chosen)] = tokens
    try:
        session = chosen.open(user_pin=pin)
    except p11.UserAlreadyLoggedIn:  # the signer's and the seal's keys on one token: one login serves both
        session = chosen.open()
    except p11.PinLocked:
        raise ReportgenError.at(
            Location(where),
            _(
                "token đã bị khoá vì nhập sai PIN nhiều lần — hãy liên hệ nhà cung cấp chứng thư số "
                "để mở khoá"
            ),
        ) from None
    except (p11.PinIncorrect, p11.PinLenRange, p11.PinInvalid):
        raise ReportgenError.at(
            Location(where),
            _("sai mã PIN của token — hãy nhập lại; nhập sai nhiều lần liên tiếp, token sẽ bị khoá"),
        ) from None
    except p11.PKCS11Error as error:
        raise ReportgenError.at(
            Location(where), _("token không mở được ({error})").format(error=type(error).__name__)
        ) from None
    try:
        yield session, where
    finally:
        session.close()


def _tokens(library: Any, token: Token) -> list[tuple[int, Any]]:
    """The tokens plugged in that match ``token``'s slot and label, with their slot numbers."""
    from pkcs11 import TokenFlag

    found = []
    for index, slot in enumerate(library.get_slots()):
        if token.slot is not None and index != token.slot:
            continue
        try:
            present = slot.get_token()
        except Exception:  # an empty slot: its reader has no token in it
            continue
        if not present.flags & TokenFlag.TOKEN_INITIALIZED:  # a blank token holds no key
            continue
        if token.label is None or present.label.strip() == token.label:
            found.append((index, present))
    return found


def _from_token(session: Any, token: Token, where: Path) -> Any:
    from pkcs11 import Attribute, ObjectClass
    from pyhanko.sign.pkcs11 import PKCS11Signer

    query: dict[Any, Any] = {Attribute.CLASS: ObjectClass.PRIVATE_KEY}
    if token.key_label is not None:
        query[Attribute.LABEL] = token.key_label
    keys = list(session.get_objects(query))
    if len(keys) != 1:
        labels = ", ".join(str(key.label) for key in keys) or _("không có")
        raise ReportgenError.at(
            Location(where),
            _(
                "token có {count} khoá khớp với yêu cầu (nhãn: {labels}) — hãy chọn đúng một bằng "
                "--key-label NHÃN"
            ).format(count=len(keys), labels=labels),
        )
    key_id = keys[0][Attribute.ID]
    signer = PKCS11Signer(session, key_id=key_id, cert_id=key_id, other_certs_to_pull=None)
    try:
        signer.signing_cert  # noqa: B018 - loads the certificate now, to report a missing one here
    except Exception:
        raise ReportgenError.at(
            Location(where),
            _("token không có chứng thư số đi kèm khoá ký — hãy hỏi nhà cung cấp chứng thư số"),
        ) from None
    return signer


def check_validity(certificate: Any, where: Path, now: datetime.datetime | None = None) -> None:
    """Refuse a certificate that has expired or is not yet valid at ``now``.

    Raises:
        ReportgenError: naming the holder and the date the certificate ends or begins.
    """
    now = now or datetime.datetime.now(datetime.UTC)
    validity = certificate["tbs_certificate"]["validity"]
    begins, ends = validity["not_before"].native, validity["not_after"].native
    holder = holder_name(certificate)
    if now > ends:
        raise ReportgenError.at(
            Location(where),
            _(
                "chứng thư số của {holder} đã hết hạn từ ngày {date} — chữ ký bằng nó không có giá trị; "
                "hãy gia hạn với nhà cung cấp chứng thư số rồi ký lại"
            ).format(holder=holder, date=f"{ends:%d/%m/%Y}"),
        )
    if now < begins:
        raise ReportgenError.at(
            Location(where),
            _("chứng thư số của {holder} chỉ có hiệu lực từ ngày {date}").format(
                holder=holder, date=f"{begins:%d/%m/%Y}"
            ),
        )


def holder_name(certificate: Any) -> str:
    """The name a certificate is issued to (its common name, else its organisation)."""
    subject = certificate.subject.native
    return str(
        subject.get("common_name") or subject.get("organization_name") or certificate.subject.human_friendly
    )
