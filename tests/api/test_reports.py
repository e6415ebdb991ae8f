"""Reports from the demo district's records: 双报到 feedback per unit, the joint-meeting
packet (with its resolutions recorded back), the street's ledger; numbers match records."""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook

from api.errors import InvalidRequest, NotAllowed
from api.identity import Identity, resolve_identity
from api.runs import run_match
from api.services import agreements, projects, records, reports
from graph import (
    PROJECT,
    EmbeddedStore,
    MemberCategory,
    NotFound,
    PartyMember,
    Project,
    Role,
    ServiceRecord,
)
from seed import generate_district, load_district

STREET = "410305008"  # 武汉路街道
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
JUNE = dt.datetime(2026, 6, 30, 18, 0, tzinfo=dt.UTC)


def who(store: EmbeddedStore, role: Role, scope: str) -> Identity:
    return resolve_identity(store, role, scope, f"{role.value}-{scope}", "测试账号")


@dataclass
class Demo:
    store: EmbeddedStore
    district: Identity
    street: Identity
    serving: list[Project]  # in progress, with records
    reviewing: list[Project]  # under review at the joint meeting


def step(store: EmbeddedStore, admin: Identity, pid: str, *actions: str,
         now: dt.datetime = NOW) -> Project:
    for action in actions:
        p = store.get(Project, pid)
        projects.transition(store, admin, pid, action, p.version, now=now)
    return store.get(Project, pid)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    store = EmbeddedStore(tmp_path_factory.mktemp("demo") / "graph.db")
    load_district(store, generate_district(seed=7))
    run_match(store, STREET, now=NOW)
    admin = who(store, Role.DISTRICT_ADMIN, "410305")
    proposed = store.list(Project, scope=STREET, size=500).items
    fits = [p for p in proposed if (p.start is None or p.start <= NOW.date())
            and (p.end is None or p.end >= JUNE.date())][:5]
    others = [p for p in proposed if p not in fits][:3]
    assert len(fits) >= 3 and len(others) == 3, "the demo street has too few proposals"
    serving = []
    for p in fits:
        step(store, admin, p.id, "claim", "confirm", "submit", "resolve")
        ag = agreements.draft(store, admin, [p.id], now=NOW)
        for party_id, role in agreements.parties(ag):
            ag = agreements.sign(store, who(store, role, party_id), ag.id, ag.version, now=NOW)
        agreements.activate(store, admin, ag.id, ag.version, now=NOW)
        serving.append(step(store, admin, p.id, "start"))
    reviewing = [step(store, admin, p.id, "claim", "confirm", "submit") for p in others]
    for k, p in enumerate(serving):
        members = store.list(PartyMember, filters={
            "work_unit_id": p.unit_id, "category": MemberCategory.IN_SERVICE}).items
        for day in range(3):
            chosen = [m.id for m in members[day % 2: day % 2 + 2]]
            records.create_record(store, admin, p.id, date=dt.date(2026, 3 + day, 5 + k),
                                  hours=1.5 + day, member_ids=chosen,
                                  quantity=int(day < p.quantity), now=JUNE)
    # one wrong record, voided: it must count nowhere
    p = serving[0]
    bad = records.create_record(store, admin, p.id, date=dt.date(2026, 4, 20), hours=6,
                                member_ids=[], quantity=0, now=JUNE)
    records.void_record(store, admin, bad.id, bad.version, reason="重复录入", now=JUNE)
    yield Demo(store, admin, who(store, Role.STREET_COMMITTEE, STREET), serving, reviewing)
    store.close()


def valid_records(store: EmbeddedStore) -> list[ServiceRecord]:
    return [r for r in store.list(ServiceRecord, scope=STREET, size=10_000).items
            if r.status == "valid"]


