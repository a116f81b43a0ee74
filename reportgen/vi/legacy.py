"""Recognise the pre-Unicode Vietnamese encodings that old year-end files still come in.

Offices typed Vietnamese for years in TCVN3 (ABC, the ``.Vn`` fonts), VNI (the ``VNI-`` fonts)
and Windows-1258 before Unicode, and such files still circulate. No well-kept library names
them (chardet and its kin know Windows-1258 at best), so this small module does, from the
bytes each one uses for Vietnamese letters, to tell the user which conversion to choose.
"""

from __future__ import annotations

import re

# TCVN3 puts each precomposed lower-case letter in one byte of 0xA8-0xAE or 0xB5-0xFE
# (đ is 0xAE, ộ 0xE9, ự 0xF9), most often right after a consonant: "häc" for "học".
_TCVN3_LETTER = re.compile(rb"[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z][\xa8-\xae\xb5-\xfe]")
# VNI writes a vowel and then its marks as separate bytes: "hoïc" for "học", "ngöôøi" for "người".
_VNI_LETTER = re.compile(rb"[aeiouyAEIOUY\xf4\xf6\xd4\xd6][\xe0-\xe5\xe8-\xea\xef\xf5\xf8\xf9\xfb]")
# Windows-1258 keeps a few precomposed vowels but writes tones as combining marks after them:
# 0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below.
_CP1258_TONE = re.compile(
    rb"[aeiouyAEIOUY\xe2\xe3\xea\xf4\xf5\xfd\xc2\xc3\xca\xd4\xd5\xdd][\xcc\xec\xd2\xde\xf2]"
)

NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "cp1258": "Windows-1258"}
"""The encodings as Unikey's converter names them."""


def guess(raw: bytes) -> str | None:
    r"""Name the legacy encoding that ``raw`` (not UTF-8) most likely uses, or None.

    >>> guess("Hội Cựu chiến binh".encode("utf-8"))
    >>> guess("Héi Cùu chiÕn binh tØnh B¾c K¹n".encode("latin-1"))  # TCVN3, as Word shows it
    'tcvn3'
    >>> guess("Hoäi Cöïu chieán binh tænh Baéc Kaïn".encode("latin-1"))  # VNI
    'vni'
    >>> guess(b"H\xf4\xf2i C\xfd\xf2u chi\xea\xecn binh")  # Windows-1258
    'cp1258'
    >>> guess("# Hội\n".encode() + "Hoäi Cöïu chieán binh".encode("latin-1"))  # UTF-8, then VNI
    'vni'
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    # A file may mix UTF-8 (a heading, a comment) with text pasted from an old file: only the
    # bytes that are not UTF-8 tell which encoding that text is in.
    raw = bytes(
        ord(c) if ord(c) < 0x80 else ord(c) - 0xDC00
        for c in raw.decode("utf-8", "surrogateescape")
        if ord(c) < 0x80 or 0xDC80 <= ord(c) <= 0xDCFF
    )
    scores = {
        "cp1258": 2 * len(_CP1258_TONE.findall(raw)),
        "vni": len(_VNI_LETTER.findall(raw)),
        "tcvn3": len(_TCVN3_LETTER.findall(raw)),
    }
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else None


# The Latin-1 letters that Vietnamese itself uses; any other one in a value is a sign of
# legacy text pasted as if it were Western ("Héi Cùu chiÕn binh tØnh" for "Hội Cựu chiến binh tỉnh").
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")


def pasted(text: str) -> str | None:
    """Name the legacy encoding of text pasted into a UTF-8 file as Western letters, or None.

    >>> pasted("Hội Cựu chiến binh tỉnh Bà Rịa")
    >>> pasted("Héi Cùu chiÕn binh tØnh Bµ RÞa")
    'tcvn3'
    >>> pasted("Hoäi Cöïu chieán binh tænh Baø Ròa")
    'vni'
    >>> pasted("Nhiệt độ 25°C, 1½ ngày")
    """
    # Unicode Vietnamese nearly always has a letter past Latin-1 (ư, ơ, ă, đ, ạ…); pasted legacy
    # text never does, and shows at least one Latin-1 sign Vietnamese does not use (Ø, µ, ¾, ä).
    if any(ord(c) > 0xFF for c in text):
        return None
    if not any(c >= "\x80" and c not in _VIETNAMESE_LATIN1 for c in text):
        return None
    # Each such letter is the byte the old font drew: back to those bytes, then guess as a file.
    return guess(text.encode("latin-1"))
