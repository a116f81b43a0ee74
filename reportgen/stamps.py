"""What a signature looks like on the page, as Decree 30 lays out a signed electronic document.

The signer's signature shows the image of the handwritten signature in blue on a transparent
ground, centred in the space between the signer's post and name, with who signed and when
under it. The organisation's signature shows its seal in red, at the seal's real size (about
35–40 mm across), over the left third of the signature image. Whatever the images the user
gives (a scan on white paper, a black pen), they are turned into ink of the right colour on a
transparent ground, as the Decree asks. The times are shown in Vietnam's time zone, with the
offset as ISO 8601 writes it.
"""

from __future__ import annotations

import datetime
import functools
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen import atomic, fonts
from reportgen.errors import Location, ReportgenError
from reportgen.i18n import _
from reportgen.signature_place import MM, Place

SEAL_SIZE_MM = 36.0
"""The usual diameter of an association's seal, when the user does not give it."""
SEAL_RED = (200, 16, 24)
SIGNATURE_BLUE = (16, 48, 160)
MIN_WIDTH = 45 * MM
"""The narrowest signature widget: room for the lines under the image."""
MAX_WIDTH = 55 * MM
"""The widest signature image: a handwritten signature is seldom wider."""
TEXT_BAND = 22
"""Points kept under the signature image for two lines of small text."""
FONT_SIZE = 8
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))
MAX_PIXELS = 4000 * 4000
"""A signature or a seal is a small picture; anything bigger is refused before it is decoded."""

SIGNER_TEXT = "Ký bởi: %(signer)s\nThời gian ký: %(ts)s"
"""The lines under the signature image: part of the document, so always in Vietnamese."""
SIGNER_TEXT_ALONE = "Đã ký số bởi: %(signer)s\nThời gian ký: %(ts)s"
"""The lines of a signature without an image."""
SEAL_TEXT = "%(signer)s\nThời gian ký: %(ts)s"
"""The lines of an organisation's signature without a seal image."""


def vietnam_time(moment: datetime.datetime) -> str:
    """Write a signing time as it is shown: Vietnamese date, time, and the zone's offset.

    >>> vietnam_time(datetime.datetime(2021, 1, 20, 2, 15, 30, tzinfo=datetime.UTC))
    '20/01/2021 09:15:30 +07:00'
    """
    local = moment.astimezone(VIETNAM)
    return f"{local:%d/%m/%Y %H:%M:%S} +07:00"


def ink(path: Path, colour: tuple[int, int, int], longest: int = 1200) -> Any:
    """Load an image as ink of ``colour`` on a transparent ground (a Pillow RGBA image).

    Each pixel keeps as much opacity as it is dark (white paper vanishes, a pen stroke stays
    whole), so a scan on paper and a transparent PNG both come out the same way.

    Raises:
        ReportgenError: the file is missing, is not an image, or is far too large.
    """
    from PIL import Image, ImageChops, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise ReportgenError.at(
                    Location(path),
                    _("ảnh quá lớn ({width} × {height} điểm ảnh) — hãy dùng ảnh nhỏ hơn 4000 × 4000").format(
                        width=opened.width, height=opened.height
                    ),
                )
            image = opened.convert("RGBA")
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        raise ReportgenError.at(
            Location(path), _("không đọc được ảnh — hãy dùng tệp PNG hoặc JPEG")
        ) from None
    image.thumbnail((longest, longest))
    red, green, blue, alpha = image.split()
    # A pixel is as dark as its lowest channel: a red or blue stroke counts as much as a black one.
    lowest = ImageChops.darker(ImageChops.darker(red, green), blue)
    strength = lowest.point(lambda v: max(0, min(255, int((255 - v - 32) * 1.6))))
    coloured = Image.new("RGBA", image.size, (*colour, 255))
    coloured.putalpha(ImageChops.multiply(strength, alpha))
    box = coloured.getbbox()
    if box is None:
        raise ReportgenError.at(Location(path), _("ảnh không có nét nào (toàn màu trắng hoặc trong suốt)"))
    return coloured.crop(box)


@dataclass(frozen=True)
class Layout:
    """Where the two signatures go in the signature space: the signer's widget and the seal's."""

    signature: Place
    seal: Place


def layout(space: Place, image_ratio: float | None, seal_mm: float = SEAL_SIZE_MM) -> Layout:
    """Place the signer's widget in ``space`` and the seal over the left third of it.

    The signature image fills the height of the space above the text band, its width following
    ``image_ratio`` (width over height; None without an image). The widget is centred between
    the post and the name, unless the seal would then reach into the recipients' column on the
    left: then it moves right just enough, the seal keeping its place on the signature.
    """
    seal = seal_mm * MM
    image_height = space.height - TEXT_BAND
    width = MIN_WIDTH if image_ratio is None else max(MIN_WIDTH, min(MAX_WIDTH, image_ratio * image_height))
    # The seal and the two thirds of the signature it leaves uncovered must fit in the column.
    width = min(width, space.width, (space.width - seal) * 3 / 2)
    left = space.left + (space.width - width) / 2
    left = max(left, space.left + seal - width / 3)  # the seal's left edge stays in the column
    left = min(left, space.right - width)
    signature = Place(space.page, left, space.bottom, left + width, space.top)
    return Layout(signature, seal_over(signature, seal_mm))


