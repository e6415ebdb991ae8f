"""Service records that hold: hours per member and day, quantities, the agreement's period;
corrections and voids with a reason in the trail; figures count valid records only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from api.errors import InvalidRequest, NotAllowed
from api.services import agreements, audit, dashboards, records
from graph import AuditEntry, GraphStore, Project, ServiceRecord, VersionConflict
from tests.api.test_documents import resolved
from tests.api.world import S1, identity

NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def world(world: GraphStore) -> GraphStore:
    """P1 (12 次 of 医生每月义诊 in 唐村社区) in progress under an agreement 3/1–6/30."""
    store = world
    resolved(store, "P1", start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30))
    ag = agreements.draft(store, identity(store, "community"), ["P1"], now=NOW)
    for name in ("unit", "community", "street"):
        ag = agreements.sign(store, identity(store, name), ag.id, ag.version, now=NOW)
    agreements.activate(store, identity(store, "street"), ag.id, ag.version, now=NOW)
    p = store.get(Project, "P1")
    store.upsert([p.model_copy(update={"status": "in_progress"})])
    return store


def record(store: GraphStore, day: int = 10, hours: float = 3, quantity: int = 1,
           members: list[str] | None = None, month: int = 3) -> ServiceRecord:
    return records.create_record(store, identity(store, "unit"), "P1",
                                 date=dt.date(2026, month, day), hours=hours,
                                 member_ids=["M1"] if members is None else members,
                                 quantity=quantity, now=LATER)


def test_a_member_serves_at_most_twelve_hours_a_day_over_all_records(
        world: GraphStore) -> None:
    record(world, hours=8)
    with pytest.raises(InvalidRequest, match=r"张丽（M1）2026-03-10 已记实 8 小时.*12 小时"):
        record(world, hours=5)
    record(world, hours=4)  # exactly twelve
    record(world, day=11, hours=5)  # another day
    with pytest.raises(InvalidRequest, match="一次服务 30 小时，超过每人每天 12 小时"):
        record(world, day=12, hours=30, members=[])


def test_the_quantity_served_stays_within_the_projects_quantity(world: GraphStore) -> None:
    record(world, quantity=10)
    with pytest.raises(InvalidRequest, match="项目约定 12次，已记实 10次，本次 3次 将超出约定数量"):
        record(world, day=11, quantity=3)
    record(world, day=11, quantity=2)


def test_the_date_lies_within_the_agreements_period_and_not_ahead(
        world: GraphStore) -> None:
    with pytest.raises(InvalidRequest, match="早于协议期限的开始日期 2026-03-01"):
        record(world, day=20, month=2)
    with pytest.raises(InvalidRequest, match="晚于今天"):
        record(world, day=2, month=5)
    later = dt.datetime(2026, 8, 1, tzinfo=dt.UTC)
    with pytest.raises(InvalidRequest, match="晚于协议期限的结束日期 2026-06-30"):
        records.create_record(world, identity(world, "unit"), "P1", date=dt.date(2026, 7, 2),
                              hours=2, now=later)


def test_a_correction_needs_a_reason_holds_the_rules_and_enters_the_trail(
        world: GraphStore) -> None:
    rec = record(world, hours=3, quantity=2)
    who = identity(world, "community")
    with pytest.raises(InvalidRequest, match="须说明理由"):
        records.correct_record(world, who, rec.id, rec.version, reason=" ", hours=2)
    with pytest.raises(InvalidRequest, match="超出约定数量"):
        records.correct_record(world, who, rec.id, rec.version, reason="多记", quantity=13)
    fixed = records.correct_record(world, who, rec.id, rec.version, reason="实际服务两小时",
                                   hours=2, now=LATER)
    assert fixed.hours == 2 and fixed.version == rec.version + 1
    with pytest.raises(VersionConflict):
        records.correct_record(world, who, rec.id, rec.version, reason="再改", hours=1)
    # the corrected record's old hours no longer count against the member's day
    record(world, hours=10)
    lines = audit.list_audit(world, identity(world, "street"), target_id=rec.id).items
    assert [a.action for a in lines] == ["record", "correct"]
    assert "时长（小时）由 3 改为 2" in lines[1].note and "实际服务两小时" in lines[1].note


def test_a_voided_record_stays_in_the_trail_and_no_longer_counts(world: GraphStore) -> None:
    rec = record(world, hours=3, quantity=10)
    before = dashboards.dashboard(world, identity(world, "street"), S1, today=LATER.date())
    assert (before.service_records, before.service_hours) == (1, 3)
    voided = records.void_record(world, identity(world, "unit"), rec.id, rec.version,
                                 reason="重复录入", now=LATER)
    assert voided.status == "voided"
    after = dashboards.dashboard(world, identity(world, "street"), S1, today=LATER.date())
    assert (after.service_records, after.service_hours, after.members_serving) == (0, 0, 0)
    record(world, hours=3, quantity=12)  # the voided quantity and hours are free again
    with pytest.raises(NotAllowed, match="已作废"):
        records.void_record(world, identity(world, "unit"), rec.id, voided.version,
                            reason="再次作废")
    trail = world.list(AuditEntry, filters={"target_id": rec.id}).items
    assert [(a.action, a.to_state) for a in trail] == [("record", "valid"), ("void", "voided")]
    assert "重复录入" in trail[1].note
    assert records.list_records(world, identity(world, "street"), status="valid").total == 1


def test_correcting_and_voiding_over_http_answer_in_chinese(tmp_path: Path) -> None:
    from tests.api.world import make_api

    api = make_api(tmp_path)
    resolved(api.store, "P1", start=dt.date(2026, 1, 1))
    p = api.store.get(Project, "P1")
    api.store.upsert([p.model_copy(update={"status": "in_progress"})])
    made = api.client.post("/api/service-records", headers=api.headers("unit"), json={
        "project_id": "P1", "date": "2026-01-10", "hours": 13, "member_ids": ["M1"]})
    assert made.status_code == 422 and "12 小时" in made.json()["error"]["message"]
    made = api.client.post("/api/service-records", headers=api.headers("unit"), json={
        "project_id": "P1", "date": "2026-01-10", "hours": 3, "member_ids": ["M1"]})
    assert made.status_code == 201
    rec = made.json()
    bad = api.client.post(f"/api/service-records/{rec['id']}/corrections",
                          headers=api.headers("unit"), json={"version": rec["version"],
                                                             "reason": "改", "quantity": 99})
    assert bad.status_code == 422 and "超出约定数量" in bad.json()["error"]["message"]
    ok = api.client.post(f"/api/service-records/{rec['id']}/void",
                         headers=api.headers("unit"),
                         json={"version": rec["version"], "reason": "录错项目"})
    assert ok.status_code == 200 and ok.json()["status"] == "voided"
    outside = api.client.post(f"/api/service-records/{rec['id']}/void",
                              headers=api.headers("unit2"),
                              json={"version": ok.json()["version"], "reason": "x"})
    assert outside.status_code == 404  # another unit's record answers as a missing one
