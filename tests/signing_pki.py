"""A test PKI made at test time: a root CA, signers' certificates, PKCS#12 files, a SoftHSM2 token
and a time-stamp server on 127.0.0.1. Nothing secret is committed; every key is new each run."""

from __future__ import annotations

import datetime
import http.server
import math
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = datetime.datetime.now(datetime.UTC)
SOFTHSM_LIBRARY = next(
    (
        path
        for path in (
            Path("/usr/lib/softhsm/libsofthsm2.so"),
            Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
        )
        if path.exists()
    ),
    None,
)
PASSWORD = "mat-khau-thu"
PIN = "123456"


@dataclass(frozen=True)
class Identity:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    def p12(self, path: Path, chain: list[x509.Certificate], password: str = PASSWORD) -> Path:
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"signer",
                self.key,
                self.certificate,
                chain,
                serialization.BestAvailableEncryption(password.encode()),
            )
        )
        return path

    def pem(self, path: Path) -> Path:
        path.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        return path


def _name(common: str, organisation: str = "Hội Nông dân huyện Na Rì") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def root_ca(name: str = "CA thử nghiệm reportgen") -> Identity:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = _name(name, "reportgen")
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - datetime.timedelta(days=1))
        .not_valid_after(NOW + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(key, certificate)


def issue(
    ca: Identity,
    common: str,
    *,
    days: tuple[int, int] = (-1, 365),
    revocation_url: str | None = None,
    purpose: x509.ObjectIdentifier | None = None,
) -> Identity:
    """A signing certificate issued by ``ca``, valid from ``days[0]`` to ``days[1]`` days from now."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW + datetime.timedelta(days=days[0]))
        .not_valid_after(NOW + datetime.timedelta(days=days[1]))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
    )
    if purpose is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([purpose]), critical=True)
    if revocation_url is not None:
        builder = builder.add_extension(
            x509.CRLDistributionPoints(
                [x509.DistributionPoint([x509.UniformResourceIdentifier(revocation_url)], None, None, None)]
            ),
            critical=False,
        )
    return Identity(key, builder.sign(ca.key, hashes.SHA256()))


def time_stamping(ca: Identity) -> Identity:
    return issue(ca, "Máy chủ dấu thời gian thử nghiệm", purpose=ExtendedKeyUsageOID.TIME_STAMPING)


# --- a SoftHSM2 token ---------------------------------------------------------------------------


@contextmanager
def softhsm_token(folder: Path, identities: dict[str, Identity], label: str = "TOKEN-THU") -> Iterator[Path]:
    """Initialise a SoftHSM2 token in ``folder`` holding ``identities`` (key and certificate, by label).

    Yields the PKCS#11 library to give to ``--pkcs11-lib``; SOFTHSM2_CONF points at the folder
    for the block.
    """
    import pkcs11
    from pkcs11 import Attribute, ObjectClass

    assert SOFTHSM_LIBRARY is not None, "softhsm2 is not installed"
    tokens = folder / "tokens"
    tokens.mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        subprocess.run(
            [
                shutil.which("softhsm2-util") or "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                label,
                "--pin",
                PIN,
                "--so-pin",
                "87654321",
            ],
            check=True,
            capture_output=True,
        )
        library = pkcs11.lib(str(SOFTHSM_LIBRARY))
        library.reinitialize()
        token = library.get_token(token_label=label)
        with token.open(rw=True, user_pin=PIN) as session:
            for index, (name, identity) in enumerate(identities.items(), start=1):
                key_id = bytes([index])
                numbers = identity.key.private_numbers()
                public = numbers.public_numbers
                session.create_object(
                    {
                        Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                        Attribute.KEY_TYPE: pkcs11.KeyType.RSA,
                        Attribute.TOKEN: True,
                        Attribute.PRIVATE: True,
                        Attribute.SENSITIVE: True,
                        Attribute.SIGN: True,
                        Attribute.LABEL: name,
                        Attribute.ID: key_id,
                        Attribute.MODULUS: _bytes(public.n),
                        Attribute.PUBLIC_EXPONENT: _bytes(public.e),
                        Attribute.PRIVATE_EXPONENT: _bytes(numbers.d),
                        Attribute.PRIME_1: _bytes(numbers.p),
                        Attribute.PRIME_2: _bytes(numbers.q),
                        Attribute.EXPONENT_1: _bytes(numbers.dmp1),
                        Attribute.EXPONENT_2: _bytes(numbers.dmq1),
                        Attribute.COEFFICIENT: _bytes(numbers.iqmp),
                    }
                )
                session.create_object(
                    {
                        Attribute.CLASS: ObjectClass.CERTIFICATE,
                        Attribute.CERTIFICATE_TYPE: pkcs11.CertificateType.X_509,
                        Attribute.TOKEN: True,
                        Attribute.LABEL: name,
                        Attribute.ID: key_id,
                        Attribute.SUBJECT: identity.certificate.subject.public_bytes(),
                        Attribute.VALUE: identity.certificate.public_bytes(serialization.Encoding.DER),
                    }
                )
        yield SOFTHSM_LIBRARY
    finally:
        if before is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = before


def _bytes(number: int) -> bytes:
    return number.to_bytes((number.bit_length() + 7) // 8 or 1, "big")


# --- a time-stamp server on 127.0.0.1 ------------------------------------------------------------


@contextmanager
def time_stamp_server(ca: Identity) -> Iterator[str]:
    """Serve RFC 3161 time stamps from pyHanko's test TSA on 127.0.0.1; yield its address."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import tsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    authority = time_stamping(ca)
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(authority.certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            authority.key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        ),
    )

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def refused_url() -> str:
    """An address on 127.0.0.1 where nothing listens: a connection to it is refused at once."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/crl"


# --- pictures of a signature and a seal -----------------------------------------------------------


def signature_scan(path: Path) -> Path:
    """A handwritten signature as a scanner gives it: black strokes on off-white paper."""
    import math

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 220), (244, 242, 236))
    draw = ImageDraw.Draw(image)
    points = [(60 + t * 4.6, 120 + 55 * math.sin(t / 9) * math.cos(t / 23)) for t in range(110)]
    draw.line(points, fill=(20, 20, 30), width=7, joint="curve")
    draw.line([(120, 170), (520, 150)], fill=(20, 20, 30), width=5)
    image.save(path)
    return path


def seal_picture(path: Path) -> Path:
    """A round seal: two red rings, a star and the organisation's name, on a transparent ground."""
    from PIL import Image, ImageDraw, ImageFont

    from reportgen import fonts

    size = 720
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (210, 20, 30, 255)
    draw.ellipse((8, 8, size - 8, size - 8), outline=red, width=18)
    draw.ellipse((150, 150, size - 150, size - 150), outline=red, width=8)
    centre = size / 2
    star = [
        (centre + r * math.cos(math.radians(-90 + 36 * k)), centre + r * math.sin(math.radians(-90 + 36 * k)))
        for k, r in zip(range(10), [70, 28] * 5, strict=True)
    ]
    draw.polygon(star, fill=red)
    face = next(face.path for face in fonts.PACKAGED.faces if not face.italic)
    font = ImageFont.truetype(str(face), 44)
    text = "HỘI NÔNG DÂN HUYỆN NA RÌ • TỈNH BẮC KẠN •"
    for index, letter in enumerate(text):
        angle = math.radians(-90 + 360 * index / len(text))
        x, y = centre + 262 * math.cos(angle), centre + 262 * math.sin(angle)
        glyph = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((30, 30), letter, font=font, fill=red, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        image.alpha_composite(glyph, (int(x - 30), int(y - 30)))
    image.save(path)
    return path
