"""PDF/A-3b checked rule by rule, with pikepdf and fontTools.

No full PDF/A validator (veraPDF) can be installed here, so the tests check the rules of ISO 19005-3,
level B, that a PDF printed from HTML could break, each under its clause number: the file's
structure, the colour it is printed in, images, fonts (embedded, every glyph present, widths agreeing
with the font program), transparency, annotations and actions, and the XMP metadata. Each check
reads the PDF's objects; none trusts what the file says it conforms to.

:func:`check` returns every :class:`Finding`; an archival PDF passes when there is none.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf
from fontTools.ttLib import TTFont

RULES = {
    "6.1.2": "the header is %PDF-1.n, then a comment of at least four bytes above 127",
    "6.1.3": "the trailer has an ID, no encryption, and nothing follows the last %%EOF",
    "6.1.7": "streams are in the file itself and use the standard filters, LZW excepted",
    "6.1.13": "integers, reals, strings, names, graphics-state nesting and page sizes stay in bounds",
    "6.2.2": "content streams use only the operators of ISO 32000-1",
    "6.2.3": "an output intent of the PDF/A kind carries a valid ICC profile",
    "6.2.4.3": "device colours match the output intent's colour space",
    "6.2.5": "no transfer function or halftone an archive cannot reproduce",
    "6.2.6": "rendering intents are the four standard ones",
    "6.2.8": "images have no alternates, no OPI and no interpolation",
    "6.2.9": "no PostScript and no reference XObjects",
    "6.2.10": "standard blend modes; transparency has a colour space to blend in",
    "6.2.11.2": "font dictionaries are well formed",
    "6.2.11.3": "composite fonts map CIDs to glyphs and use an identity or embedded CMap",
    "6.2.11.4": "every font is embedded and has every glyph the pages show",
    "6.2.11.5": "glyph widths in the PDF agree with the embedded font program",
    "6.2.11.8": "no text shows the .notdef glyph",
    "6.3.1": "annotations are of permitted types",
    "6.3.2": "annotations print, and are never hidden",
    "6.3.3": "annotations have a normal appearance and no other",
    "6.4": "forms need no appearances generated and carry no XFA",
    "6.5": "no JavaScript or other forbidden actions, and no additional actions",
    "6.6.2.1": "the catalog holds well-formed XMP, without bytes or encoding attributes",
    "6.6.2.3": "XMP uses only predefined schemas or declared extension schemas",
    "6.6.4": "XMP identifies the file as PDF/A-3, level B (or U or A)",
    "6.8": "embedded files say what they are and how they relate to the document",
    "info": "the document information dictionary says what the XMP says",
    "tagged": "reportgen's own promise: tagged, with a structure tree and a language",
}


@dataclass(frozen=True)
class Finding:
    clause: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.clause} ({RULES[self.clause]}): {self.where}: {self.message}"


_FILTERS = {
    *("/ASCIIHexDecode", "/ASCII85Decode", "/FlateDecode", "/RunLengthDecode"),
    *("/CCITTFaxDecode", "/JBIG2Decode", "/DCTDecode", "/JPXDecode"),
}
_OPERATORS = {
    *("b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1"),
    *("Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J"),
    *("K", "k", "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc"),
    *("SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw"),
    *("Tz", "v", "w", "W", "W*", "y", "'", '"'),
}
"""The content stream operators of ISO 32000-1, Annex A."""
_INTENTS = {"/RelativeColorimetric", "/AbsoluteColorimetric", "/Perceptual", "/Saturation"}
_BLEND_MODES = {
    *("/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten"),
    *("/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion"),
    *("/Hue", "/Saturation", "/Color", "/Luminosity"),
}
_ANNOTATIONS = {
    *("/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine"),
    *("/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup"),
    *("/FileAttachment", "/Widget", "/PrinterMark", "/TrapNet", "/Watermark", "/Redact"),
}
"""The annotation types of ISO 32000-1 less 3D, Sound, Screen and Movie."""
_ACTIONS = {"/GoTo", "/GoToR", "/GoToE", "/Thread", "/URI", "/Named", "/SubmitForm"}
_NAMED = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
_XMP_SCHEMAS = {
    "http://purl.org/dc/elements/1.1/",
    "http://ns.adobe.com/xap/1.0/",
    "http://ns.adobe.com/xap/1.0/rights/",
    "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/xap/1.0/bj/",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/",
    "http://ns.adobe.com/pdf/1.3/",
    "http://ns.adobe.com/photoshop/1.0/",
    "http://ns.adobe.com/tiff/1.0/",
    "http://ns.adobe.com/exif/1.0/",
    "http://ns.adobe.com/exif/1.0/aux/",
    "http://ns.adobe.com/camera-raw-settings/1.0/",
    "http://www.aiim.org/pdfa/ns/id/",
    "http://www.aiim.org/pdfa/ns/extension/",
}
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_STRUCTURE = {_RDF, "adobe:ns:meta/", "http://www.w3.org/XML/1998/namespace"}


@dataclass
class _Document:
    pdf: pikepdf.Pdf
    findings: list[Finding] = field(default_factory=list)
    output_space: str | None = None
    """The output intent's colour space, ``RGB``, ``CMYK`` or ``GRAY``; None without an intent."""
    glyphs: dict[tuple[int, int], set[int]] = field(default_factory=dict)
    """The codes each font (by object number) shows, gathered from the content streams."""

    def add(self, clause: str, where: str, message: str) -> None:
        self.findings.append(Finding(clause, where, message))


