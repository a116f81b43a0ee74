"""No input, however mangled, gets a traceback: only located messages (or a clean result).

The seed sample is cut and typed over at random, the way hurried editing mangles a file;
loading, validation and the plausibility checks must answer with ``ReportgenError`` or pass.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.errors import ReportgenError
from reportgen.unit import make
from tests.conftest import SECOND, SEED

SAMPLES = [SEED.read_text(encoding="utf-8"), SECOND.read_text(encoding="utf-8")]
TYPED = st.text(alphabet=":-#&*{}[]|>'\"\t \n.,0123456789aàđz%@!", max_size=6)


@st.composite
def mangled(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        text = text[:start] + draw(TYPED) + text[end:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mangled())
def test_a_mangled_file_gets_messages_not_a_traceback(tmp_path: Path, text: str) -> None:
    path = tmp_path / "hong.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        checked = make(path)
    except ReportgenError as error:
        assert error.problems
        assert all(str(problem).startswith(f"{path}") for problem in error.problems)
    else:
        assert all(problem.warning for problem in checked.warnings)
