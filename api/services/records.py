"""Service records (记实): date, hours and the members who served, for projects in progress.

The unit or community of the project (or its street or district) records; every member
named must work at the project's unit or live in its community. The record and its audit
line are written in one transaction.
"""

from __future__ import annotations

import datetime as dt

from api.errors import InvalidRequest, NotAllowed
from api.identity import Identity, require_write
from api.services._common import audit, get_readable, new_id, now_utc, scoped_page
from graph import PROJECT, GraphStore, Page, PartyMember, Project, ServiceRecord

__all__ = ["create_record", "get_record", "list_records"]


def list_records(store: GraphStore, who: Identity, *, project_id: str | None = None,
                 unit_id: str | None = None, community_id: str | None = None,
                 street_id: str | None = None, page: int = 1, size: int = 20
                 ) -> Page[ServiceRecord]:
    filters = {"project_id": project_id, "unit_id": unit_id, "community_id": community_id,
               "street_id": street_id}
    return scoped_page(store, who, ServiceRecord, {k: v for k, v in filters.items() if v},
                       page, size)


def get_record(store: GraphStore, who: Identity, record_id: str) -> ServiceRecord:
    return get_readable(store, who, ServiceRecord, record_id)


def create_record(store: GraphStore, who: Identity, project_id: str, *, date: dt.date,
                  hours: float, member_ids: list[str] | None = None, quantity: int = 0,
                  note: str = "", now: dt.datetime | None = None) -> ServiceRecord:
    project = get_readable(store, who, Project, project_id)
    require_write(who, project)
    if project.status != "in_progress":
        raise NotAllowed(f"项目 {project.id} 当前为「{PROJECT.states[project.status]}」，"
                         "只有「实施中」的项目才能记实", field="project_id")
    at = now or now_utc()
    if date > at.date():
        raise InvalidRequest(f"服务日期 {date} 晚于今天，不能预先记实", field="date")
    ids = list(dict.fromkeys(member_ids or []))
    members = store.get_many(PartyMember, ids)
    for mid in ids:
        m = members.get(mid)
        if m is None:
            raise InvalidRequest(f"没有编号为 {mid} 的党员", field="member_ids")
        if m.work_unit_id != project.unit_id and m.home_community_id != project.community_id:
            raise InvalidRequest(f"党员 {mid} 既不在项目的驻区单位工作，也不住在项目所在社区",
                                 field="member_ids")
    record = ServiceRecord(
        id=new_id("SR"), project_id=project.id, street_id=project.street_id,
        unit_id=project.unit_id, community_id=project.community_id, date=date, hours=hours,
        quantity=quantity, member_ids=ids, note=note)
    line = audit(who, record, "record", None, None,
                 f"项目 {project.id} 服务 {hours:g} 小时，{len(ids)} 名党员参与", at)
    store.upsert([record, line])
    return store.get(ServiceRecord, record.id)
