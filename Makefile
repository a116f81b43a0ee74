# The two commands of the README: `make demo` builds the sample reports into out/,
# `make test` runs the checks. Both create .venv and install reportgen into it first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test golden lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reportgen build inputs/

test: $(STAMP)
	$(BIN)/ruff check reportgen tests
	$(BIN)/ruff format --check reportgen tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Rewrite tests/golden/ from the sample inputs; review the diff like code.
golden: $(STAMP)
	$(BIN)/python -m tests.golden

clean:
	rm -rf out dist build