def test_the_feedback_of_each_unit_counts_its_members_valid_hours(demo: Demo) -> None:
    store = demo.store
    units = sorted({p.unit_id for p in demo.serving})
    recs = valid_records(store)
    for unit_id in units:
        members = {m.id for m in store.list(PartyMember, filters={
            "work_unit_id": unit_id, "category": MemberCategory.IN_SERVICE}).items}
        expected: dict[str, float] = defaultdict(float)
        for r in recs:
            for m in r.member_ids:
                if m in members and r.date <= dt.date(2026, 6, 30):
                    expected[m] += r.hours
        report = reports.feedback(store, demo.street, unit_id, year=2026, half=1)
        assert {m.member_id for m in report.members} == members
        assert {m.member_id: m.hours for m in report.serving} == pytest.approx(dict(expected))
        assert report.hours == pytest.approx(sum(expected.values()))
        doc = read_docx(io.BytesIO(reports.feedback_docx(
            store, demo.street, unit_id, year=2026, half=1, today=dt.date(2026, 7, 3))))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert f"{report.unit_name}党组织：" in text
        assert f"{len(report.serving)}名到社区参加了服务" in text
        assert f"{report.hours:g}小时" in text
        table = doc.tables[0]
        assert len(table.rows) == len(members) + 1
    second_half = reports.feedback(store, demo.street, units[0], year=2026, half=2)
    assert second_half.hours == 0 and not second_half.serving


def test_the_meeting_packet_lists_what_to_review_and_the_projects_by_status(
        demo: Demo) -> None:
    store = demo.store
    packet = reports.meeting_packet(store, demo.street, STREET, year=2026, quarter=1)
    assert {p.id for p in packet.to_review} == {p.id for p in demo.reviewing}
    counts = defaultdict(int)
    for p in store.list(Project, scope=STREET, size=1000).items:
        counts[p.status] += 1
    assert {s: len(ps) for s, ps in packet.by_status.items()} == dict(counts)
    doc = read_docx(io.BytesIO(reports.meeting_docx(store, demo.street, STREET, year=2026,
                                                    quarter=1)))
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    titles = {row[1] for row in cells}
    assert {p.title for p in demo.reviewing} <= titles
    status_rows = {row[0]: row[1] for row in cells if row[0] in PROJECT.states.values()}
    assert status_rows == {PROJECT.states[s]: str(n) for s, n in counts.items()}
    # the first quarter saw the resolutions that started the serving projects
    assert len(packet.decisions) == len(demo.serving)


def test_the_meetings_resolution_is_recorded_back_on_the_projects(demo: Demo) -> None:
    store = demo.store
    first, second, third = (store.get(Project, p.id) for p in demo.reviewing)
    held = dt.date(2026, 4, 15)
    at = dt.datetime(2026, 4, 15, 16, 0, tzinfo=dt.UTC)
    with pytest.raises(NotAllowed, match="不在联席会议审议中"):
        reports.record_meeting(store, demo.street, STREET, held, [
            reports.Decision(first.id, "resolve", first.version),
            reports.Decision(demo.serving[0].id, "resolve",
                             store.get(Project, demo.serving[0].id).version)], now=at)
    with pytest.raises(InvalidRequest, match="决议「approve」无效"):
        reports.record_meeting(store, demo.street, STREET, held,
                               [reports.Decision(first.id, "approve", first.version)], now=at)
    assert store.get(Project, first.id).status == "under_review"  # nothing was written
    done = reports.record_meeting(store, demo.street, STREET, held, [
        reports.Decision(first.id, "resolve", first.version),
        reports.Decision(second.id, "reject", second.version)], now=at)
    assert [p.status for p in done] == ["resolved", "rejected"]
    packet = reports.meeting_packet(store, demo.street, STREET, year=2026, quarter=2)
    assert [(p.id, a.action) for p, a in packet.decisions] == [(first.id, "resolve"),
                                                               (second.id, "reject")]
    note = packet.decisions[0][1].note
    assert "2026年第二季度区域党建联席会议（2026年4月15日）决议：通过" in note
    assert [p.id for p in packet.to_review] == [third.id]


