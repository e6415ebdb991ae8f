"""Every endpoint × every role × an object inside and outside the role's scope.

Inside: the objects of street S1, community C1 and unit U1 (the accounts' own). Outside:
for the street, community and unit accounts the same objects in street S2 (C3, U3); for
the district administrator and the researcher, those of another district (D2). Reads
outside scope answer 403 or 404 and lists never contain an outside object; writes outside
scope answer 4xx and change nothing. Inside, each role gets exactly what its rules allow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from graph import (
    Agreement,
    Evaluation,
    GraphStore,
    MatchRun,
    Need,
    Organization,
    OrgLevel,
    PartyMember,
    Project,
    ResidentUnit,
    Resource,
    Role,
    ServiceRecord,
    Signature,
    UnitKind,
)
from tests.api.world import C1, C3, S1, S2, U1, U3, Api, D, make_api

ROLES = ["district", "street", "community", "unit", "researcher"]
D2, S3, C4, U4 = "410306", "410306001", "410306001001", "U4"
AT = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Side:
    tag: str
    district: str
    street: str
    community: str
    unit: str
    member: str
    need: str
    resource: str


INSIDE = Side("in", D, S1, C1, U1, "M1", "N1", "R1")
OUT_STREET = Side("s2", D, S2, C3, U3, "M3", "N3", "R3")
OUT_DISTRICT = Side("d2", D2, S3, C4, U4, "M4", "N4", "R4")


def outside_for(role: str) -> Side:
    return OUT_DISTRICT if role in ("district", "researcher") else OUT_STREET


def _other_district(store: GraphStore) -> None:
    store.upsert([
        Organization(id=D2, name="老城区委", level=OrgLevel.DISTRICT),
        Organization(id=S3, name="西关街道党工委", level=OrgLevel.STREET, parent_id=D2),
        Organization(id=C4, name="西关社区", level=OrgLevel.COMMUNITY, parent_id=S3,
                     street_id=S3, community_type="old"),
        ResidentUnit(id=U4, name="老城区图书馆", kind=UnitKind.PUBLIC_INSTITUTION,
                     street_id=S3, community_id=C4),
        PartyMember(id="M4", name="孙悦", category="in_service", org_id=C4, street_id=S3,
                    work_unit_id=U4, home_community_id=C4),
        Need(id="N4", title="图书角", category="党建书屋", community_id=C4, street_id=S3,
             quantity=1, unit_of_measure="处"),
        Resource(id="R4", title="流动书箱", category="党建书屋", unit_id=U4, street_id=S3,
                 capacity=3, unit_of_measure="处"),
    ])


def _need(side: Side, status: str, n: int) -> Need:
    """One need per project: a (need, resource) pair is one project, as in real runs."""
    return Need(id=f"N-{side.tag}-{status}-{n}", title="矩阵需求", category="家庭医疗",
                community_id=side.community, street_id=side.street, quantity=1,
                unit_of_measure="次")


def _project(side: Side, status: str, n: int) -> Project:
    return Project(id=f"P-{side.tag}-{status}-{n}", title=f"{side.tag} 项目 {status}",
                   need_id=f"N-{side.tag}-{status}-{n}", resource_id=side.resource,
                   unit_id=side.unit,
                   community_id=side.community, street_id=side.street, category="home_medical",
                   quantity=1, unit_of_measure="次", status=status)


def _objects(side: Side) -> list[Any]:
    statuses = ["proposed", "resolved", "in_progress", "completed"]
    keys = [(s, 0) for s in statuses] + [("resolved", 1), ("resolved", 2)]
    projects = [_need(side, s, n) for s, n in keys] + [_project(side, s, n) for s, n in keys]
    parties = [Signature(party_id=p, role=r, signer="签署人", signed_at=AT) for p, r in
               ((side.street, Role.STREET_COMMITTEE), (side.community, Role.COMMUNITY_ORG),
                (side.unit, Role.RESIDENT_UNIT))]
    common = {"community_id": side.community, "street_id": side.street,
              "unit_ids": [side.unit]}
    return [
        *projects,
        Agreement(id=f"A-{side.tag}-draft", title="协议草稿",
                  project_ids=[f"P-{side.tag}-resolved-1"], status="draft", **common),
        Agreement(id=f"A-{side.tag}-signed", title="已签协议",
                  project_ids=[f"P-{side.tag}-resolved-2"], status="signed",
                  signatures=parties, **common),
        ServiceRecord(id=f"SR-{side.tag}", project_id=f"P-{side.tag}-in_progress-0",
                      street_id=side.street, unit_id=side.unit, community_id=side.community,
                      date=dt.date(2026, 1, 3), hours=2, member_ids=[side.member]),
        Evaluation(id=f"EV-{side.tag}", target_id=f"P-{side.tag}-completed-0",
                   street_id=side.street, unit_id=side.unit, community_id=side.community,
                   score=4, by_role=Role.COMMUNITY_ORG, by_id="x", date=dt.date(2026, 1, 4)),
        MatchRun(id=f"MR-{side.tag}", scope_id=side.street, street_id=side.street, created=AT,
                 input_hash="h", status="optimal", objective=1.0,
                 result={"unmatched": [{"need_id": side.need, "reason": "no_candidate"}],
                         "scarcity": []}),
    ]


def build(tmp_path: Path) -> Api:
    api = make_api(tmp_path)
    _other_district(api.store)
    for side in (INSIDE, OUT_STREET, OUT_DISTRICT):
        api.store.upsert(_objects(side))
    return api


# -- reads ---------------------------------------------------------------------------------

READS: dict[str, Callable[[Side], str]] = {
    "organization": lambda s: f"/api/organizations/{s.community}",
    "unit": lambda s: f"/api/units/{s.unit}",
    "member": lambda s: f"/api/members/{s.member}",
    "need": lambda s: f"/api/needs/{s.need}",
    "resource": lambda s: f"/api/resources/{s.resource}",
    "match_run": lambda s: f"/api/match-runs/MR-{s.tag}",
    "run_proposals": lambda s: f"/api/match-runs/MR-{s.tag}/proposals",
    "run_unmatched": lambda s: f"/api/match-runs/MR-{s.tag}/unmatched",
    "run_scarcity": lambda s: f"/api/match-runs/MR-{s.tag}/scarcity",
    "project": lambda s: f"/api/projects/P-{s.tag}-proposed-0",
    "agreement": lambda s: f"/api/agreements/A-{s.tag}-signed",
    "agreement_html": lambda s: f"/api/agreements/A-{s.tag}-signed/document.html",
    "agreement_docx": lambda s: f"/api/agreements/A-{s.tag}-signed/document.docx",
    "agreement_pdf": lambda s: f"/api/agreements/A-{s.tag}-signed/document.pdf",
    "feedback": lambda s: f"/api/reports/feedback/{s.unit}?year=2026&half=1",
    "ledger": lambda s: f"/api/reports/ledger/{s.street}.xlsx",
    "service_record": lambda s: f"/api/service-records/SR-{s.tag}",
    "evaluation": lambda s: f"/api/evaluations/EV-{s.tag}",
    "dashboard": lambda s: f"/api/dashboards/{s.street}",
    "export": lambda s: f"/api/export/{s.street}",
}

# Inside reads a role is refused by its rules (not by scope).
INSIDE_READ_DENIED = {
    ("member", "researcher"),  # pseudonymous lists only
    ("feedback", "researcher"),  # names members
    *((r, role) for r in ("match_run", "run_proposals", "run_unmatched", "run_scarcity",
                          "dashboard", "export") for role in ("community", "unit")),
}

LISTS = ["/api/organizations", "/api/units", "/api/members", "/api/needs", "/api/resources",
         "/api/match-runs", "/api/projects", "/api/agreements", "/api/service-records",
         "/api/evaluations", "/api/audit"]

# -- writes --------------------------------------------------------------------------------

NEED_BODY = {"title": "矩阵测试需求", "category": "法律服务", "quantity": 1,
             "unit_of_measure": "次"}
RES_BODY = {"title": "矩阵测试资源", "category": "法律服务", "capacity": 1,
            "unit_of_measure": "次"}


def _v(api: Api, kind: type[Any], id: str) -> int:
    return int(api.store.get(kind, id).version)


def _csv(side: Side) -> bytes:
    return ("编号,标题,类别,所属社区,数量,计量单位\n"
            f"N-MX-{side.tag},矩阵导入需求,法律服务,{side.community},1,次\n").encode()


WRITES: dict[str, Callable[[Api, Side], tuple[str, str, dict[str, Any]]]] = {
    "update_need": lambda a, s: ("PATCH", f"/api/needs/{s.need}",
                                 {"json": {"version": _v(a, Need, s.need), "quantity": 2}}),
    "withdraw_need": lambda a, s: ("POST", f"/api/needs/{s.need}/withdrawal",
                                   {"json": {"version": _v(a, Need, s.need)}}),
    "create_need": lambda a, s: ("POST", "/api/needs",
                                 {"json": {**NEED_BODY, "community_id": s.community}}),
    "update_resource": lambda a, s: ("PATCH", f"/api/resources/{s.resource}", {
        "json": {"version": _v(a, Resource, s.resource), "capacity": 2}}),
    "withdraw_resource": lambda a, s: ("POST", f"/api/resources/{s.resource}/withdrawal", {
        "json": {"version": _v(a, Resource, s.resource)}}),
    "create_resource": lambda a, s: ("POST", "/api/resources",
                                     {"json": {**RES_BODY, "unit_id": s.unit}}),
    "claim_project": lambda a, s: ("POST", f"/api/projects/P-{s.tag}-proposed-0/transitions", {
        "json": {"action": "claim", "version": _v(a, Project, f"P-{s.tag}-proposed-0")}}),
    "draft_agreement": lambda a, s: ("POST", "/api/agreements",
                                     {"json": {"project_ids": [f"P-{s.tag}-resolved-0"]}}),
    "sign_agreement": lambda a, s: ("POST", f"/api/agreements/A-{s.tag}-draft/signatures", {
        "json": {"version": _v(a, Agreement, f"A-{s.tag}-draft")}}),
    "activate_agreement": lambda a, s: (
        "POST", f"/api/agreements/A-{s.tag}-signed/transitions",
        {"json": {"action": "activate", "version": _v(a, Agreement, f"A-{s.tag}-signed")}}),
    "record_service": lambda a, s: ("POST", "/api/service-records", {"json": {
        "project_id": f"P-{s.tag}-in_progress-0", "date": "2026-01-06", "hours": 1}}),
    "evaluate_project": lambda a, s: ("POST", "/api/evaluations", {"json": {
        "target_id": f"P-{s.tag}-completed-0", "score": 5,
        "version": _v(a, Project, f"P-{s.tag}-completed-0")}}),
    "start_match_run": lambda a, s: ("POST", "/api/match-runs", {"json": {"scope_id": s.street}}),
    "import_needs": lambda a, s: ("POST", "/api/imports", {
        "data": {"kind": "needs"}, "files": {"file": ("n.csv", _csv(s), "text/csv")}}),
}

# Who may take each write inside their scope (the rest get 403).
ADMINS = {"district", "street"}
WRITE_ALLOWED = {
    "update_need": ADMINS | {"community"}, "withdraw_need": ADMINS | {"community"},
    "create_need": ADMINS | {"community"}, "update_resource": ADMINS | {"unit"},
    "withdraw_resource": ADMINS | {"unit"}, "create_resource": ADMINS | {"unit"},
    "claim_project": {"district", "unit"},
    "draft_agreement": ADMINS | {"community"},
    "sign_agreement": {"street", "community", "unit"},
    "activate_agreement": ADMINS | {"community"},
    "record_service": ADMINS | {"community", "unit"},
    "evaluate_project": ADMINS | {"community"},
    "start_match_run": ADMINS,
    "import_needs": ADMINS | {"community"},
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    api = build(tmp_path_factory.mktemp("matrix"))
    with api.client:
        yield api


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Api]:
    api = build(tmp_path)
    with api.client:
        yield api


def _snapshot(api: Api) -> dict[str, int]:
    return api.store.counts()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", sorted(READS))
def test_reads_outside_scope_are_refused(shared: Api, endpoint: str, role: str) -> None:
    r = shared.client.get(READS[endpoint](outside_for(role)), headers=shared.headers(role))
    assert r.status_code in (403, 404), (endpoint, role, r.status_code, r.text[:200])
    assert r.json()["error"]["code"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", sorted(READS))
def test_reads_inside_scope_follow_the_role_rules(shared: Api, endpoint: str,
                                                  role: str) -> None:
    r = shared.client.get(READS[endpoint](INSIDE), headers=shared.headers(role))
    if (endpoint, role) in INSIDE_READ_DENIED:
        assert r.status_code == 403, (endpoint, role, r.text[:200])
    else:
        assert r.status_code == 200, (endpoint, role, r.text[:200])


def _outside_ids(role: str) -> set[str]:
    side = outside_for(role)
    ids = {side.community, side.unit, side.member, side.need, side.resource,
           f"MR-{side.tag}", f"SR-{side.tag}", f"EV-{side.tag}", f"A-{side.tag}-draft",
           f"A-{side.tag}-signed"}
    ids |= {o.id for o in _objects(side)}
    return ids


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", LISTS)
def test_lists_never_show_an_object_outside_scope(shared: Api, url: str, role: str) -> None:
    r = shared.client.get(url, params={"size": 200}, headers=shared.headers(role))
    if r.status_code == 403:  # the role may not list this at all (audit, match runs)
        return
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    leaked = {i["id"] for i in items} & _outside_ids(role)
    assert not leaked, (url, role, leaked)
    texts = " ".join(str(i) for i in items)
    if role == "researcher":
        assert "张丽" not in texts
    assert "孙悦" not in texts


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", sorted(WRITES))
def test_writes_outside_scope_change_nothing(shared: Api, endpoint: str, role: str) -> None:
    before = _snapshot(shared)
    versions = {o.id: shared.store.get(type(o), o.id).version
                for o in _objects(outside_for(role))}
    method, url, kw = WRITES[endpoint](shared, outside_for(role))
    r = shared.client.request(method, url, headers=shared.headers(role), **kw)
    assert 400 <= r.status_code < 500, (endpoint, role, r.status_code, r.text[:300])
    if endpoint != "import_needs":
        assert r.status_code in (403, 404), (endpoint, role, r.text[:300])
    assert _snapshot(shared) == before
    assert versions == {o.id: shared.store.get(type(o), o.id).version
                        for o in _objects(outside_for(role))}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", sorted(WRITES))
def test_writes_inside_scope_follow_the_role_rules(fresh: Api, endpoint: str,
                                                   role: str) -> None:
    before = _snapshot(fresh)
    method, url, kw = WRITES[endpoint](fresh, INSIDE)
    r = fresh.client.request(method, url, headers=fresh.headers(role), **kw)
    if role in WRITE_ALLOWED[endpoint]:
        assert r.status_code in (200, 201, 202), (endpoint, role, r.text[:300])
    else:
        assert r.status_code == 403, (endpoint, role, r.status_code, r.text[:300])
        assert _snapshot(fresh) == before


def test_the_matrix_size() -> None:
    """Documented in the hand-over note: reads 20×5×2, lists 11×5, writes 14×5×2."""
    assert len(READS) * len(ROLES) * 2 + len(LISTS) * len(ROLES) \
        + len(WRITES) * len(ROLES) * 2 == 395
    assert {"district", "street", "community", "unit", "researcher"} == set(ROLES)
    assert (C3, U3) != (C1, U1)
