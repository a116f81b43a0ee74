"""Vietnamese lists: ``A, B và C``.

The formatting stage for enumerations in running text. Jinja2's own ``join`` stays as it
is; this is the Vietnamese one, whose last item comes after ``và`` with no comma before
it (press style).
"""

from __future__ import annotations

from collections.abc import Iterable


def list_and(items: Iterable[object], sep: str = ",") -> str:
    """Join items as a Vietnamese list: ``A, B và C``.

    Args:
        items: The items, each printed with `str`; a single string is refused,
            since its letters would be listed one by one.
        sep: The separator between all items but the last two, followed by one
            space: ``","`` or ``";"`` (for items that contain commas themselves).

    Returns:
        The items joined, the last after ``và``; one item alone; ``""`` for none.

    Raises:
        TypeError: If ``items`` is a string.

    Examples:
        >>> list_and(["A", "B", "C"])
        'A, B và C'
        >>> list_and(["A", "B", "C"], ";")
        'A; B và C'
        >>> list_and(["A", "B"])
        'A và B'
        >>> list_and(["A"])
        'A'
        >>> list_and([])
        ''
    """
    if isinstance(items, str):
        raise TypeError(f"expected a list of items, got a string: {items!r}")
    texts = [str(item) for item in items]
    if len(texts) <= 1:
        return "".join(texts)
    # A template author who writes list_and("; ") means the same as ";".
    head = (sep.rstrip() + " ").join(texts[:-1])
    return f"{head} và {texts[-1]}"