def check(path: Path) -> list[Finding]:
    """Every way the PDF at ``path`` breaks a rule of PDF/A-3b (and reportgen's tagging)."""
    raw = path.read_bytes()
    with pikepdf.open(path) as pdf:
        document = _Document(pdf)
        _file_structure(document, raw)
        _output_intent(document)
        objects = list(_every_object(pdf))
        _streams_and_limits(document, objects)
        for number, page in enumerate(pdf.pages, start=1):
            _page(document, page, number)
        _resources(document, objects)
        _interactive(document, objects)
        _metadata(document)
        _embedded_files(document)
        _tagging(document)
        return list(dict.fromkeys(document.findings))  # a rule broken twice in one place, once


# --- file structure ------------------------------------------------------------------------------


def _file_structure(document: _Document, raw: bytes) -> None:
    header = re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)%(.{4})", raw, re.DOTALL)
    if header is None or any(byte <= 127 for byte in header[2]):
        document.add("6.1.2", "header", repr(raw[:20]))
    trailer = document.pdf.trailer
    if "/ID" not in trailer or len(trailer.ID) != 2 or not all(bytes(part) for part in trailer.ID):
        document.add("6.1.3", "trailer", "no file identifier (/ID)")
    if "/Encrypt" in trailer:
        document.add("6.1.3", "trailer", "encrypted")
    end = raw.rstrip(b"\r\n")
    if not end.endswith(b"%%EOF") or len(raw) - len(end) > 2:
        document.add("6.1.3", "end of file", repr(raw[-20:]))


def _every_object(pdf: pikepdf.Pdf) -> Iterator[tuple[str, Any]]:
    """Every object of the file once, direct ones included, with where it was found."""
    seen: set[tuple[int, int]] = set()

    def walk(item: Any, where: str) -> Iterator[tuple[str, Any]]:
        if isinstance(item, pikepdf.Object) and item.is_indirect:
            if item.objgen in seen:
                return
            seen.add(item.objgen)
            where = f"object {item.objgen[0]}"
        yield where, item
        if isinstance(item, pikepdf.Dictionary | pikepdf.Stream):
            for key, value in item.items():
                yield from walk(value, f"{where} {key}")
        elif isinstance(item, pikepdf.Array):
            for index, value in enumerate(item):
                yield from walk(value, f"{where}[{index}]")

    yield from walk(pdf.trailer, "trailer")
    for item in pdf.objects:
        yield from walk(item, "")


def _streams_and_limits(document: _Document, objects: list[tuple[str, Any]]) -> None:
    for where, item in objects:
        if isinstance(item, pikepdf.Stream):
            if any(key in item for key in ("/F", "/FFilter", "/FDecodeParms")):
                document.add("6.1.7", where, "stream data outside the file")
            filters = item.get("/Filter")
            names = list(filters) if isinstance(filters, pikepdf.Array) else [filters] if filters else []
            for name in names:
                if str(name) not in _FILTERS:
                    document.add("6.1.7", where, f"filter {name}")
        if isinstance(item, int) and not isinstance(item, bool) and not -(2**31) <= item < 2**31:
            document.add("6.1.13", where, f"integer {item}")
        elif (
            isinstance(item, Decimal)
            and item != 0
            and not Decimal("1.175e-38") <= abs(item) <= Decimal("3.403e38")
        ):
            document.add("6.1.13", where, f"real {item}")
        elif isinstance(item, pikepdf.String) and len(bytes(item)) > 32767:
            document.add("6.1.13", where, f"string of {len(bytes(item))} bytes")
        elif isinstance(item, pikepdf.Name) and len(str(item).encode()) - 1 > 127:
            document.add("6.1.13", where, f"name of {len(str(item).encode()) - 1} bytes")
    if len(document.pdf.objects) > 8_388_607:
        document.add("6.1.13", "file", f"{len(document.pdf.objects)} objects")


