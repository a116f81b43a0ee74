"""``python -m reportgen`` runs the command line."""

from reportgen.program import run

run()
