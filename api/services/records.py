"""Service records (记实): date, hours and the members who served, for projects in progress.

The unit or community of the project (or its street or district) records; every member
named must work at the project's unit or live in its community. A record holds only if

* its date lies within the period of the agreement that covers the project (and not in
  the future),
* no member serves more than :data:`MAX_HOURS_PER_DAY` hours on one day, counted over all
  of their valid records,
* the quantity served over the project's valid records stays within the project's quantity.

A record is corrected or voided (作废) with a reason; both are versioned writes with an
audit line, and figures (dashboards, reports) count valid records only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from api.errors import InvalidRequest, NotAllowed
from api.identity import Identity, require_write
from api.services._common import audit, check_version, get_readable, new_id, now_utc, scoped_page
from graph import (
    PROJECT,
    Agreement,
    GraphStore,
    Page,
    PartyMember,
    Project,
    ServiceRecord,
)

__all__ = ["MAX_HOURS_PER_DAY", "correct_record", "create_record", "get_record",
           "list_records", "valid_records", "void_record"]

MAX_HOURS_PER_DAY = 12.0
VALID = "valid"
# states in which an agreement's period still bounds the records of its projects
_BINDING = frozenset({"signed", "active", "expired", "terminated"})


def list_records(store: GraphStore, who: Identity, *, project_id: str | None = None,
                 unit_id: str | None = None, community_id: str | None = None,
                 street_id: str | None = None, status: str | None = None, page: int = 1,
                 size: int = 20) -> Page[ServiceRecord]:
    filters = {"project_id": project_id, "unit_id": unit_id, "community_id": community_id,
               "street_id": street_id, "status": status}
    return scoped_page(store, who, ServiceRecord, {k: v for k, v in filters.items() if v},
                       page, size)


def get_record(store: GraphStore, who: Identity, record_id: str) -> ServiceRecord:
    return get_readable(store, who, ServiceRecord, record_id)


def valid_records(records: list[ServiceRecord]) -> list[ServiceRecord]:
    """The records that count (not voided)."""
    return [r for r in records if r.status == VALID]


def create_record(store: GraphStore, who: Identity, project_id: str, *, date: dt.date,
                  hours: float, member_ids: list[str] | None = None, quantity: int = 0,
                  note: str = "", now: dt.datetime | None = None) -> ServiceRecord:
    project = get_readable(store, who, Project, project_id)
    require_write(who, project)
    if project.status != "in_progress":
        raise NotAllowed(f"项目 {project.id} 当前为「{PROJECT.states[project.status]}」，"
                         "只有「实施中」的项目才能记实", field="project_id")
    at = now or now_utc()
    ids = list(dict.fromkeys(member_ids or []))
    _check(store, project, date=date, hours=hours, member_ids=ids, quantity=quantity,
           today=at.date(), record_id=None)
    record = ServiceRecord(
        id=new_id("SR"), project_id=project.id, street_id=project.street_id,
        unit_id=project.unit_id, community_id=project.community_id, date=date, hours=hours,
        quantity=quantity, member_ids=ids, note=note)
    line = audit(who, record, "record", None, VALID,
                 f"项目 {project.id} 服务 {hours:g} 小时，{len(ids)} 名党员参与", at)
    store.upsert([record, line])
    return store.get(ServiceRecord, record.id)


def correct_record(store: GraphStore, who: Identity, record_id: str, expected_version: int,
                   *, reason: str, date: dt.date | None = None, hours: float | None = None,
                   member_ids: list[str] | None = None, quantity: int | None = None,
                   note: str | None = None, now: dt.datetime | None = None) -> ServiceRecord:
    """Correct a valid record; the same rules hold for the corrected values."""
    record, project = _writable(store, who, record_id, expected_version, reason, "更正")
    changes: dict[str, Any] = {}
    for name, value in (("date", date), ("hours", hours), ("quantity", quantity),
                        ("note", note)):
        if value is not None and value != getattr(record, name):
            changes[name] = value
    if member_ids is not None:
        ids = list(dict.fromkeys(member_ids))
        if ids != record.member_ids:
            changes["member_ids"] = ids
    if not changes:
        raise InvalidRequest("更正没有改变任何内容；请给出要更正的日期、时长、数量、党员或说明")
    at = now or now_utc()
    after = record.model_copy(update=changes)
    _check(store, project, date=after.date, hours=after.hours, member_ids=after.member_ids,
           quantity=after.quantity, today=at.date(), record_id=record.id)
    described = "；".join(f"{_FIELD_NAMES[k]}由 {_show(getattr(record, k))} 改为 {_show(v)}"
                         for k, v in changes.items())
    line = audit(who, record, "correct", VALID, VALID, f"更正：{described}。理由：{reason}", at)
    json_changes = {k: (v.isoformat() if isinstance(v, dt.date) else v)
                    for k, v in changes.items()}
    return store.transition(ServiceRecord, record.id, expected_version, json_changes,
                            also=[line])


def void_record(store: GraphStore, who: Identity, record_id: str, expected_version: int, *,
                reason: str, now: dt.datetime | None = None) -> ServiceRecord:
    """Void a record (作废): kept for the trail, no longer counted anywhere."""
    record, _ = _writable(store, who, record_id, expected_version, reason, "作废")
    line = audit(who, record, "void", VALID, "voided", f"作废。理由：{reason}", now)
    return store.transition(ServiceRecord, record.id, expected_version,
                            {"status": "voided"}, also=[line])


_FIELD_NAMES = {"date": "服务日期", "hours": "时长（小时）", "quantity": "服务数量",
                "member_ids": "参与党员", "note": "说明"}


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "、".join(value) or "无"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if value not in ("", None) else "空"


def _writable(store: GraphStore, who: Identity, record_id: str, expected_version: int,
              reason: str, what: str) -> tuple[ServiceRecord, Project]:
    record = get_readable(store, who, ServiceRecord, record_id)
    require_write(who, record)
    if not reason.strip():
        raise InvalidRequest(f"{what}服务记实须说明理由", field="reason")
    if record.status != VALID:
        raise NotAllowed(f"服务记实 {record.id} 已作废，不能再{what}")
    check_version(record, expected_version)
    return record, store.get(Project, record.project_id)


def _check(store: GraphStore, project: Project, *, date: dt.date, hours: float,
           member_ids: list[str], quantity: int, today: dt.date,
           record_id: str | None) -> None:
    """Every rule a record must hold, with a message naming what is wrong."""
    if date > today:
        raise InvalidRequest(f"服务日期 {date} 晚于今天，不能预先记实", field="date")
    agreement = _covering_agreement(store, project)
    if agreement is not None:
        if agreement.start and date < agreement.start:
            raise InvalidRequest(f"服务日期 {date} 早于协议期限的开始日期 {agreement.start}",
                                 field="date")
        if agreement.end and date > agreement.end:
            raise InvalidRequest(f"服务日期 {date} 晚于协议期限的结束日期 {agreement.end}",
                                 field="date")
    if hours > MAX_HOURS_PER_DAY:
        raise InvalidRequest(f"一次服务 {hours:g} 小时，超过每人每天 {MAX_HOURS_PER_DAY:g} "
                             "小时的上限", field="hours")
    members = store.get_many(PartyMember, member_ids)
    for mid in member_ids:
        m = members.get(mid)
        if m is None or (m.work_unit_id != project.unit_id
                         and m.home_community_id != project.community_id):
            # one answer for a missing id and one elsewhere: no probing which ids exist
            raise InvalidRequest(f"党员 {mid} 不是项目的驻区单位或所在社区的党员",
                                 field="member_ids")
        served = sum(r.hours for r in _others(store, mid, "SERVED_BY", record_id)
                     if r.date == date)
        if served + hours > MAX_HOURS_PER_DAY:
            raise InvalidRequest(
                f"党员 {m.name}（{mid}）{date} 已记实 {served:g} 小时，再记 {hours:g} 小时"
                f"将超过每人每天 {MAX_HOURS_PER_DAY:g} 小时的上限", field="hours")
    done = sum(r.quantity for r in _others(store, project.id, "RECORDS", record_id))
    if done + quantity > project.quantity:
        raise InvalidRequest(
            f"项目约定 {project.quantity}{project.unit_of_measure}，已记实 {done}"
            f"{project.unit_of_measure}，本次 {quantity}{project.unit_of_measure} 将超出约定数量",
            field="quantity")


def _others(store: GraphStore, node_id: str, edge: str, record_id: str | None
            ) -> list[ServiceRecord]:
    """The valid records pointing at ``node_id`` by ``edge``, except ``record_id``."""
    ids = [e.src for e in store.neighbours(node_id, edge=edge, direction="in")
           if e.src != record_id]
    return valid_records(list(store.get_many(ServiceRecord, ids).values()))


def _covering_agreement(store: GraphStore, project: Project) -> Agreement | None:
    ids = [e.src for e in store.neighbours(project.id, edge="COVERS", direction="in")]
    binding = [a for a in store.get_many(Agreement, ids).values() if a.status in _BINDING]
    return max(binding, key=lambda a: a.id) if binding else None
