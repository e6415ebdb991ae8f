"""Imports are writes like any other: each row that updates a stored node is checked against
the node as stored and as it will be, with the version seen at parsing, and audited.

The takeovers of issue #8 — a street moving another street's need into itself, a resource
to another unit, a unit, a community re-parented, the district renamed and re-parented —
are each refused here, over HTTP and through the service, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.imports import ImportRejected, import_file
from graph import (
    AuditEntry,
    GraphStore,
    Need,
    Organization,
    ResidentUnit,
    Resource,
    VersionConflict,
)
from tests.api.world import C1, C3, S1, S2, U1, Api, D, identity


def _upload(api: Api, who: str, kind: str, text: str) -> Any:
    return api.client.post("/api/imports", headers=api.headers(who), data={"kind": kind},
                           files={"file": (f"{kind}.csv", text.encode("utf-8"), "text/csv")})


TAKEOVERS = {
    # another street's need (N3 of C3 in S2) moved into street S1
    "need moved to another street": (
        "needs", "编号,标题,类别,所属社区,数量,计量单位\n"
                 f"N3,被街道1改写,法律服务,{C1},1,次\n", Need, "N3"),
    # another street's resource (R3 of U3) given to a unit of street S1
    "resource moved to another unit": (
        "resources", "编号,标题,类别,提供单位,容量,计量单位\n"
                     f"R3,被街道1改写,法律服务,{U1},1,次\n", Resource, "R3"),
    # another street's unit (U3, with its liaison) moved into street S1
    "unit moved to another street": (
        "units", "编号,名称,类型,所属社区\n"
                 f"U3,被街道1改写,非公企业,{C1}\n", ResidentUnit, "U3"),
    # another street's community re-parented under street S1
    "community re-parented": (
        "organizations", "编号,名称,层级,上级组织,社区类型\n"
                         f"{C3},被街道1改写,community,{S1},商品房社区\n", Organization, C3),
    # the district renamed and hung under the street
    "district renamed and re-parented": (
        "organizations", "编号,名称,层级,上级组织\n"
                         f"{D},被街道1改写的区,district,{S1}\n", Organization, D),
}


@pytest.mark.parametrize("case", sorted(TAKEOVERS))
def test_a_street_cannot_take_over_a_stored_node_through_an_import(api: Api, case: str) -> None:
    kind, text, model, node_id = TAKEOVERS[case]
    before = api.store.get(model, node_id)
    r = _upload(api, "street", kind, text)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "import_rejected"
    assert "不能" in r.json()["error"]["message"]
    assert api.store.get(model, node_id) == before


def test_a_district_cannot_hang_itself_under_one_of_its_streets(api: Api) -> None:
    r = _upload(api, "district", "organizations",
                f"编号,名称,层级,上级组织\n{D},改名的区,district,{S1}\n")
    assert r.status_code == 422, r.text
    assert api.store.get(Organization, D).name == "涧西区委"


def test_a_community_cannot_move_its_need_to_another_community(world: GraphStore,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text(f"编号,标题,类别,所属社区,数量,计量单位\nN1,老年人义诊,家庭医疗,{C3},12,次\n",
                    encoding="utf-8")
    with pytest.raises(ImportRejected, match="不在导入范围「410305001001」之内"):
        import_file(world, path, "needs", who=identity(world, "community"))
    assert world.get(Need, "N1").community_id == C1


def test_an_import_inside_scope_updates_and_writes_one_audit_line_per_change(
        api: Api) -> None:
    text = ("编号,标题,类别,所属社区,数量,计量单位\n"
            f"N1,老年人免费义诊（更新）,家庭医疗,{C1},12,次\n"
            f"N-NEW,新需求,家庭医疗,{C1},2,次\n")
    r = _upload(api, "street", "needs", text)
    assert r.status_code == 200, r.text
    assert r.json()["created"] == {"Need": 1} and r.json()["updated"] == {"Need": 1}
    lines = api.store.list(AuditEntry, filters={"by_id": "street"}).items
    assert sorted((a.target_id, a.action) for a in lines) == [
        ("N-NEW", "import_create"), ("N1", "import_update")]
    assert all(a.street_id == S1 and "needs.csv" in a.note for a in lines)
    again = _upload(api, "street", "needs", text)
    assert again.json()["changed"] == 0
    assert api.store.list(AuditEntry, filters={"by_id": "street"}).total == 2


def test_an_import_is_a_conflict_when_a_node_changed_after_the_file_was_parsed(
        world: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "n.csv"
    path.write_text(f"编号,标题,类别,所属社区,数量,计量单位\nN1,导入的标题,家庭医疗,{C1},12,次\n",
                    encoding="utf-8")
    real_write = world.write

    def someone_else_first(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(world, "write", real_write)
        n1 = world.get(Need, "N1")
        world.transition(Need, "N1", n1.version, {"title": "别人刚改的标题"})
        return real_write(*args, **kwargs)

    monkeypatch.setattr(world, "write", someone_else_first)
    with pytest.raises(VersionConflict, match="需求 N1 已被他人修改"):
        import_file(world, path, "needs", who=identity(world, "street"))
    assert world.get(Need, "N1").title == "别人刚改的标题"
    assert world.list(AuditEntry).total == 0


def test_a_new_id_taken_meanwhile_is_a_conflict_not_an_overwrite(
        world: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "n.csv"
    path.write_text(f"编号,标题,类别,所属社区,数量,计量单位\nN9,导入,家庭医疗,{C1},1,次\n",
                    encoding="utf-8")
    real_write = world.write

    def someone_else_first(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(world, "write", real_write)
        world.upsert([world.get(Need, "N1").model_copy(update={"id": "N9", "title": "先到"})])
        return real_write(*args, **kwargs)

    monkeypatch.setattr(world, "write", someone_else_first)
    with pytest.raises(VersionConflict, match="需求 N9 已存在"):
        import_file(world, path, "needs", who=identity(world, "street"))
    assert world.get(Need, "N9").title == "先到"


def test_the_other_street_still_imports_its_own_rows(api: Api) -> None:
    r = _upload(api, "street2", "needs",
                f"编号,标题,类别,所属社区,数量,计量单位\nN3,每月法律咨询（改）,法律服务,{C3},12,次\n")
    assert r.status_code == 200, r.text
    assert api.store.get(Need, "N3").title == "每月法律咨询（改）"
    assert api.store.get(Need, "N3").street_id == S2
