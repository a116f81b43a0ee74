"""Where a centred title or a body's name breaks into lines, as a typesetter breaks them.

A browser or WeasyPrint fills the first line and wraps the rest wherever a space falls: one
word left alone on the last line ("… nhiệm vụ năm / 2024"), or a word of two syllables torn
apart ("HỘI LIÊN HIỆP PHỤ / NỮ"), since Vietnamese puts a space between syllables, not only
between words. A typesetter breaks a long title near its middle and at a joint of its sense:
after a comma or "và", before the administrative level of a name ("HỘI NÔNG DÂN / HUYỆN CÁI
BÈ"), after "Trung ương", before "Việt Nam".

Lengths are counted in characters, which in one font and one weight is close enough to widths.
No line-breaking library knows Vietnamese joints (they break at any space), hence this module.
"""

from __future__ import annotations

import itertools

from reportgen.vi.names import LEVELS

_HEADS = (("trung", "ương"), ("ban", "thường", "vụ"), ("ban", "chấp", "hành"), ("bch",))
"""What a body's name may start with, before the body itself: a break may follow it."""


def title_lines(text: str, width: int) -> list[str]:
    """Break a title into as few lines of at most ``width`` characters as its joints allow.

    >>> title_lines("Tổng kết công tác năm 2023", 55)
    ['Tổng kết công tác năm 2023']
    >>> title_lines("Tổng kết nhiệm kỳ 2018–2023 và phương hướng, nhiệm vụ nhiệm kỳ 2023–2028", 55)
    ['Tổng kết nhiệm kỳ 2018–2023 và', 'phương hướng, nhiệm vụ nhiệm kỳ 2023–2028']
    """
    words = text.split()
    joints = {i for i, word in enumerate(words[:-1], 1) if word.endswith((",", ";")) or _lower(word) == "và"}
    return _lines(words, width, joints)


def name_lines(text: str, width: int) -> list[str]:
    """Break a body's name, in any case, at the joints of its parts.

    >>> name_lines("HỘI LIÊN HIỆP PHỤ NỮ HUYỆN ĐÔNG SƠN", 24)
    ['HỘI LIÊN HIỆP PHỤ NỮ', 'HUYỆN ĐÔNG SƠN']
    >>> name_lines("TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM", 27)
    ['TRUNG ƯƠNG', 'HỘI NÔNG DÂN VIỆT NAM']
    """
    words = text.split()
    lower = [_lower(word) for word in words]
    joints = {i for i in range(1, len(words)) if words[i - 1].endswith((",", ";"))}
    for head in _HEADS:
        if tuple(lower[: len(head)]) == head:
            joints.add(len(head))
    if lower[-2:] == ["việt", "nam"]:
        joints.add(len(words) - 2)
    for level in LEVELS:
        size = len(level.split())
        joints.update(i for i in range(1, len(words) - size) if " ".join(lower[i : i + size]) == level)
    return _lines(words, width, joints)


def _lower(word: str) -> str:
    return word.lower().strip(",;")


MOST_LINES, MOST_WORDS = 4, 150
"""The most lines and words a title is balanced over; a longer text is filled line by line, in
linear time (balancing costs the square of the words)."""


def _lines(words: list[str], width: int, joints: set[int]) -> list[str]:
    """The best lines for ``words``, breaking at ``joints`` (the indexes of words a line may start with).

    None wider than ``width`` if it can be, then the fewest breaks that are not joints, then the
    fewest lines (one more than the least is allowed for a joint), then the most even lengths,
    then the longer line last.
    """
    # ends[i]: the length of words[:i] set on one line, plus one; a line words[a:b] is ends[b] - ends[a] - 1.
    ends = list(itertools.accumulate((len(word) + 1 for word in words), initial=0))
    length = ends[-1] - 1
    if length <= width:
        return [" ".join(words)]
    fewest = -(-length // width)
    if fewest > MOST_LINES or len(words) > MOST_WORDS:
        return _filled(words, width)
    counts = [count for count in (fewest, fewest + 1) if count <= len(words)] or [len(words)]
    _, cuts = min(_best(ends, count, width, joints) for count in counts)
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[start:end]) for start, end in itertools.pairwise(bounds)]


def _filled(words: list[str], width: int) -> list[str]:
    """Lines filled one after another, as a browser fills them."""
    lines: list[list[str]] = [[]]
    size = -1
    for word in words:
        if lines[-1] and size + 1 + len(word) > width:
            lines.append([])
            size = -1
        lines[-1].append(word)
        size += 1 + len(word)
    return [" ".join(line) for line in lines]


Cost = tuple[int, int, int, float]


def _best(ends: list[int], count: int, width: int, joints: set[int]) -> tuple[Cost, tuple[int, ...]]:
    """The cheapest way to set the words in ``count`` lines, and where its lines start.

    Dynamic programming over (lines set, words used): every cost adds up line by line.
    """
    words = len(ends) - 1
    target = (ends[-1] - 1) / count
    best: dict[tuple[int, int], tuple[tuple[int, int, float], tuple[int, ...]]] = {(0, 0): ((0, 0, 0.0), ())}
    for lines in range(1, count + 1):
        for end in range(lines, words + 1):
            for start in range(lines - 1, end):
                before = best.get((lines - 1, start))
                if before is None:
                    continue
                (wide, torn, uneven), cuts = before
                size = ends[end] - ends[start] - 1
                cost = (
                    wide + max(0, size - width),
                    torn + (start > 0 and start not in joints),
                    uneven + (size - target) ** 2,
                )
                key = (lines, end)
                if key not in best or cost < best[key][0]:
                    best[key] = (cost, (*cuts, start) if start else cuts)
    (wide, torn, uneven), cuts = best[(count, words)]
    return (wide, torn, count, uneven), cuts
