"""pytest says which graph store backends ran, also in quiet mode (``make test``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _quiet_run(tmp_path: Path, neo4j_uri: str | None) -> str:
    shutil.copy(HERE / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_one.py").write_text("def test_one():\n    assert 1 + 1 == 2\n")
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    if neo4j_uri is not None:
        env["NEO4J_URI"] = neo4j_uri
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "test_one.py"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_quiet_run_without_a_server_says_the_neo4j_cases_are_skipped(
        tmp_path: Path) -> None:
    out = _quiet_run(tmp_path, None)
    assert "graph store backends: embedded only (NEO4J_URI is not set" in out
    assert "1 passed" in out


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:7999"])
def test_a_quiet_run_with_a_server_names_both_backends_and_the_uri(
        tmp_path: Path, uri: str) -> None:
    out = _quiet_run(tmp_path, uri)
    assert f"graph store backends: embedded, neo4j ({uri})" in out