# --- colour --------------------------------------------------------------------------------------


def _output_intent(document: _Document) -> None:
    intents = list(document.pdf.Root.get("/OutputIntents", []))
    pdfa = [intent for intent in intents if intent.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        document.add("6.2.3", "catalog", "no PDF/A output intent (/S /GTS_PDFA1)")
        return
    profiles = {intent.DestOutputProfile.objgen for intent in intents if "/DestOutputProfile" in intent}
    if len(profiles) > 1:
        document.add("6.2.3", "catalog", "output intents with different profiles")
    if any("/DestOutputProfileRef" in intent for intent in intents):
        document.add("6.2.3", "catalog", "an output intent refers to a profile outside the file")
    profile = pdfa[0].get("/DestOutputProfile")
    if profile is None:
        document.add("6.2.3", "output intent", "no ICC profile")
        return
    header = profile.read_bytes()[:20]
    device, space, major = header[12:16], header[16:20], header[8]
    if device not in {b"mntr", b"prtr"} or space not in {b"RGB ", b"CMYK", b"GRAY"} or major >= 5:
        document.add("6.2.3", "output intent", f"ICC profile {device!r} {space!r} version {major}")
        return
    if int(profile.get("/N", 0)) != {b"RGB ": 3, b"CMYK": 4, b"GRAY": 1}[space]:
        document.add("6.2.3", "output intent", f"/N {profile.get('/N')} for a {space!r} profile")
    document.output_space = space.decode().strip()


def _device_colour(document: _Document, space: str, where: str) -> None:
    """DeviceRGB and DeviceCMYK need an output intent of their own kind; DeviceGray any intent."""
    wanted = {"/DeviceRGB": "RGB", "/DeviceCMYK": "CMYK", "/DeviceGray": None}
    if space not in wanted:
        return  # a named or calibrated colour space, checked where it is defined
    if document.output_space is None:
        document.add("6.2.4.3", where, f"{space} without an output intent")
    elif wanted[space] not in {None, document.output_space}:
        document.add("6.2.4.3", where, f"{space} with a {document.output_space} output intent")


# --- pages and content streams -------------------------------------------------------------------


def _page(document: _Document, page: pikepdf.Page, number: int) -> None:
    where = f"page {number}"
    for box in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"):
        if box in page.obj:
            x0, y0, x1, y1 = (float(v) for v in page.obj[box])
            if not (3 <= abs(x1 - x0) <= 14400 and 3 <= abs(y1 - y0) <= 14400):
                document.add("6.1.13", where, f"{box} {x1 - x0:g} × {y1 - y0:g}")
    if "/AA" in page.obj:
        document.add("6.5", where, "additional actions (/AA)")
    transparent = _content(document, page.obj, page.obj.get("/Resources", pikepdf.Dictionary()), where, 0)
    group = page.obj.get("/Group")
    if transparent and document.output_space is None and (group is None or "/CS" not in group):
        document.add("6.2.10", where, "transparency without an output intent or a group colour space")


def _content(document: _Document, holder: Any, resources: Any, where: str, depth: int) -> bool:
    """Check one content stream (a page's or a form's); return whether it uses transparency."""
    transparent = False
    fonts = resources.get("/Font", {})
    font = None
    nesting = 0
    for instruction in pikepdf.parse_content_stream(holder):
        operator = str(instruction.operator)
        operands = instruction.operands
        if operator == "INLINE IMAGE":
            image = operands[0].obj
            if image.get("/I", image.get("/Interpolate", False)):
                document.add("6.2.8", where, "an inline image asks for interpolation")
            continue
        if operator not in _OPERATORS:
            document.add("6.2.2", where, f"operator {operator}")
        elif operator == "q":
            nesting += 1
            if nesting > 28:
                document.add("6.1.13", where, "q nested more than 28 deep")
        elif operator == "Q":
            nesting -= 1
        elif operator == "Tf":
            font = fonts.get(str(operands[0]))
        elif operator in {"Tj", "'", '"', "TJ"} and font is not None:
            _shown(document, font, operands)
        elif operator in {"rg", "RG"}:
            _device_colour(document, "/DeviceRGB", where)
        elif operator in {"k", "K"}:
            _device_colour(document, "/DeviceCMYK", where)
        elif operator in {"g", "G"}:
            _device_colour(document, "/DeviceGray", where)
        elif operator in {"cs", "CS"}:
            _device_colour(document, str(operands[0]), where)
        elif operator == "ri" and str(operands[0]) not in _INTENTS:
            document.add("6.2.6", where, f"rendering intent {operands[0]}")
        elif operator == "gs":
            state = resources.get("/ExtGState", {}).get(str(operands[0]))
            transparent |= state is not None and _is_transparent(state)
        elif operator == "Do":
            xobject = resources.get("/XObject", {}).get(str(operands[0]))
            if xobject is None:
                continue
            if xobject.get("/Subtype") == "/Form" and depth < 32:
                inner = xobject.get("/Resources", resources)
                transparent |= _content(document, xobject, inner, f"{where}, form {operands[0]}", depth + 1)
                group = xobject.get("/Group")
                transparent |= group is not None and group.get("/S") == "/Transparency"
            elif xobject.get("/Subtype") == "/Image":
                transparent |= "/SMask" in xobject or bool(xobject.get("/SMaskInData", 0))
    return transparent


def _is_transparent(state: Any) -> bool:
    soft_mask = state.get("/SMask")
    return (
        float(state.get("/CA", 1)) < 1
        or float(state.get("/ca", 1)) < 1
        or (soft_mask is not None and soft_mask != "/None")
        or str(state.get("/BM", "/Normal")) not in {"/Normal", "/Compatible"}
    )


def _shown(document: _Document, font: Any, operands: Any) -> None:
    """Note the codes a text-showing operator shows in ``font``."""
    strings = (
        [item for item in operands[-1] if isinstance(item, pikepdf.String)]
        if isinstance(operands[-1], pikepdf.Array)
        else [operands[-1]]
    )
    width = 2 if font.get("/Subtype") == "/Type0" else 1
    codes = document.glyphs.setdefault(font.objgen, set())
    for string in strings:
        data = bytes(string)
        codes.update(int.from_bytes(data[i : i + width], "big") for i in range(0, len(data), width))


# --- resources: images, graphics states, fonts ---------------------------------------------------


def _resources(document: _Document, objects: list[tuple[str, Any]]) -> None:
    resources = [
        item["/Resources"]
        for _, item in objects
        if isinstance(item, pikepdf.Dictionary | pikepdf.Stream) and "/Resources" in item
    ]
    states: dict[tuple[int, int] | int, Any] = {}
    xobjects: dict[tuple[int, int] | int, Any] = {}
    fonts: dict[tuple[int, int] | int, Any] = {}
    for res in resources:
        for kind, found in (("/ExtGState", states), ("/XObject", xobjects), ("/Font", fonts)):
            for value in res.get(kind, {}).values():
                found[value.objgen if value.is_indirect else id(value)] = value
        for space in res.get("/ColorSpace", {}).values():
            _colour_space(document, space, "colour space resource")
    for state in states.values():
        _graphics_state(document, state)
    for xobject in xobjects.values():
        _xobject(document, xobject)
    for font in fonts.values():
        _font(document, font)


def _colour_space(document: _Document, space: Any, where: str) -> None:
    if isinstance(space, pikepdf.Name):
        _device_colour(document, str(space), where)
    elif isinstance(space, pikepdf.Array) and len(space) > 1:
        family = str(space[0])
        if family == "/ICCBased":
            header = space[1].read_bytes()[:20]
            if header[12:16] not in {b"prtr", b"mntr", b"scnr", b"spac"} or header[8] >= 5:
                document.add("6.2.3", where, "an ICC-based colour space with an invalid profile")
        elif family in {"/Indexed", "/Separation", "/DeviceN"}:
            _colour_space(document, space[1] if family == "/Indexed" else space[2], where)


def _graphics_state(document: _Document, state: Any) -> None:
    where = "graphics state"
    if "/TR" in state:
        document.add("6.2.5", where, "transfer function (/TR)")
    if "/TR2" in state and state.TR2 != "/Default":
        document.add("6.2.5", where, "transfer function (/TR2)")
    if "/HTP" in state:
        document.add("6.2.5", where, "halftone phase (/HTP)")
    halftone = state.get("/HT")
    if isinstance(halftone, pikepdf.Dictionary | pikepdf.Stream) and (
        int(halftone.get("/HalftoneType", 0)) not in {1, 5} or "/HalftoneName" in halftone
    ):
        document.add("6.2.5", where, "a halftone other than type 1 or 5, or named")
    if "/RI" in state and str(state.RI) not in _INTENTS:
        document.add("6.2.6", where, f"rendering intent {state.RI}")
    if str(state.get("/BM", "/Normal")) not in _BLEND_MODES:
        document.add("6.2.10", where, f"blend mode {state.BM}")


def _xobject(document: _Document, xobject: Any) -> None:
    where = f"XObject {xobject.objgen[0]}" if xobject.is_indirect else "XObject"
    subtype = xobject.get("/Subtype")
    if subtype == "/Image":
        for image in (xobject, xobject.get("/SMask")):
            if image is None:
                continue
            if "/Alternates" in image or "/OPI" in image:
                document.add("6.2.8", where, "alternate images or OPI")
            if bool(image.get("/Interpolate", False)):
                document.add("6.2.8", where, "/Interpolate true")
            if "/Intent" in image and str(image.Intent) not in _INTENTS:
                document.add("6.2.6", where, f"rendering intent {image.Intent}")
        if "/ColorSpace" in xobject:
            _colour_space(document, xobject.ColorSpace, where)
    elif subtype == "/Form":
        if "/OPI" in xobject or "/PS" in xobject or xobject.get("/Subtype2") == "/PS":
            document.add("6.2.9", where, "PostScript or OPI in a form")
        if "/Ref" in xobject:
            document.add("6.2.9", where, "a reference XObject")
    elif subtype == "/PS":
        document.add("6.2.9", where, "a PostScript XObject")


def _font(document: _Document, font: Any) -> None:
    name = str(font.get("/BaseFont", "Type 3 font"))
    subtype = str(font.get("/Subtype"))
    if font.get("/Type") != "/Font" or subtype not in {"/Type0", "/Type1", "/MMType1", "/TrueType", "/Type3"}:
        document.add("6.2.11.2", name, f"a font dictionary of type {font.get('/Type')} {subtype}")
        return
    if subtype != "/Type3" and "/BaseFont" not in font:
        document.add("6.2.11.2", name, "no /BaseFont")
    codes = document.glyphs.get(font.objgen, set()) if font.is_indirect else set()
    if subtype == "/Type0":
        encoding = font.get("/Encoding")
        if isinstance(encoding, pikepdf.Name) and str(encoding) not in {"/Identity-H", "/Identity-V"}:
            document.add("6.2.11.3", name, f"a CMap that is neither identity nor embedded: {encoding}")
        for descendant in font.get("/DescendantFonts", []):
            _cid_font(document, descendant, codes)
    elif subtype != "/Type3":
        program = _program(font.get("/FontDescriptor"))
        if program is None:
            document.add("6.2.11.4", name, "not embedded")


def _program(descriptor: Any) -> Any:
    if descriptor is None:
        return None
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        if key in descriptor:
            return descriptor[key]
    return None


def _cid_font(document: _Document, font: Any, cids: set[int]) -> None:
    name = str(font.get("/BaseFont"))
    descriptor = font.get("/FontDescriptor")
    program = _program(descriptor)
    if program is None:
        document.add("6.2.11.4", name, "not embedded")
        return
    if descriptor is not None and "/CIDSet" in descriptor:
        document.add("6.2.11.4", name, "a CIDSet, which this check cannot verify (reportgen writes none)")
    if font.get("/Subtype") != "/CIDFontType2":
        return  # a CFF program: glyph and width checks below read TrueType only
    mapping = font.get("/CIDToGIDMap")
    if mapping is None:
        document.add("6.2.11.3", name, "no /CIDToGIDMap")
        return
    table = None if mapping == "/Identity" else mapping.read_bytes()

    def gid(cid: int) -> int:
        if table is None:
            return cid
        return int.from_bytes(table[2 * cid : 2 * cid + 2], "big") if 2 * cid + 2 <= len(table) else 0

    with TTFont(io.BytesIO(program.read_bytes())) as ttf:
        count = ttf["maxp"].numGlyphs
        scale = 1000 / ttf["head"].unitsPerEm
        advances = ttf["hmtx"].metrics
        order = ttf.getGlyphOrder()
        for cid in sorted(cids):
            glyph = gid(cid)
            if glyph == 0:
                document.add("6.2.11.8", name, f"CID {cid} shows .notdef")
            elif glyph >= count:
                document.add("6.2.11.4", name, f"CID {cid} shows glyph {glyph}, missing from the font")
        widths = _widths(font)
        for cid in sorted(cids):
            glyph = gid(cid)
            if 0 < glyph < count:
                expected = advances[order[glyph]][0] * scale
                given = widths.get(cid, float(font.get("/DW", 1000)))
                if abs(given - expected) > 1:
                    document.add(
                        "6.2.11.5", name, f"CID {cid}: width {given:g} in the PDF, {expected:g} in the font"
                    )


def _widths(font: Any) -> dict[int, float]:
    """The widths a CID font's /W array gives, by CID."""
    widths: dict[int, float] = {}
    entries = list(font.get("/W", []))
    index = 0
    while index < len(entries):
        first = int(entries[index])
        if isinstance(entries[index + 1], pikepdf.Array):
            for offset, width in enumerate(entries[index + 1]):
                widths[first + offset] = float(width)
            index += 2
        else:
            last, width = int(entries[index + 1]), float(entries[index + 2])
            widths.update(dict.fromkeys(range(first, last + 1), width))
            index += 3
    return widths


# --- annotations, forms, actions ----------------------------------------------------------------


def _interactive(document: _Document, objects: list[tuple[str, Any]]) -> None:
    root = document.pdf.Root
    if "/AA" in root:
        document.add("6.5", "catalog", "additional actions (/AA)")
    if bool(root.get("/NeedsRendering", False)):
        document.add("6.4", "catalog", "/NeedsRendering")
    form = root.get("/AcroForm")
    if form is not None and (bool(form.get("/NeedAppearances", False)) or "/XFA" in form):
        document.add("6.4", "interactive form", "/NeedAppearances true or XFA")
    for number, page in enumerate(document.pdf.pages, start=1):
        for annotation in page.obj.get("/Annots", []):
            _annotation(document, annotation, f"page {number}")
    for where, item in objects:
        # An action is the value of /A, /OpenAction or /Next, and has a kind (/S); a structure
        # element's attributes, also under /A, have none.
        if (
            isinstance(item, pikepdf.Dictionary)
            and "/S" in item
            and (item.get("/Type") == "/Action" or where.endswith(("/A", "/OpenAction", "/Next")))
        ):
            _action(document, item, where)


def _annotation(document: _Document, annotation: Any, where: str) -> None:
    subtype = str(annotation.get("/Subtype"))
    where = f"{where}, {subtype} annotation"
    if subtype not in _ANNOTATIONS:
        document.add("6.3.1", where, "not permitted")
    flags = int(annotation.get("/F", 0))
    if subtype != "/Popup" and ("/F" not in annotation or not flags & 4 or flags & (1 | 2 | 32 | 256)):
        document.add("6.3.2", where, f"flags {flags}: must print and never be hidden")
    rect = [float(v) for v in annotation.get("/Rect", [0, 0, 0, 0])]
    empty = rect[0] == rect[2] and rect[1] == rect[3]
    appearance = annotation.get("/AP")
    if appearance is None and not empty and subtype not in {"/Popup", "/Link"}:
        document.add("6.3.3", where, "no appearance")
    if appearance is not None and set(appearance.keys()) != {"/N"}:
        document.add("6.3.3", where, f"appearances {sorted(appearance.keys())}: only /N is allowed")
    if subtype == "/Widget" and ("/A" in annotation or "/AA" in annotation):
        document.add("6.4", where, "a widget with actions")


def _action(document: _Document, action: Any, where: str) -> None:
    kind = str(action.get("/S"))
    if kind not in _ACTIONS:
        document.add("6.5", where, f"action {kind}")
    elif kind == "/Named" and str(action.get("/N")) not in _NAMED:
        document.add("6.5", where, f"named action {action.get('/N')}")


# --- metadata ------------------------------------------------------------------------------------


def _metadata(document: _Document) -> None:
    stream = document.pdf.Root.get("/Metadata")
    if stream is None or stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
        document.add("6.6.2.1", "catalog", "no XMP metadata stream")
        return
    xmp = stream.read_bytes()
    packet = re.match(rb"\s*<\?xpacket ([^?]*)\?>", xmp)
    if packet is None or re.search(rb"\b(bytes|encoding)=", packet[1]):
        document.add("6.6.2.1", "XMP", "packet header missing, or with bytes or encoding attributes")
    try:
        tree = ElementTree.fromstring(xmp)
    except ElementTree.ParseError as error:
        document.add("6.6.2.1", "XMP", f"not well-formed: {error}")
        return
    declared = {
        uri.text.strip() for uri in tree.iter("{http://www.aiim.org/pdfa/ns/schema#}namespaceURI") if uri.text
    }
    for element in tree.iter():
        for name in [element.tag, *element.attrib]:
            space = name[1:].split("}")[0] if name.startswith("{") else None
            if (
                space
                and space not in _XMP_SCHEMAS | _STRUCTURE | declared
                and not space.startswith("http://www.aiim.org/pdfa/ns/")
            ):
                document.add("6.6.2.3", "XMP", f"property of an undeclared schema: {name}")
    values = _xmp_values(tree)
    if values.get("part") != "3" or values.get("conformance") not in {"A", "B", "U"}:
        document.add(
            "6.6.4", "XMP", f"pdfaid part {values.get('part')}, conformance {values.get('conformance')}"
        )
    _info_matches(document, values)


def _xmp_values(tree: ElementTree.Element) -> dict[str, str]:
    """The simple values reportgen's XMP holds, by local name: part, title, CreateDate…"""
    values: dict[str, str] = {}
    for description in tree.iter(f"{{{_RDF}}}Description"):
        for attribute, value in description.attrib.items():
            values[attribute.split("}")[-1]] = value
        for child in description:
            local = child.tag.split("}")[-1]
            items = [li.text or "" for li in child.iter(f"{{{_RDF}}}li")]
            values[local] = items[0] if items else (child.text or "")
    return values


_INFO_TO_XMP = {
    "/Title": "title",
    "/Author": "creator",
    "/Subject": "description",
    "/Keywords": "Keywords",
    "/Creator": "CreatorTool",
    "/Producer": "Producer",
    "/CreationDate": "CreateDate",
    "/ModDate": "ModifyDate",
}


def _info_matches(document: _Document, values: dict[str, str]) -> None:
    info = document.pdf.trailer.get("/Info")
    if info is None:
        return
    for key, local in _INFO_TO_XMP.items():
        if key not in info:
            continue
        said = str(info[key])
        if key.endswith("Date"):
            said = _xmp_date(said)
        if values.get(local) != said:
            document.add("info", f"{key} and XMP {local}", f"{said!r} ≠ {values.get(local)!r}")


def _xmp_date(pdf_date: str) -> str:
    """``D:20231215000000Z`` as XMP writes it: ``2023-12-15T00:00:00Z``."""
    found = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'?\d\d'?)?", pdf_date)
    if found is None:
        return pdf_date
    zone = (found[7] or "").replace("'", "")
    zone = zone if zone in {"", "Z"} else f"{zone[:3]}:{zone[3:]}"
    return f"{found[1]}-{found[2]}-{found[3]}T{found[4]}:{found[5]}:{found[6]}{zone}"


# --- embedded files and tagging ------------------------------------------------------------------


def _embedded_files(document: _Document) -> None:
    names = document.pdf.Root.get("/Names", {})
    tree = names.get("/EmbeddedFiles") if names else None
    if tree is None:
        return
    pairs = list(tree.get("/Names", []))
    for name, spec in zip(pairs[::2], pairs[1::2], strict=True):
        stream = spec.get("/EF", {}).get("/F")
        if "/AFRelationship" not in spec or stream is None or "/Subtype" not in stream:
            document.add("6.8", f"embedded file {name}", "no MIME type or no /AFRelationship")


def _tagging(document: _Document) -> None:
    root = document.pdf.Root
    marked = root.get("/MarkInfo", {}).get("/Marked", False)
    if not bool(marked) or "/StructTreeRoot" not in root or not str(root.get("/Lang", "")):
        document.add("tagged", "catalog", "not marked as tagged, or no structure tree or language")
