"""Researchers' notebooks run from top to bottom on a pseudonymous export of the demo.

They share one demo export, made once in a temporary folder; each must draw its figures
(PNG outputs, kept in the executed notebook), print no error and no missing-glyph
warning (Chinese text drawn in a CJK font), and state its conclusions in Chinese.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
FIGURES = {"network_overview": 4, "coverage_circle": 3, "matching_outcomes": 4,
           "nominal_participation": 2}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("notebook-data")


def test_the_four_notebooks_are_there() -> None:
    assert {p.stem for p in NOTEBOOKS} == set(FIGURES)


def run(path: Path, folder: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_draws_its_figures(path: Path, data_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGJIAN_NOTEBOOK_DATA", str(data_dir))
    monkeypatch.delenv("GONGJIAN_EXPORT", raising=False)
    nb = run(path, data_dir)
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.text for o in outputs if o.output_type == "stream"
                     and o.name == "stderr")
    assert "missing from font" not in stderr and "Traceback" not in stderr
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pngs) >= FIGURES[path.stem]
    conclusions = nb.cells[-1].outputs[0]["data"]["text/markdown"]
    assert re.search(r"\d", conclusions) and re.search(r"[\u4e00-\u9fff]{4}", conclusions)
    assert sorted(p.name for p in data_dir.iterdir()) == [
        "data", "gongjian-demo-pseudonymous.json"]


def test_matching_on_a_researchers_export_writes_nothing(data_dir: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    export = data_dir / "gongjian-demo-pseudonymous.json"
    if not export.exists():  # this test alone: make the demo export first
        from api.research import demo_export

        demo_export(data_dir)
    before = export.read_bytes()
    empty = tmp_path / "work"
    empty.mkdir()
    monkeypatch.setenv("GONGJIAN_EXPORT", str(export))
    monkeypatch.setenv("GONGJIAN_NOTEBOOK_DATA", str(empty))
    nb = run(NOTEBOOKS[[p.stem for p in NOTEBOOKS].index("matching_outcomes")], empty)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                if o.output_type == "error"]
    assert list(empty.iterdir()) == [] and export.read_bytes() == before
