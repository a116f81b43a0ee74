"""The machine's fonts as fontconfig lists them: every family, with its font files.

WeasyPrint finds fonts through fontconfig, so the report's font is chosen from fontconfig's
list (:mod:`reportgen.fonts`). WeasyPrint's own bindings would do, but loading them means
importing WeasyPrint, which takes most of a second: the process that chooses the font is not
the one that prints, and need not pay for it. The four functions needed are called through
:mod:`ctypes` here, from the library WeasyPrint loads, found by the names it tries on each
system. Where that fails (a Windows machine whose libraries WeasyPrint finds in folders named
by ``WEASYPRINT_DLL_DIRECTORIES``, say), WeasyPrint's bindings are used after all.

fontconfig keeps its own cache of what each font folder holds; listing reads that cache and
scans nothing that has not changed.
"""

from __future__ import annotations

import ctypes
import functools
from pathlib import Path
from typing import Any

NAMES = (
    "libfontconfig-1",
    "fontconfig-1",
    "fontconfig",
    "libfontconfig.so.1",
    "libfontconfig.1.dylib",
    "libfontconfig-1.dll",
)
"""The names WeasyPrint loads fontconfig by, on Linux, macOS and Windows."""

_MATCH = 0  # FcResultMatch
_SYSTEM = 0  # FcSetSystem


class _FontSet(ctypes.Structure):
    _fields_ = (
        ("nfont", ctypes.c_int),
        ("sfont", ctypes.c_int),
        ("fonts", ctypes.POINTER(ctypes.c_void_p)),
    )


def families() -> dict[str, list[Path]]:
    """The font files of every family on this machine, by family name.

    The list is of real files under their own family names: fontconfig's aliases ("Times New
    Roman" standing for Liberation Serif) apply when matching a name, not when listing fonts.

    Raises:
        OSError: fontconfig could not be loaded, by either way.
    """
    library = _library()
    if library is None:
        return _through_weasyprint()
    found: dict[str, list[Path]] = {}
    config = library.FcInitLoadConfigAndFonts()
    try:
        fonts = library.FcConfigGetFonts(config, _SYSTEM)
        value = ctypes.c_char_p()
        for i in range(fonts.contents.nfont if fonts else 0):
            pattern = fonts.contents.fonts[i]
            if library.FcPatternGetString(pattern, b"file", 0, ctypes.byref(value)) != _MATCH:
                continue
            path = Path((value.value or b"").decode("utf-8", "replace"))
            n = 0
            while library.FcPatternGetString(pattern, b"family", n, ctypes.byref(value)) == _MATCH:
                found.setdefault((value.value or b"").decode("utf-8", "replace"), []).append(path)
                n += 1
    finally:
        library.FcConfigDestroy(config)
    return found


@functools.cache
def _library() -> Any:
    """fontconfig, its four functions typed; None where no name of :data:`NAMES` loads it."""
    for name in NAMES:
        try:
            library = ctypes.CDLL(name)
        except OSError:
            continue
        library.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
        library.FcInitLoadConfigAndFonts.argtypes = ()
        library.FcConfigDestroy.restype = None
        library.FcConfigDestroy.argtypes = (ctypes.c_void_p,)
        library.FcConfigGetFonts.restype = ctypes.POINTER(_FontSet)
        library.FcConfigGetFonts.argtypes = (ctypes.c_void_p, ctypes.c_int)
        library.FcPatternGetString.restype = ctypes.c_int
        library.FcPatternGetString.argtypes = (
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_char_p),
        )
        return library
    return None


def _through_weasyprint() -> dict[str, list[Path]]:
    """As :func:`families`, through WeasyPrint's bindings, which know where else to look."""
    from weasyprint.text.ffi import ffi
    from weasyprint.text.ffi import fontconfig as fc

    found: dict[str, list[Path]] = {}
    config = fc.FcInitLoadConfigAndFonts()
    try:
        fonts = fc.FcConfigGetFonts(config, fc.FcSetSystem)
        value = ffi.new("FcChar8 **")
        for i in range(fonts.nfont if fonts != ffi.NULL else 0):
            pattern = fonts.fonts[i]
            if fc.FcPatternGetString(pattern, b"file", 0, value) != fc.FcResultMatch:
                continue
            path = Path(ffi.string(value[0]).decode("utf-8", "replace"))
            n = 0
            while fc.FcPatternGetString(pattern, b"family", n, value) == fc.FcResultMatch:
                found.setdefault(ffi.string(value[0]).decode("utf-8", "replace"), []).append(path)
                n += 1
    finally:
        fc.FcConfigDestroy(config)
    return found
