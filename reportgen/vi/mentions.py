"""How an article names the association the first time: with its abbreviation and where it is.

The press introduces an abbreviation in brackets after the kind of association, at its first
mention ("Hội Liên hiệp Phụ nữ (LHPN) huyện Đông Sơn"), and may say where a unit lies just
after its name ("Hội Khuyến học huyện Châu Thành (tỉnh An Giang)", "Hội Nông dân huyện Cái Bè,
tỉnh Tiền Giang"); later mentions use a short name the input gives ("Hội LHPN huyện", "Huyện
hội"). Only the article does this: the report's header always prints the full name.
"""

from __future__ import annotations

from reportgen.vi.names import split_name


def first_mention(name: str, abbreviation: str = "", after: str = "") -> str:
    """The association's name at its first mention in an article.

    Args:
        name: The full name: ``Hội Liên hiệp Phụ nữ huyện Đông Sơn``.
        abbreviation: Introduced in brackets after the kind of association (or after the name,
            when it has no administrative level): ``LHPN``.
        after: What follows the name, as typed: ``(tỉnh An Giang)`` after a space, ``, tỉnh
            Tiền Giang`` straight after it.

    Returns:
        The name as the article's first sentence prints it.

    Examples:
        >>> first_mention("Hội Liên hiệp Phụ nữ huyện Đông Sơn", "LHPN")
        'Hội Liên hiệp Phụ nữ (LHPN) huyện Đông Sơn'
        >>> first_mention("Hội Khuyến học huyện Châu Thành", after="(tỉnh An Giang)")
        'Hội Khuyến học huyện Châu Thành (tỉnh An Giang)'
        >>> first_mention("Hội Nông dân huyện Cái Bè", after=", tỉnh Tiền Giang")
        'Hội Nông dân huyện Cái Bè, tỉnh Tiền Giang'
        >>> first_mention("Hội Người cao tuổi Việt Nam", "NCT")
        'Hội Người cao tuổi Việt Nam (NCT)'
    """
    said = " ".join(name.split())
    if abbreviation:
        kind, level, place = split_name(said)
        said = f"{kind} ({abbreviation}) {level} {place}" if level else f"{said} ({abbreviation})"
    after = " ".join(after.split())
    if after:
        said += after if after.startswith((",", ";", ":")) else f" {after}"
    return said
