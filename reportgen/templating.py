"""Stage 5, rendering to HTML: the Jinja2 environment that turns a context into HTML.

Templates are looked up in the user's folder first and in reportgen's own last, so a user can
replace one file, or extend the packaged one with ``{% extends "!default/article.html" %}`` and
override a single block. Undefined names fail loudly (a misspelt ``{{ nam }}`` must never print
a blank into a press release) and everything is escaped, whatever the template's name. The
filters it registers are the one table of :mod:`reportgen.filters`.
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from reportgen import webfont
from reportgen.compute import Context
from reportgen.errors import Location, ReportgenError
from reportgen.filters import COMPARE_TEMPLATE, FIGURE_TEMPLATE, FILTERS
from reportgen.i18n import _
from reportgen.template_files import Compiled, FolderLoader, Refused
from reportgen.template_files import packaged_templates as packaged_templates  # asked for here too

DEFAULT_PREFIX = "!default"
PARTIALS = (COMPARE_TEMPLATE, FIGURE_TEMPLATE)
"""The templates reportgen calls itself, besides the pages: a build depends on them too."""

OPTIONS: dict[str, Any] = {
    "autoescape": True,  # for every template name, .j2 and .jinja included
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "extensions": ["jinja2.ext.do"],
}
"""How every reportgen environment is set up, whatever its loader."""


class Sandbox(jinja2.sandbox.SandboxedEnvironment):
    """The sandboxed environment every template runs in, the packaged ones too.

    A user's template cannot reach Python's internals (``__class__``, ``__globals__``) to read
    or run anything on the machine, and cannot raise a number to a power that fills the memory.
    It costs about a tenth of a millisecond per page (``bench/isolation.py``). Loops that never
    end are not the sandbox's to stop: templates are rendered in a child process under the same
    time and memory limits as printing (:mod:`reportgen.isolation`).
    """

    intercepted_binops = frozenset({"**"})

    def __init__(self, loader: jinja2.BaseLoader, user_templates: Path | None) -> None:
        super().__init__(loader=loader, **OPTIONS)
        self.user_templates = user_templates
        """The user's template folder, if any: a failure while rendering is then theirs to fix."""

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """Compute ``left ** right``, refusing a result of more than a million binary digits."""
        if isinstance(left, int) and isinstance(right, int) and abs(left).bit_length() * right > 10**6:
            raise OverflowError(f"{left} ** {right}")
        return super().call_binop(context, operator, left, right)


def environment(user_templates: Path | None = None) -> Sandbox:
    """Make the environment once per run; it caches compiled templates across units."""
    packaged = FolderLoader(packaged_templates())
    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None:
        loaders.append(FolderLoader(user_templates))
    loaders += [packaged, jinja2.PrefixLoader({DEFAULT_PREFIX: packaged})]
    env = Sandbox(jinja2.ChoiceLoader(loaders), user_templates)
    env.bytecode_cache = Compiled(f"{OPTIONS}|{sorted(Sandbox.intercepted_binops)}")
    env.filters.update(FILTERS)
    # Structured data stays readable Vietnamese in the page source; `tojson` still escapes < > & '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    env.globals["web_font"] = webfont.stylesheet
    return env


def template_file(env: jinja2.Environment, name: str) -> Path:
    """The file template ``name`` is read from, for messages; ``name`` itself when none is found."""
    loader = env.loader
    for folder in loader.loaders if isinstance(loader, jinja2.ChoiceLoader) else [loader]:
        path = folder.path_of(name) if isinstance(folder, FolderLoader) else None
        if path is not None:
            return path
    return Path(name)


MAX_PAGE_CHARS = 20_000_000
"""The longest page a template may make: a report of a hundred indicators is about 200,000."""


def render(env: jinja2.Environment, name: str, context: Context) -> str:
    """Render template ``name`` with ``context``.

    Raises:
        ReportgenError: the template is missing, invalid, uses a name the context lacks, or
            fails while it runs (a loop too long, a macro calling itself without end); the
            message names the template file and line.
    """
    try:
        page = env.get_template(name).render(**context)
    except (MemoryError, ReportgenError):
        raise
    except jinja2.TemplateSyntaxError as error:
        where = Location(Path(error.filename or error.name or name), error.lineno or 0, 1)
        raise ReportgenError.at(where, _("lỗi cú pháp mẫu: {error}").format(error=error.message)) from None
    except Refused as error:
        raise ReportgenError.at(Location(error.path), str(error)) from None
    except jinja2.TemplateNotFound as error:
        raise ReportgenError.at(
            Location(Path(name)), _("không tìm thấy mẫu `{name}`").format(name=error.name)
        ) from None
    except jinja2.UndefinedError as error:
        raise ReportgenError.at(
            _template_location(error, name), _("mẫu dùng tên chưa có: {error}").format(error=error)
        ) from None
    except jinja2.exceptions.SecurityError as error:
        raise ReportgenError.at(
            _template_location(error, name),
            _("mẫu dùng phần bên trong của Python, điều mẫu không được làm: {error}").format(error=error),
        ) from None
    except RecursionError as error:
        raise ReportgenError.at(
            _recursion_location(error, name),
            _(
                "mẫu gọi lồng nhau quá sâu — có lẽ một macro gọi chính nó, hay một mẫu `include` "
                "chính nó; hãy xem lại dòng này"
            ),
        ) from None
    except OverflowError as error:
        raise ReportgenError.at(
            _template_location(error, name),
            _(
                "mẫu tạo ra một dãy hay một số quá lớn — `range` được tối đa {count} số, lũy thừa `**` "
                "chỉ dùng với số nhỏ; hãy xem lại dòng này"
            ).format(count=jinja2.sandbox.MAX_RANGE),
        ) from None
    except Exception as error:
        if not isinstance(env, Sandbox) or env.user_templates is None:
            raise  # the packaged templates failing is reportgen's own bug
        raise ReportgenError.at(
            _template_location(error, name),
            _("mẫu gặp lỗi khi chạy: {error}").format(error=f"{type(error).__name__}: {error}"),
        ) from None
    if len(page) > MAX_PAGE_CHARS:
        raise ReportgenError.at(
            Location(template_file(env, name)),
            _("mẫu làm ra một trang quá dài (hơn {count} ký tự) — hãy xem lại các vòng lặp trong mẫu").format(
                count=MAX_PAGE_CHARS
            ),
        )
    return page


def _template_location(error: BaseException, name: str) -> Location:
    """Find the template file and line in a rendering traceback (Jinja2 maps them for us)."""
    frames = _template_frames(error)
    return frames[-1] if frames else Location(Path(name))


def _recursion_location(error: RecursionError, name: str) -> Location:
    """Find the template line a runaway recursion goes through most: the call that repeats."""
    frames = _template_frames(error)
    if not frames:
        return Location(Path(name))
    counts = collections.Counter(frames)
    return max(reversed(frames), key=lambda frame: counts[frame])


def _template_frames(error: BaseException) -> list[Location]:
    """The template lines of ``error``'s traceback, outermost first."""
    traceback: Any = error.__traceback__
    found = []
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(".html") or filename.endswith(".css"):
            found.append(Location(Path(filename), traceback.tb_lineno, 1))
        traceback = traceback.tb_next
    return found