def test_the_ledger_matches_the_valid_records_project_by_project(demo: Demo) -> None:
    store = demo.store
    data = reports.ledger_xlsx(store, demo.street, STREET, today=dt.date(2026, 7, 1))
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    assert ws.cell(1, 1).value == "武汉路街道党工委共建项目台账"
    header = [c.value for c in ws[2]]
    rows = [dict(zip(header, (c.value for c in r), strict=True))
            for r in ws.iter_rows(min_row=3) if r[0].value is not None]
    total = next(r for r in rows if r["序号"] == "合计")
    body = [r for r in rows if isinstance(r["序号"], int)]
    listed = [p for p in store.list(Project, scope=STREET, size=1000).items
              if p.status not in ("proposed", "superseded")]
    assert len(body) == len(listed)
    recs = valid_records(store)
    hours: dict[str, float] = defaultdict(float)
    for r in recs:
        hours[r.project_id] += r.hours
    by_title = {r["项目名称"]: r for r in body}
    for p in demo.serving:
        row = by_title[p.title]
        assert row["服务时长（小时）"] == pytest.approx(hours[p.id])
        assert row["服务次数"] == sum(1 for r in recs if r.project_id == p.id)
        assert row["状态"] == "实施中" and str(row["协议文号"]).startswith("武汉路共建〔2026〕")
    assert total["服务时长（小时）"] == pytest.approx(sum(r.hours for r in recs))
    assert total["服务次数"] == len(recs)


def test_reports_refuse_a_period_that_does_not_exist_and_a_scope_outside(demo: Demo) -> None:
    with pytest.raises(InvalidRequest, match="季度只能是 1 至 4"):
        reports.meeting_packet(demo.store, demo.street, STREET, year=2026, quarter=5)
    with pytest.raises(InvalidRequest, match="半年只能是"):
        reports.feedback(demo.store, demo.street, demo.serving[0].unit_id, year=2026, half=3)
    other = who(demo.store, Role.STREET_COMMITTEE, "410305001")
    with pytest.raises(NotFound, match=f"没有编号为 {STREET} 的党组织"):  # as a missing id
        reports.ledger(demo.store, other, STREET)


def test_the_reports_are_served_over_http_with_chinese_file_names(tmp_path: Path) -> None:
    from tests.api.world import S1, U1, make_api

    api = make_api(tmp_path)
    street = api.headers("street")
    ledger = api.client.get(f"/api/reports/ledger/{S1}.xlsx", headers=street)
    assert ledger.status_code == 200
    assert "filename*=UTF-8''%E5%85%B1%E5%BB%BA" in ledger.headers["content-disposition"]
    assert load_workbook(io.BytesIO(ledger.content)).active is not None
    fb = api.client.get(f"/api/reports/feedback/{U1}", params={"year": 2026, "half": 1},
                        headers=street)
    assert fb.status_code == 200 and fb.json()["members"][0]["name"] == "张丽"
    docx = api.client.get(f"/api/reports/feedback/{U1}/document.docx",
                          params={"year": 2026, "half": 1}, headers=api.headers("unit"))
    assert docx.status_code == 200
    packet = api.client.get(f"/api/reports/meetings/{S1}/packet.docx",
                            params={"year": 2026, "quarter": 1}, headers=street)
    assert packet.status_code == 200
    wrong = api.client.post(f"/api/reports/meetings/{S1}/resolutions", headers=street,
                            json={"held_on": "2026-03-20",
                                  "decisions": [{"project_id": "P9", "action": "resolve",
                                                 "version": 0}]})
    assert wrong.status_code == 422 and "没有编号为 P9" in wrong.json()["error"]["message"]
    assert api.client.get(f"/api/reports/ledger/{S1}.xlsx",
                          headers=api.headers("street2")).status_code == 404