def seal_over(signature: Place, seal_mm: float = SEAL_SIZE_MM) -> Place:
    """The seal's square: its right edge a third of the way into the signature, centred on the image."""
    size = seal_mm * MM
    right = signature.left + signature.width / 3
    middle = signature.bottom + TEXT_BAND + (signature.height - TEXT_BAND) / 2
    return Place(signature.page, right - size, middle - size / 2, right, middle + size / 2)


@functools.cache
def _static_font() -> str:
    """A static cut of the packaged Noto Serif, for the text of the signatures.

    The packaged font is variable; a PDF embeds one fixed instance, and the archival PDF/A
    wants plain outlines, so the regular instance is cut out once with fontTools.
    """
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    source = next(face.path for face in fonts.PACKAGED.faces if not face.italic)
    font = instancer.instantiateVariableFont(TTFont(source), {"wght": 400, "wdth": 100})
    cut = io.BytesIO()
    font.save(cut)
    target = Path(tempfile.mkdtemp(prefix="reportgen-font-")) / "NotoSerif-Regular.ttf"
    atomic.write(target, cut.getvalue())
    return str(target)


def _text_style() -> Any:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle

    return TextBoxStyle(
        font=GlyphAccumulatorFactory(_static_font(), font_size=FONT_SIZE), font_size=FONT_SIZE, leading=10
    )


def _stamp_style_class() -> Any:
    from pyhanko.stamp import TextStampStyle

    @dataclass(frozen=True)
    class VietnameseStampStyle(TextStampStyle):
        """pyHanko's text stamp, showing the signing time in Vietnam's time zone."""

        timestamp_format: str = "%Y-%m-%dT%H:%M:%S%z"

        def create_stamp(self, writer: Any, box: Any, text_params: dict[str, Any]) -> Any:
            moment = datetime.datetime.strptime(text_params["ts"], self.timestamp_format)
            return super().create_stamp(writer, box, {**text_params, "ts": vietnam_time(moment)})

    return VietnameseStampStyle


def signer_style(image: Any | None, width: float) -> Any:
    """The pyHanko stamp style of the signer's signature: the image, then who and when.

    The lines stand under the right two thirds of a widget ``width`` points wide, clear of
    the seal that covers the left third.
    """
    from pyhanko.pdf_utils import layout as box_layout
    from pyhanko.pdf_utils.images import PdfImage

    align = box_layout.AxisAlignment
    text_rule = box_layout.SimpleBoxLayoutRule(
        x_align=align.ALIGN_MID,
        y_align=align.ALIGN_MIN if image is not None else align.ALIGN_MID,
        inner_content_scaling=box_layout.InnerScaling.SHRINK_TO_FIT,
        margins=box_layout.Margins(round(width / 3), 1, 1, 1),
    )
    common: dict[str, Any] = {
        "text_box_style": _text_style(),
        "inner_content_layout": text_rule,
        "border_width": 0,
        "background_opacity": 1.0,
    }
    if image is None:
        return _stamp_style_class()(stamp_text=SIGNER_TEXT_ALONE, **common)
    return _stamp_style_class()(
        stamp_text=SIGNER_TEXT,
        background=PdfImage(image),
        background_layout=box_layout.SimpleBoxLayoutRule(
            x_align=align.ALIGN_MID,
            y_align=align.ALIGN_MAX,
            margins=box_layout.Margins(0, 0, 0, TEXT_BAND),
            inner_content_scaling=box_layout.InnerScaling.STRETCH_TO_FIT,
        ),
        **common,
    )


def seal_style(image: Any | None) -> Any:
    """The pyHanko stamp style of the organisation's signature: the seal image, nothing else.

    Without an image, the organisation's name and the time, in the seal's place.
    """
    from pyhanko.pdf_utils import layout as box_layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import StaticStampStyle

    if image is None:
        return _stamp_style_class()(
            stamp_text=SEAL_TEXT, text_box_style=_text_style(), border_width=0, background_opacity=1.0
        )
    return StaticStampStyle(
        background=PdfImage(image),
        background_layout=box_layout.SimpleBoxLayoutRule(
            x_align=box_layout.AxisAlignment.ALIGN_MID,
            y_align=box_layout.AxisAlignment.ALIGN_MID,
            margins=box_layout.Margins(0, 0, 0, 0),
            inner_content_scaling=box_layout.InnerScaling.STRETCH_TO_FIT,
        ),
        border_width=0,
        background_opacity=1.0,
    )
