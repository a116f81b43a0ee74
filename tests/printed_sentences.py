"""Reading figures back out of sentences: what each ``{key}`` of the input's paragraphs printed.

The words around each reference are the input's own, so what a reference printed is found
exactly, whatever else the paragraph says; the words reportgen puts around a figure are those of
the packaged templates (``_figure.html``, ``_compare.html``). See :mod:`tests.printed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen.prose import references
from reportgen.schema import PLACEHOLDER, ChiTieu, ChiTieuNamSau, Loai
from tests.printed import APPROX, FIGURE, FIGURES, NUMBER, PERCENT, SCALE, Printed, Sample

THAN = r"(?:năm \d{4}|cùng kỳ năm \d{4}|đầu nhiệm kỳ)"
"""What a figure is compared with: a year, the same half of an earlier year, the start of a term."""
PERIOD = r"(?:6 tháng đầu )?năm \d{4}"
"""The period a figure is of, in brackets after it."""
PLAN = r"kế hoạch năm|kế hoạch|chỉ tiêu nhiệm kỳ"
"""What the period calls a target."""


def _words(text: str) -> str:
    """A literal run of a paragraph as a pattern: its spaces any whitespace."""
    return r"\s+".join(re.escape(part) for part in text.split(" "))


class _Pattern:
    """A paragraph of the input as a pattern of what its references print."""

    def __init__(self, sample: Sample, groups: dict[str, list[str]]) -> None:
        self.sample = sample
        self.groups = groups
        self.slots: dict[str, tuple[str, str]] = {}
        """Each named group of the pattern: the key and what it holds."""

    def slot(self, key: str, holds: str, pattern: str) -> str:
        name = f"g{len(self.slots)}"
        self.slots[name] = (key, holds)
        return f"(?P<{name}>{pattern})"

    def phrase(self, key: str, c: ChiTieu | ChiTieuNamSau) -> str:
        figure = self.slot(key, "figures", FIGURES)
        order = c.hien_thi.thu_tu or ("so_truoc" if c.loai is Loai.SO_LUONG else "nhan_truoc")
        said = f"{figure} {_words(c.nhan)}" if order == "so_truoc" else f"{_words(c.nhan)} {figure}"
        verb = getattr(c, "dong_tu", "")
        return f"{_words(verb)} {said}" if verb else said

    def comparisons(self, key: str, c: ChiTieu) -> str:
        """Exactly the comparisons the packaged macros write for ``c``, in their order."""
        items = []
        form = c.hien_thi
        if (c.tong is not None or c.ty_le is not None) and form.so_voi_tong in (
            "chiem",
            "phan_so_chiem",
            "phan_so_dat",
        ):
            items.append(self.slot(key, "share", rf"(?:chiếm|đạt) {PERCENT}"))
        if c.nam_truoc is not None:
            items.append(
                self.slot(
                    key,
                    "last",
                    rf"\((?:tăng|giảm) [^()]*? so với {THAN}\)|(?:tăng|giảm) [^()]*?(?: \({PERCENT}\))?"
                    rf" so với {THAN}|bằng {PERCENT} so với (?:cùng kỳ|{THAN})"
                    rf"|tương đương (?:năm trước|{THAN})"
                    rf"|(?:tăng|giảm) từ [^()]*? \({PERIOD}\) (?:lên|xuống còn) [^()]*? \({PERIOD}\)",
                )
            )
        if (c.ke_hoach is not None and c.ke_hoach.value > 0) or c.dat_ke_hoach is not None:
            items.append(
                self.slot(
                    key,
                    "target",
                    rf"(?:vượt|đạt) {PERCENT} (?:{PLAN}|chỉ tiêu giao|chỉ tiêu)"
                    rf"|(?:vượt|đạt|chưa đạt) (?:chỉ tiêu giao|{PLAN})",
                )
            )
        return "(?:, | )".join(items)

    def parts(self, key: str, c: ChiTieu) -> str:
        unit = rf"(?: {_words(c.don_vi)})?" if c.loai is Loai.SO_LUONG and c.don_vi else ""
        return ", ".join(
            f"{_words(label)} {self.slot(key, 'part:' + label, FIGURE)}{unit}"
            rf"(?: \({self.slot(key, 'part share:' + label, PERCENT)}\))?"
            for label in c.trong_do
        )

    def reference(self, key: str, form: str) -> str:
        sample = self.sample
        if key in self.groups:
            phrases = [
                self.phrase(k, sample.targets.get(k) or sample.indicators[k]) for k in self.groups[key]
            ]
            return phrases[0] if len(phrases) == 1 else "; ".join(phrases[:-1]) + " và " + phrases[-1]
        if key in sample.targets:
            target = sample.targets[key]
            return self.slot(key, "figures", FIGURES) if form == "so" else self.phrase(key, target)
        c = sample.indicators[key]
        if form == "so":
            return self.slot(key, "figures", FIGURES)
        if form == "chi_so_sanh":
            return self.comparisons(key, c)
        if form == "so_sanh" and c.nam_truoc is not None and c.hien_thi.so_voi_nam_truoc == "tu_den":
            return f"{_words(c.nhan)} {self.comparisons(key, c)}"  # the figures are in the comparison
        said = self.phrase(key, c)
        if form == "so_sanh":
            compared = self.comparisons(key, c)
            return f"{said}(?:, | ){compared}" if compared else said
        if form == "trong_do":
            return f"{said}, trong đó: {self.parts(key, c)}"
        return said

    def of(self, paragraph: str) -> str:
        pieces, start = [], 0
        for match in PLACEHOLDER.finditer(paragraph):
            pieces.append(_words(paragraph[start : match.start()]))
            pieces.append(self.reference(match["key"], match["form"] or ""))
            start = match.end()
        pieces.append(_words(paragraph[start:]))
        return "".join(pieces)


class NotPrinted(AssertionError):
    """A paragraph of the input is not in an output as its references would print it."""


def sentences(sample: Sample, groups: dict[str, list[str]], text: str, where: str) -> Iterator[Printed]:
    """The figures of every paragraph with a reference, read from ``text``."""
    for paragraph in sample.paragraphs:
        if not PLACEHOLDER.search(paragraph):
            continue
        pattern = _Pattern(sample, groups)
        found = re.search(pattern.of(paragraph), text, re.IGNORECASE)
        if found is None:
            raise NotPrinted(f"{where}: not printed as its references read: {paragraph!r}")
        for name, (key, holds) in pattern.slots.items():
            if found[name] is not None:
                yield from _said(sample, key, holds, found[name].lower(), where)


def _said(sample: Sample, key: str, holds: str, said: str, where: str) -> Iterator[Printed]:
    """Name what one slot of a sentence printed."""
    if holds == "figures":
        for name, text in fractions(key, said, sample):
            yield Printed(key, name, text, where)
    elif holds.startswith("part:"):
        yield Printed(key, "trong_do:" + holds[5:], said, where)
    elif holds.startswith("part share:"):
        yield Printed(key, "ty_le:" + holds[11:], said, where)
    elif holds == "share":
        yield Printed(key, "chiem", said.split(" ", 1)[1], where)
    elif holds == "target":
        words = said.split(" ")
        if words[0] == "chưa" or (not words[1][:1].isdigit() and words[1] != "khoảng"):
            if words[1] != "chỉ":  # typed in words: "vượt kế hoạch", "chưa đạt kế hoạch"
                yield Printed(key, "dat", " ".join(words[:2] if words[0] == "chưa" else words[:1]), where)
        else:
            yield Printed(
                key,
                "vuot" if words[0] == "vượt" else "dat",
                " ".join(words[1:]).split(" kế")[0].split(" chỉ")[0],
                where,
            )
    else:
        yield from _against_last_year(key, said, where)


def _against_last_year(key: str, said: str, where: str) -> Iterator[Printed]:
    both = re.fullmatch(
        rf"(tăng|giảm) từ ({FIGURE})(?: [^(]*?)? \({PERIOD}\)"
        rf" (?:lên|xuống còn) ({FIGURE})(?: [^(]*?)? \({PERIOD}\)",
        said,
    )
    if both:  # "giảm từ 5% (năm 2018) xuống còn 3,04% (năm 2022)": both figures, no difference
        yield Printed(key, "huong", both[1], where)
        yield Printed(key, "nam_truoc", both[2], where)
        yield Printed(key, "gia_tri", both[3], where)
        return
    said = said.removeprefix("(").removesuffix(")")
    compared = re.fullmatch(rf"bằng ({PERCENT}) so với (?:cùng kỳ|{THAN})", said)
    if compared:
        yield Printed(key, "bang", compared[1], where)
        return
    changed = re.fullmatch(
        rf"(tăng|giảm) ({FIGURE})(?: [^(]*?)?(?: điểm phần trăm)?(?: \(({PERCENT})\))? so với {THAN}",
        said,
    )
    if changed:
        yield Printed(key, "huong", changed[1], where)
        yield Printed(key, "chenh_lech", changed[2], where)
        if changed[3]:
            yield Printed(key, "phan_tram", changed[3], where)
    elif said.startswith("tương đương "):
        yield Printed(key, "huong", "tương đương", where)


def fractions(key: str, said: str, sample: Sample) -> list[tuple[str, str]]:
    """Name the figures of ``x`` or ``x/y``: the figure of the year, and the total or target under it."""
    if "/" not in said:
        return [("gia_tri", said)]
    part, whole = said.split("/")
    suffix = re.sub(rf"^(?:(?:{APPROX}) )?-?(?:{NUMBER})", "", whole)
    if not re.search(rf"\b(?:{SCALE})\b|đồng", part):
        part += suffix
    c = sample.indicators.get(key)
    below = (
        "tong" if c is not None and c.tong is not None and c.hien_thi.so_voi_tong != "chiem" else "ke_hoach"
    )
    return [("gia_tri", part), (below, whole)]


def target_phrases(sample: Sample, text: str, where: str) -> Iterator[Printed]:
    """Next year's targets where the templates list them: the report's list, one a line
    ("- Giảm trên 30 hộ …;"), and the article's sentence for those no paragraph names."""
    if not sample.targets:
        return
    said = set(references(sample.paragraphs))
    lead = rf"Các chỉ tiêu chủ yếu {sample.period.ten_sau}: "
    if where.startswith("report"):
        pattern = _Pattern(sample, {})
        lines = [rf"- {pattern.phrase(key, target)}[;.]" for key, target in sample.targets.items()]
        found = re.search(lead + " ".join(lines), text, re.IGNORECASE)
    else:
        unsaid = [key for key in sample.targets if key not in said]
        if not unsaid:
            return
        pattern = _Pattern(sample, {"": unsaid})
        found = re.search(lead + pattern.reference("", "") + r"\.", text, re.IGNORECASE)
    if found is None:
        raise NotPrinted(f"{where}: next year's targets are not listed as the templates list them")
    for name, (key, _holds) in pattern.slots.items():
        yield Printed(key, "gia_tri", found[name].lower(), where)
