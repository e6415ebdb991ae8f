"""Imports point one way: api → matching, graph; seed → graph; matching → numeric libraries.

Walks every module's imports (statically, with ast) so a wrong-way import fails here.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "matching", "api", "seed")
# what each package may import among the project's own packages and heavy third parties
ALLOWED_OWN = {"graph": {"graph"}, "matching": {"matching"}, "seed": {"seed", "graph"},
               "api": {"api", "graph", "matching", "seed"}}
FORBIDDEN_THIRD = {
    "matching": {"fastapi", "neo4j", "sqlite3", "networkx", "pydantic", "uvicorn", "typer"},
    "graph": {"fastapi", "uvicorn", "typer", "matching"},
    "seed": {"fastapi", "uvicorn", "typer"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_point_one_way(package: str) -> None:
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            if name in PACKAGES and name not in ALLOWED_OWN[package]:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
            if name in FORBIDDEN_THIRD.get(package, set()):
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("package", ["graph", "matching", "seed"])
def test_public_surface_is_declared_and_importable(package: str) -> None:
    module = importlib.import_module(package)
    names = getattr(module, "__all__", None)
    assert names, f"{package} declares no __all__"
    for name in names:
        assert hasattr(module, name), f"{package}.__all__ names missing {name}"
