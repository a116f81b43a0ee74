"""Where the report is signed: the signature block's space, found when printing, kept in the PDF.

The report's template leaves a space for the signature and the seal between the signer's post
and name (``<div class="sign-space">``). When the report is printed, WeasyPrint has just laid
it out, so the space's page and rectangle are known exactly; they are written into the PDF as
an empty signature field named :data:`FIELD`. That is the standard way for a PDF to say "sign
here": ``reportgen sign`` finds the place with the PDF alone, and so does any other signing
program (a CA's signing tool, a PDF reader), with no private metadata to agree on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from reportgen.i18n import _

FIELD = "ChuKy"
"""The name of the signature field of the signer, the one the report's template places."""
TOOLTIP = "Chữ ký số của người có thẩm quyền"
"""What PDF readers show over the field: part of the document, so always in Vietnamese."""
SPACE_CLASS = "sign-space"
"""The class of the element a template leaves empty for the signature and the seal."""
MM = 72 / 25.4
"""Points in a millimetre."""
_PX = 0.75
"""Points in a CSS pixel: WeasyPrint lays out in CSS pixels, a PDF measures in points."""


@dataclass(frozen=True)
class Place:
    """A rectangle on a page, in PDF points from the page's bottom-left corner; pages count from 0."""

    page: int
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        """The rectangle's width in points."""
        return self.right - self.left

    @property
    def height(self) -> float:
        """The rectangle's height in points."""
        return self.top - self.bottom

    def box(self) -> tuple[float, float, float, float]:
        """The rectangle as a PDF ``/Rect``: left, bottom, right, top."""
        return self.left, self.bottom, self.right, self.top


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def find(document: Any) -> Place | None:
    """Find the signature space in a document WeasyPrint has laid out (``HTML(...).render()``).

    Returns None when the page has no such space (the article, or a user's template without one).
    """
    for index, page in enumerate(document.pages):
        for box in _boxes(page._page_box):  # WeasyPrint's layout tree: no public way to it
            element = getattr(box, "element", None)
            if element is None or SPACE_CLASS not in (element.get("class") or "").split():
                continue
            x, y = box.border_box_x(), box.border_box_y()
            width, height = box.border_width(), box.border_height()
            return Place(
                index,
                x * _PX,
                (page.height - y - height) * _PX,
                (x + width) * _PX,
                (page.height - y) * _PX,
            )
    return None


def add_field(place: Place) -> Callable[[Any, Any], None]:
    """A WeasyPrint finisher that adds an empty signature field at ``place``.

    The widget gets an empty appearance so that the archival print (PDF/A) stays valid:
    there, every visible annotation must carry one.
    """

    def finish(document: Any, pdf: Any) -> None:
        import pydyf

        page = pdf.objects[pdf.pages["Kids"][place.page * 3]]  # Kids holds "n 0 R" flattened
        empty = pydyf.Stream(
            [],
            pydyf.Dictionary(
                {
                    "Type": "/XObject",
                    "Subtype": "/Form",
                    "BBox": pydyf.Array([0, 0, place.width, place.height]),
                }
            ),
        )
        pdf.add_object(empty)
        field = pydyf.Dictionary(
            {
                "Type": "/Annot",
                "Subtype": "/Widget",
                "FT": "/Sig",
                "T": pydyf.String(FIELD),
                "TU": pydyf.String(TOOLTIP),
                "Rect": pydyf.Array(place.box()),
                "F": 4,  # printed
                "P": page.reference,
                "AP": pydyf.Dictionary({"N": empty.reference}),
            }
        )
        pdf.add_object(field)
        page.setdefault("Annots", pydyf.Array()).append(field.reference)
        form = pdf.catalog.setdefault("AcroForm", pydyf.Dictionary({"Fields": pydyf.Array()}))
        form["Fields"].append(field.reference)

    return finish


def parse_box(text: str) -> BoxRequest:
    """Read a ``--box`` value: ``PAGE:X,Y,WIDTH,HEIGHT``, in millimetres from the page's top-left corner.

    Pages count from 1, as a reader numbers them; :meth:`BoxRequest.on_page` turns the
    request into a :class:`Place` once the page's height is known.

    >>> parse_box("3:110,150,70,28")
    BoxRequest(page=2, x=110.0, y=150.0, width=70.0, height=28.0)

    Raises:
        ValueError: the text is not written that way; the message says how to write it.
    """
    page, _sep, numbers = text.partition(":")
    parts = numbers.replace(" ", "").split(",")
    try:
        values = [float(part) for part in parts]
        index = int(page)
    except ValueError:
        values, index = [], 0
    if len(values) != 4 or index < 1 or min(values) < 0 or values[2] <= 0 or values[3] <= 0:
        raise ValueError(
            _(
                '"{text}" không phải vị trí chữ ký — hãy viết TRANG:X,Y,RỘNG,CAO bằng milimét tính từ '
                "góc trên bên trái trang, ví dụ 3:110,150,70,28"
            ).format(text=text)
        )
    return BoxRequest(index - 1, *values)


@dataclass(frozen=True)
class BoxRequest:
    """A place given by hand: page (from 0), and millimetres from the page's top-left corner."""

    page: int
    x: float
    y: float
    width: float
    height: float

    def on_page(self, page_height: float) -> Place:
        """The place in PDF points on a page ``page_height`` points tall."""
        top = page_height - self.y * MM
        return Place(self.page, self.x * MM, top - self.height * MM, (self.x + self.width) * MM, top)
