# Two commands that work on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install clean notebooks neo4j neo4j-build

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

# A local Neo4j server in the foreground (embedded Neo4j Community 5.26 with Bolt; needs
# Java 17 and Maven). Bolt on 127.0.0.1:$(NEO4J_BOLT_PORT), no password (loopback only),
# data in $(GONGJIAN_DATA_DIR)/neo4j. In another terminal: NEO4J_URI=bolt://127.0.0.1:7687 make run
NEO4J_BOLT_PORT ?= 7687
GONGJIAN_DATA_DIR ?= data
neo4j-build:
	neo4j-launcher/build.sh

neo4j: neo4j-build
	neo4j-launcher/run.sh $(NEO4J_BOLT_PORT) $(GONGJIAN_DATA_DIR)/neo4j

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
