# Two commands that work on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install clean notebooks

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Set up, load the demo district, match every street, then serve the API (Ctrl+C stops).
run: $(STAMP)
	$(BIN)/gongjian init
	$(BIN)/gongjian demo
	$(BIN)/gongjian stats
	$(BIN)/gongjian match --all
	$(BIN)/gongjian serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(STAMP) lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) data

# Execute the researchers' notebooks on the demo's pseudonymous export (made once in a
# temporary folder); the executed notebooks, figures included, go to build/notebooks/.
notebooks: $(STAMP)
	GONGJIAN_NOTEBOOK_DATA=$$(mktemp -d) $(BIN)/jupyter nbconvert --to notebook --execute \
		--ExecutePreprocessor.timeout=300 --output-dir build/notebooks notebooks/*.ipynb
