"""Every Cypher statement of the Neo4j backend passes Neo4j's own linter, offline.

The linter is ``lintCypherQuery`` of the npm package ``@neo4j-cypher/language-support``
(Neo4j's parser and semantic analysis, as the Neo4j VS Code extension uses them), pinned
in ``cypher_lint/package.json`` and its lock file and installed here with ``npm ci``.
Version 2.0.0-next.20 is the newest that supports Node 20 (later ones require Node 24).
The labels and relationship types the backend may use are declared to it, so a misspelled
label is flagged too; parameters are not declared (their values come at run time), so
"Parameter $x is not defined." is the one diagnostic ignored.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graph import cypher

HERE = Path(__file__).parent / "cypher_lint"
NODE, NPM = shutil.which("node"), shutil.which("npm")

pytestmark = pytest.mark.skipif(
    NODE is None or NPM is None,
    reason="node and npm are needed to run Neo4j's Cypher linter (@neo4j-cypher/"
           "language-support); install Node.js 18.18 or newer to run this test")

SCHEMA = {"labels": ["Node", *cypher.NODE_KINDS, *cypher.META_KINDS],
          "relationshipTypes": [*cypher.EDGE_KINDS, *cypher.REL_KINDS]}


@pytest.fixture(scope="module")
def linter() -> Path:
    """The linter's folder with its pinned packages installed (``npm ci``, once)."""
    marker = HERE / "node_modules" / ".package-lock.json"
    lock = HERE / "package-lock.json"
    if not marker.exists() or marker.stat().st_mtime < lock.stat().st_mtime:
        done = subprocess.run([str(NPM), "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                              cwd=HERE, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout}\n{done.stderr}"
    return HERE


def lint(folder: Path, statements: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Diagnostics per statement, less the ones about undeclared parameters."""
    done = subprocess.run([str(NODE), str(folder / "lint.mjs")], capture_output=True,
                          text=True, timeout=120,
                          input=json.dumps({"schema": SCHEMA, "statements": statements}))
    assert done.returncode == 0, f"the linter failed:\n{done.stderr}"
    found = json.loads(done.stdout)
    assert set(found) == set(statements)
    return {name: [d for d in diagnostics
                   if not (d["message"].startswith("Parameter $")
                           and d["message"].endswith("is not defined."))]
            for name, diagnostics in found.items()}


def report(problems: dict[str, list[dict[str, Any]]]) -> str:
    return "\n".join(f"{name}:{d['line']}:{d['character']}: {d['severity']}: {d['message']}"
                     for name, ds in problems.items() for d in ds)


def test_every_cypher_statement_passes_neo4js_linter(linter: Path) -> None:
    statements = cypher.statements()
    assert len(statements) > 40  # the per-kind dicts are expanded, one entry per kind
    problems = {k: v for k, v in lint(linter, statements).items() if v}
    assert not problems, "\n" + report(problems)


@pytest.mark.parametrize(("broken", "expected"), [
    # a syntax error: the pattern is not closed
    (cypher.GET_NODES.replace("MATCH (n:Node {id: id})", "MATCH (n:Node {id: id}"),
     "Invalid input"),
    # a semantic error: a variable never bound
    (cypher.LIST_PAGE.replace("ORDER BY n.id", "ORDER BY m.id"), "Variable `m` not defined"),
    # an aggregation that hides the variable ORDER BY needs
    (cypher.LIST_COUNT + "\nORDER BY n.id", "not possible to access variables"),
    # a misspelled function, label and relationship type
    (cypher.RELATIONSHIPS.replace("type(r)", "typ(r)"), "Function typ is not present"),
    (cypher.GET_NODES.replace(":Node", ":Nodes"), "Label Nodes is not present"),
    (cypher.STREETS_UNDER.replace("PART_OF", "PART_OFF"),
     "Relationship type PART_OFF is not present"),
])
def test_a_broken_statement_is_flagged_by_the_same_linter(
        linter: Path, broken: str, expected: str) -> None:
    problems = lint(linter, {"BROKEN": broken})["BROKEN"]
    assert problems, f"the linter accepted a broken statement:\n{broken}"
    assert expected in report({"BROKEN": problems})


def test_labels_and_types_written_by_create_or_merge_are_whitelisted_too() -> None:
    # The linter does not flag an unknown label or type where CREATE or MERGE could
    # bring it into being, so those are checked against the whitelist here.
    known = {*SCHEMA["labels"], *SCHEMA["relationshipTypes"]}
    used: dict[str, set[str]] = {}
    for name, statement in cypher.statements().items():
        for names in re.findall(r"[(\[]\s*\w*\s*:\s*([A-Za-z_][\w:|]*)", statement):
            for label in re.split(r"[:|]", names):
                used.setdefault(label, set()).add(name)
    assert {"Node", "Need", "PART_OF", "REGISTERED_WITH"} <= set(used)
    unknown = {label: sorted(names) for label, names in used.items() if label not in known}
    assert not unknown, unknown
