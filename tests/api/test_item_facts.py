"""Structured facts of needs and resources through the API and the importer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api.imports import import_file
from graph import Resource
from tests.api.world import C1, U1, Api


def _post(api: Api, who: str, url: str, body: dict[str, Any]) -> Any:
    r = api.client.post(url, json=body, headers=api.headers(who))
    assert r.status_code in (200, 201), r.text
    return r.json()


def test_a_unit_writes_seats_restriction_and_other_categories_of_a_resource(api: Api) -> None:
    out = _post(api, "unit", "/api/resources", {
        "title": "单位会议室", "category": "场地阵地", "unit_of_measure": "间", "capacity": 1,
        "unit_id": U1, "seats": 80, "restriction": "只在周末",
        "also_categories": ["文化艺术"]})
    stored = api.store.get(Resource, out["id"])
    assert (stored.seats, stored.restriction, stored.also_categories) == (
        80, "只在周末", ["culture_arts"])


def test_a_community_writes_how_many_people_a_need_involves(api: Api) -> None:
    out = _post(api, "community", "/api/needs", {
        "title": "党员大会没地方开", "category": "场地阵地", "unit_of_measure": "间",
        "quantity": 1, "community_id": C1, "people": 120})
    assert out["people"] == 120


def test_the_importer_reads_the_facts_under_chinese_headers(api: Api, tmp_path: Path) -> None:
    path = tmp_path / "resources.csv"
    path.write_text("编号,标题,类别,提供单位,数量,计量单位,可容纳人数,限制条件,兼顾类别\n"
                    f"R-F-1,小礼堂,场地阵地,{U1},1,间,30,限本单位双报到社区,文化艺术\n",
                    encoding="utf-8")
    import_file(api.store, path, "resources")
    r = api.store.get(Resource, "R-F-1")
    assert (r.seats, r.restriction, r.also_categories) == (30, "限本单位双报到社区",
                                                           ["culture_arts"])
