# The two commands of the README: `make demo` builds the sample reports into out/,
# `make test` runs the checks. Both create .venv and install reportgen into it first
# (`make install` does only that); the command is then .venv/bin/reportgen.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test docs golden translations reference lint clean bench

$(STAMP): pyproject.toml reportgen/__init__.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/reportgen build inputs/

test: $(STAMP)
	$(BIN)/ruff check reportgen tests
	$(BIN)/ruff format --check reportgen tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The documentation site (mkdocs.yml, docs/) into site/, strictly: a warning fails the build.
DOCS_STAMP := $(VENV)/.docs-installed
$(DOCS_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[docs]'
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The benchmarks: one unit, a batch, the preview and more, one table against the targets (bench/RESULTS.md);
# `$(BIN)/python bench/run.py --help` for bigger runs.
bench: $(STAMP)
	$(BIN)/python bench/run.py

# Rewrite tests/golden/ from the sample inputs; review the diff like code.
golden: $(STAMP)
	$(BIN)/python -m tests.golden

# Rewrite templates/reference.docx, the Word copies' styles and page set-up, from its generator
# (reportgen/word/reference.py); tests/test_word.py fails while the two disagree.
reference: $(STAMP)
	$(BIN)/python -m reportgen.word.reference templates/reference.docx

# Refresh the message catalogs after changing a message: extract the Vietnamese messages into the
# template, merge it into the English catalog (then translate what is new, the lines with an
# empty msgstr or marked fuzzy), and compile. tests/test_translations.py fails until all is done.
LOCALE := reportgen/locale
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' reportgen/__init__.py)
translations: $(STAMP)
	$(BIN)/pybabel extract -F pyproject.toml -k N_ -k ngettext:1,2 --add-location=file --sort-by-file \
		--project=reportgen --version=$(VERSION) --copyright-holder="reportgen" --no-wrap -o $(LOCALE)/reportgen.pot .
	$(BIN)/pybabel update -i $(LOCALE)/reportgen.pot -d $(LOCALE) -D reportgen --no-wrap --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALE) -D reportgen --statistics

clean:
	rm -rf out dist build site
