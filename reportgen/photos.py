"""Photos for the web: each input photo becomes a few JPEG sizes for ``srcset``.

Phones and cameras give photos of several megabytes; a reader on a phone needs about 480
pixels, a desktop 800 to 1200, the printed PDF the largest. :func:`plan` reads only each
photo's header while the build gathers its inputs; :func:`save` then decodes it once, turns it
upright (EXIF orientation), flattens transparency onto white, drops its metadata (a phone's GPS
position has no place in a press release) and writes every size no wider than the original.
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from PIL import Image, ImageOps

from reportgen import files
from reportgen.errors import Problem, ReportgenError
from reportgen.i18n import _
from reportgen.loading import Document
from reportgen.schema import Anh

WIDTHS = (480, 800, 1200, 1600)
"""The widths written, in pixels: a phone, a desktop column, a wide screen, print."""

QUALITY = 82
"""JPEG quality: indistinguishable from the original on screen at a third of the bytes."""

FOLDER = "anh"
"""The photos' folder inside each unit's output folder."""

MAX_BYTES = 50 * 1024 * 1024
"""The largest photo file read: a phone's photo is a few megabytes, a camera's raw file tens."""

# EXIF orientations that turn the stored image by a quarter: width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Variant:
    """One size of a photo, as written into the output folder."""

    name: str
    """Path relative to the output folder: ``anh/toan-canh-800.jpg``."""
    width: int
    height: int


@dataclass(frozen=True)
class WebPhoto:
    """One input photo and the sizes it is written in, narrowest first."""

    source: Path
    variants: tuple[Variant, ...]

    @property
    def largest(self) -> Variant:
        """The widest size: the ``src`` of the page, what the PDF prints."""
        return self.variants[-1]

    @property
    def srcset(self) -> str:
        """Every size for the browser to choose from: ``anh/x-480.jpg 480w, anh/x-800.jpg 800w``."""
        return ", ".join(f"{v.name} {v.width}w" for v in self.variants)


def variant_sizes(width: int, height: int) -> list[tuple[int, int]]:
    """Choose the sizes of a photo of ``width`` × ``height``: never wider than the original.

    >>> variant_sizes(4000, 3000)
    [(480, 360), (800, 600), (1200, 900), (1600, 1200)]
    >>> variant_sizes(800, 450)
    [(480, 270), (800, 450)]
    >>> variant_sizes(1600, 900)[-2:]
    [(1200, 675), (1600, 900)]
    >>> variant_sizes(300, 200)
    [(300, 200)]
    """
    widest = min(width, WIDTHS[-1])
    widths = [w for w in WIDTHS if w < widest] + [widest]
    return [(w, max(1, round(height * w / width))) for w in widths]


def slug(text: str) -> str:
    """Make a file name safe in a URL and in ``srcset`` (where a space would split it).

    Vietnamese letters lose their marks, ``đ`` becomes ``d``; anything else becomes ``-``.
    Written here because it is four lines, and a slug library would not know ``đ`` either.

    >>> slug("Ảnh Hội nghị (1)")
    'anh-hoi-nghi-1'
    >>> slug("Đại hội ĐẢNG")
    'dai-hoi-dang'
    >>> slug("…")
    'anh'
    """
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "anh"


def stems(files: Sequence[str]) -> list[str]:
    """Give each photo a distinct name stem in the output, from its file name.

    >>> stems(["anh/Toàn cảnh.jpg", "khac/toan-canh.png", "c.png"])
    ['anh/toan-canh', 'anh/2-toan-canh', 'anh/c']
    """
    names: list[str] = []
    for number, file in enumerate(files, start=1):
        name = slug(Path(file.replace("\\", "/")).stem)
        if f"{FOLDER}/{name}" in names:
            name = f"{number}-{name}"
        names.append(f"{FOLDER}/{name}")
    return names


def refusal(folder: Path, name: str) -> str | None:
    """Say why photo ``name`` of an input in ``folder`` may not be used; None when it may.

    A photo must be a regular file, of at most :data:`MAX_BYTES`, inside the input's folder
    once ``..`` and symbolic links are resolved: the article and its PDF are published, and
    nothing else of the machine may slip into them. A missing file is not refused here: the
    article is then made without it, with a warning (see :mod:`reportgen.plausibility`).
    """
    path = folder / name
    if not files.inside(path, folder):
        if Path(os.path.normpath(folder.absolute() / name)).is_relative_to(folder.absolute()):
            return _(
                'ảnh "{file}" là liên kết tới một tệp nằm ngoài thư mục của tệp số liệu — hãy chép '
                "chính tệp ảnh vào thư mục đó, thay cho liên kết"
            ).format(file=name)
        return _(
            'ảnh "{file}" nằm ngoài thư mục của tệp số liệu — reportgen chỉ lấy ảnh trong thư mục '
            "đó: hãy chép ảnh vào đó (hoặc vào một thư mục con như anh/) rồi ghi đường dẫn tính "
            "từ đó, ví dụ `tep: anh/{base}`"
        ).format(file=name, base=PurePath(name.replace("\\", "/")).name)
    try:
        files.check(path, MAX_BYTES)
    except FileNotFoundError:
        return None
    except files.NotRegular as error:
        return _('"{file}" không phải tệp ảnh mà là {kind} — hãy dùng một tệp ảnh JPEG hoặc PNG').format(
            file=name, kind=error.kind
        )
    except files.TooLarge:
        return _(
            'ảnh "{file}" quá lớn (hơn {mb} MB) — hãy dùng ảnh nhỏ hơn, ví dụ ảnh chụp bằng điện thoại'
        ).format(file=name, mb=files.megabytes(MAX_BYTES))
    except OSError as error:
        return _('không đọc được ảnh "{file}" ({reason})').format(file=name, reason=error.strerror or error)
    return None


def plan(source: Path, stem: str) -> WebPhoto:
    """Read the size of photo ``source`` (its header only) and name its web sizes after ``stem``.

    Raises:
        OSError: the file cannot be read, is not a regular file or is not an image Pillow knows.
    """
    with warnings.catch_warnings(), files.opened(source, MAX_BYTES) as stream:
        # Pillow only warns past 89 million pixels; such a "photo" is a decompression bomb.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(stream)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise OSError(str(error)) from None
        with image:
            width, height = image.size
            if image.getexif().get(_ORIENTATION) in _QUARTER_TURNS:
                width, height = height, width
    variants = tuple(Variant(f"{stem}-{w}.jpg", w, h) for w, h in variant_sizes(width, height))
    return WebPhoto(source, variants)


def plan_all(document: Document, photos: Sequence[Anh]) -> list[tuple[Anh, WebPhoto]]:
    """Plan the web sizes of every photo of one input file whose file is there.

    A photo whose file is missing is left out (validation warns about it); the others keep
    their ``anh[i]`` place in messages.

    Raises:
        ReportgenError: a photo may not be used (see :func:`refusal`) or is not an image; each
            one is named with its ``anh[i].tep`` line.
    """
    planned, problems = [], []
    folder = document.path.parent
    for index, (photo, stem) in enumerate(zip(photos, stems([p.tep for p in photos]), strict=True)):
        source = folder / photo.tep
        refused = refusal(folder, photo.tep)
        if refused is None:
            if not source.exists():
                continue  # validation warned that it is missing
            try:
                planned.append((photo, plan(source, stem)))
                continue
            except OSError:
                refused = _('"{file}" không phải ảnh đọc được — hãy dùng ảnh JPEG hoặc PNG').format(
                    file=photo.tep
                )
        problems.append(Problem(document.locate(("anh", index, "tep")), refused, f"anh[{index}].tep"))
    if problems:
        raise ReportgenError(problems)
    return planned


def save(photo: WebPhoto, folder: Path) -> list[str]:
    """Write every size of ``photo`` into ``folder``; return their names relative to it.

    Raises:
        OSError: the photo cannot be read or a size cannot be written.
    """
    largest = photo.largest
    with files.opened(photo.source, MAX_BYTES) as stream, Image.open(stream) as opened:
        # A JPEG can be decoded straight at a fraction of its size: far faster for a 12 MP
        # phone photo. The box is square because the photo may still have to be turned.
        side = max(largest.width, largest.height)
        opened.draft("RGB", (side, side))
        upright = ImageOps.exif_transpose(opened)
        icc_profile = opened.info.get("icc_profile")
        image = _on_white(upright)
    (folder / FOLDER).mkdir(parents=True, exist_ok=True)
    for variant in reversed(photo.variants):
        size = (variant.width, variant.height)
        resized = (
            image if image.size == size else image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3)
        )
        resized.save(
            folder / variant.name,
            "JPEG",
            quality=QUALITY,
            optimize=True,
            progressive=True,
            icc_profile=icc_profile,
        )
    return [variant.name for variant in photo.variants]


def _on_white(image: Image.Image) -> Image.Image:
    """An RGB copy of ``image``: JPEG has no transparency, so transparent parts become white."""
    if image.mode in {"RGBA", "LA", "P", "PA"} or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, "white")
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")
