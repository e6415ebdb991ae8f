"""The whole lifecycle through HTTP with a real store, sign-in, errors and concurrency."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import pytest

from api.accounts import FREE_ATTEMPTS
from api.http.routers import ROUTERS
from graph import AuditEntry, Need, Project, Role
from tests.api.world import C1, PASSWORD, S1, U1, Api, make_api, propose

NEEDS_CSV = (
    "编号,标题,类别,所属社区,数量,计量单位,紧急程度,可线上,开始日期,结束日期,纬度,经度,描述\n"
    f"N-IMP-1,慢病老人上门问诊,家庭医疗,{C1},6,次,紧急,否,2026-01-01,2026-12-31,34.6705,112.381,"
    "行动不便的老人需要医生上门\n"
)


@pytest.fixture
def api(tmp_path: Path, backend: dict[str, Any]) -> Iterator[Api]:
    a = make_api(tmp_path, backend)
    with a.client:
        yield a


def call(api: Api, who: str, method: str, url: str, **kw: Any) -> Any:
    r = api.client.request(method, url, headers={**api.headers(who), **kw.pop("headers", {})},
                           **kw)
    return r


def ok(api: Api, who: str, method: str, url: str, **kw: Any) -> Any:
    r = call(api, who, method, url, **kw)
    assert r.status_code < 300, r.text
    return r.json() if r.headers["content-type"].startswith("application/json") else r


def step(api: Api, who: str, pid: str, action: str) -> dict[str, Any]:
    version = ok(api, who, "GET", f"/api/projects/{pid}")["version"]
    return ok(api, who, "POST", f"/api/projects/{pid}/transitions",  # type: ignore[no-any-return]
              json={"action": action, "version": version, "note": f"{who}：{action}"})


def matched_project(api: Api) -> str:
    """Run the matcher for the street over HTTP; the proposal of U1 for C1."""
    r = call(api, "street", "POST", "/api/match-runs", json={"scope_id": S1},
             headers={"Idempotency-Key": "run-1"})
    assert r.json()["state"] == "running" and r.headers["location"].endswith(r.json()["id"])
    run = api.finish("street", r)
    again = call(api, "street", "POST", "/api/match-runs", json={"scope_id": S1},
                 headers={"Idempotency-Key": "run-1"})
    assert again.json()["id"] == run["id"]
    proposals = ok(api, "street", "GET", f"/api/match-runs/{run['id']}/proposals",
                   params={"size": 200})["items"]
    mine = [p for p in proposals if p["unit_id"] == U1 and p["community_id"] == C1]
    assert mine, proposals
    assert mine[0]["explanation"] and mine[0]["breakdown"]
    unmatched = ok(api, "street", "GET", f"/api/match-runs/{run['id']}/unmatched")["items"]
    assert all(item["reason"] and item["reason_label"] for item in unmatched)
    scarcity = ok(api, "street", "GET", f"/api/match-runs/{run['id']}/scarcity")["items"]
    assert scarcity and all(row["category_label"] for row in scarcity)
    return str(mine[0]["id"])


def test_the_whole_lifecycle_from_import_to_evaluation_over_http(api: Api) -> None:
    report = ok(api, "street", "POST", "/api/imports", data={"kind": "needs"},
                files={"file": ("needs.csv", NEEDS_CSV.encode("utf-8"), "text/csv")},
                headers={"Idempotency-Key": "imp-1"})
    assert report["created"] == {"Need": 1}
    again = ok(api, "street", "POST", "/api/imports", data={"kind": "needs"},
               files={"file": ("needs.csv", NEEDS_CSV.encode("utf-8"), "text/csv")},
               headers={"Idempotency-Key": "imp-1"})
    assert again == report
    pid = matched_project(api)
    assert ok(api, "unit", "GET", "/api/projects", params={"status": "proposed"})["total"] >= 1
    step(api, "unit", pid, "claim")
    step(api, "community", pid, "confirm")
    step(api, "community", pid, "submit")
    step(api, "street", pid, "resolve")
    ag = ok(api, "community", "POST", "/api/agreements", json={"project_ids": [pid]})
    for who in ("unit", "community", "street"):
        ag = ok(api, who, "POST", f"/api/agreements/{ag['id']}/signatures",
                json={"version": ag["version"]})
    assert ag["status"] == "signed"
    ag = ok(api, "street", "POST", f"/api/agreements/{ag['id']}/transitions",
            json={"action": "activate", "version": ag["version"]})
    assert ag["status"] == "active"
    page = ok(api, "unit", "GET", f"/api/agreements/{ag['id']}/document.html")
    assert "共建协议" in page.text and page.headers["content-type"].startswith("text/html")
    docx = ok(api, "unit", "GET", f"/api/agreements/{ag['id']}/document.docx")
    assert docx.content[:2] == b"PK"
    assert ok(api, "unit", "GET", f"/api/projects/{pid}")["status"] == "agreed"
    step(api, "unit", pid, "start")
    today = dt.date.today().isoformat()
    rec = ok(api, "unit", "POST", "/api/service-records",
             json={"project_id": pid, "date": today, "hours": 4, "member_ids": ["M1"]})
    assert rec["hours"] == 4
    step(api, "community", pid, "complete")
    version = ok(api, "community", "GET", f"/api/projects/{pid}")["version"]
    ev = ok(api, "community", "POST", "/api/evaluations",
            json={"target_id": pid, "score": 4, "comment": "服务及时", "version": version})
    assert ev["score"] == 4
    assert ok(api, "community", "GET", f"/api/projects/{pid}")["status"] == "evaluated"
    trail = ok(api, "street", "GET", "/api/audit", params={"target_id": pid})["items"]
    assert [t["action"] for t in trail] == ["claim", "confirm", "submit", "resolve", "agree",
                                            "start", "complete", "evaluate"]
    board = ok(api, "street", "GET", f"/api/dashboards/{S1}")
    assert board["service_hours"] == 4 and board["evaluation_average"] == 4
    assert board["units_taking_part"] == 1
    assert call(api, "unit", "GET", "/api/audit").status_code == 403


def test_sign_in_issues_a_short_lived_token_and_slows_down_after_failures(api: Api) -> None:
    r = api.client.post("/api/auth/token", data={"username": "unit", "password": PASSWORD})
    assert r.status_code == 200, r.text
    token = r.json()["access_token"]
    claims = jwt.decode(token, api.secret, algorithms=["HS256"])
    assert claims["exp"] - claims["iat"] == 30 * 60
    me = api.client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["role"] == "resident_unit" and me["scope_id"] == U1
    for _ in range(FREE_ATTEMPTS):
        bad = api.client.post("/api/auth/token", data={"username": "unit", "password": "x"})
        assert bad.status_code == 401 and bad.json()["error"]["code"] == "sign_in_failed"
    locked = api.client.post("/api/auth/token",
                             data={"username": "unit", "password": PASSWORD})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) >= 1
    assert "秒后再试" in locked.json()["error"]["message"]
    api.clock[0] += 2
    assert api.client.post("/api/auth/token",
                           data={"username": "unit", "password": PASSWORD}).status_code == 200


def test_a_forged_or_expired_token_is_refused(api: Api) -> None:
    now = dt.datetime.now(dt.UTC)
    expired = jwt.encode({"sub": "street", "iat": now - dt.timedelta(hours=2),
                          "exp": now - dt.timedelta(hours=1)}, api.secret, algorithm="HS256")
    forged = jwt.encode({"sub": "street", "iat": now, "exp": now + dt.timedelta(minutes=5)},
                        "another-secret-that-is-long-enough-1234567890", algorithm="HS256")
    for token, text in ((expired, "过期"), (forged, "无效")):
        r = api.client.get("/api/projects", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401 and text in r.json()["error"]["message"]
    assert api.client.get("/api/projects").status_code == 401


def test_a_token_that_worked_is_refused_once_it_expires(api: Api,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    now = dt.datetime.now(dt.UTC)
    token = jwt.encode({"sub": "street", "iat": now, "exp": now + dt.timedelta(seconds=60)},
                       api.secret, algorithm="HS256")
    headers = {"Authorization": f"Bearer {token}"}
    assert api.client.get("/api/projects", headers=headers).status_code == 200
    assert api.client.get("/api/projects", headers=headers).status_code == 200
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    r = api.client.get("/api/projects", headers=headers)
    assert r.status_code == 401 and "过期" in r.json()["error"]["message"]


def test_two_concurrent_transitions_one_wins_the_other_gets_409(api: Api) -> None:
    propose(api.store, "P1", "N1", "R1")
    barrier = threading.Barrier(2)
    results: list[Any] = []

    def send(who: str, action: str) -> None:
        barrier.wait()
        results.append(call(api, who, "POST", "/api/projects/P1/transitions",
                            json={"action": action, "version": 1}))

    threads = [threading.Thread(target=send, args=("unit", "claim")),
               threading.Thread(target=send, args=("community", "decline"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in results) == [200, 409]
    loser = next(r for r in results if r.status_code == 409).json()["error"]
    assert loser["code"] in ("version_conflict", "transition_not_allowed")
    assert len(api.store.list(AuditEntry, filters={"target_id": "P1"}).items) == 1


def test_a_stale_version_gets_409_with_the_current_state(api: Api) -> None:
    propose(api.store, "P1", "N1", "R1")
    step(api, "unit", "P1", "claim")
    r = call(api, "community", "POST", "/api/projects/P1/transitions",
             json={"action": "confirm", "version": 1})
    assert r.status_code == 409
    body = r.json()["error"]
    assert body["code"] == "version_conflict" and body["current"]["status"] == "claimed"
    assert "请刷新后重试" in body["message"]


@pytest.mark.parametrize(("url", "payload", "field"), [
    ("/api/needs", {"title": "", "category": "法律服务", "quantity": 1,
                    "unit_of_measure": "次"}, "title"),
    ("/api/needs", {"title": "x", "category": "不存在的类别", "quantity": 1,
                    "unit_of_measure": "次"}, "category"),
    ("/api/needs", {"title": "x", "category": "法律服务", "quantity": -1,
                    "unit_of_measure": "次"}, "quantity"),
    ("/api/needs", {"title": "x", "category": "法律服务", "quantity": 1,
                    "unit_of_measure": "次", "start": "2026-05-01", "end": "2026-01-01"},
     None),
    ("/api/projects/P1/transitions", {"action": "claim", "version": "abc"}, "version"),
    ("/api/projects/P1/transitions", {"action": "fly", "version": 1}, "action"),
    ("/api/evaluations", {"target_id": "P1", "score": 9}, "score"),
])
def test_bad_input_is_a_4xx_with_a_chinese_body_and_writes_nothing(
        api: Api, url: str, payload: dict[str, Any], field: str | None) -> None:
    propose(api.store, "P1", "N1", "R1")
    before = api.store.counts()
    r = call(api, "community", "POST", url, json=payload)
    assert 400 <= r.status_code < 500, r.text
    err = r.json()["error"]
    assert err["code"] and any("\u4e00" <= ch <= "\u9fff" for ch in err["message"])
    if field is not None:
        assert err["field"] == field
    assert api.store.counts() == before


def test_a_bad_import_is_rejected_whole_with_every_problem(api: Api) -> None:
    bad = NEEDS_CSV + f"N-IMP-2,坏行,法律服务,{C1},abc,次,一般,否,,,,,\n"
    before = api.store.counts()
    r = call(api, "street", "POST", "/api/imports", data={"kind": "needs"},
             files={"file": ("needs.csv", bad.encode("utf-8"), "text/csv")})
    assert r.status_code == 422 and r.json()["error"]["code"] == "import_rejected"
    assert r.json()["error"]["problems"][0]["row"] == 3
    assert api.store.counts() == before
    community_import = call(api, "community", "POST", "/api/imports",
                            data={"kind": "resources"},
                            files={"file": ("r.csv", b"x", "text/csv")})
    assert community_import.status_code == 403


def test_researchers_see_members_and_exports_only_pseudonymous(api: Api) -> None:
    members = ok(api, "researcher", "GET", "/api/members")["items"]
    assert members and all(m["pseudonymous"] and m["name"].startswith("P-") for m in members)
    assert not any(m["phone"] for m in members)
    export = call(api, "researcher", "GET", "/api/export/410305", params={"format": "json"})
    assert export.status_code == 200 and "张丽" not in export.text
    assert "王敏" not in export.text and '"U1"' in export.text  # the liaison, not the unit
    unit = ok(api, "researcher", "GET", "/api/units/U1")
    assert unit["name"] == "涧西区人民医院" and unit["liaison_name"] is None
    assert ok(api, "district", "GET", "/api/units/U1")["liaison_name"] == "王敏"
    assert "张丽" in call(api, "district", "GET", "/api/export/410305",
                         params={"format": "json"}).text
    gexf = call(api, "researcher", "GET", "/api/export/410305", params={"format": "gexf"})
    assert gexf.status_code == 200 and gexf.headers["content-type"] == "application/gexf+xml"
    assert "涧西区人民医院" in gexf.text and "张丽" not in gexf.text
    graphml = ok(api, "street", "GET", f"/api/export/{S1}")
    assert graphml.content.startswith(b"<?xml")
    assert ok(api, "unit", "GET", "/api/members")["items"][0]["name"] == "张丽"
    assert call(api, "researcher", "POST", "/api/needs", json={
        "title": "x", "category": "法律服务", "quantity": 1, "unit_of_measure": "次",
        "community_id": C1}).json()["error"]["code"] == "read_only"


def test_docs_list_every_endpoint(api: Api) -> None:
    schema = api.client.get("/openapi.json").json()
    paths = schema["paths"]
    routes = {(route.path, m) for router in ROUTERS for route in router.routes
              for m in getattr(route, "methods", set())}
    for path, method in routes:
        assert method.lower() in paths[path], (path, method)
    assert len(routes) >= 40
    assert api.client.get("/docs").status_code == 200


def test_the_project_list_filters_and_pages(api: Api) -> None:
    for i in range(5):
        propose(api.store, f"P{i}", "N1", "R1", 1)
    propose(api.store, "PX", "N2", "R2", 1)
    first = ok(api, "street", "GET", "/api/projects",
               params={"community_id": C1, "size": 2, "page": 1})
    assert first["total"] == 5 and len(first["items"]) == 2
    last = ok(api, "street", "GET", "/api/projects",
              params={"community_id": C1, "size": 2, "page": 3})
    assert len(last["items"]) == 1
    assert ok(api, "street", "GET", "/api/projects",
              params={"category": "community_education"})["total"] == 1
    assert ok(api, "community", "GET", "/api/projects",
              params={"community_id": "410305001002"})["total"] == 0
    assert isinstance(api.store.get(Project, "PX"), Project)


def test_a_patch_that_changes_nothing_answers_the_version_stored(api: Api) -> None:
    need = ok(api, "community", "GET", "/api/needs/N1")
    same = ok(api, "community", "PATCH", "/api/needs/N1",
              json={"version": need["version"], "quantity": need["quantity"]})
    assert same["version"] == need["version"] == api.store.get(Need, "N1").version
    changed = ok(api, "community", "PATCH", "/api/needs/N1",
                 json={"version": same["version"], "quantity": need["quantity"] + 1})
    assert changed["version"] == need["version"] + 1


def test_two_people_of_one_office_are_told_apart_in_me_and_in_the_audit_trail(
        api: Api) -> None:
    for name in ("clerk-a", "clerk-b"):
        api.accounts.create(name, PASSWORD, Role.COMMUNITY_ORG, C1)
    assert ok(api, "clerk-a", "GET", "/api/auth/me")["username"] == "clerk-a"
    assert ok(api, "clerk-b", "GET", "/api/auth/me")["username"] == "clerk-b"
    for name, quantity in (("clerk-a", 13), ("clerk-b", 14)):
        version = ok(api, name, "GET", "/api/needs/N1")["version"]
        ok(api, name, "PATCH", "/api/needs/N1", json={"version": version, "quantity": quantity})
    trail = api.store.list(AuditEntry, filters={"target_id": "N1"}).items
    assert [a.by_id for a in trail] == ["clerk-a", "clerk-b"]


def test_a_draft_run_is_compared_and_published_over_http(api: Api) -> None:
    live = api.finish("street", call(api, "street", "POST", "/api/match-runs",
                                     json={"scope_id": S1}))
    before = {p.id: p.version for p in api.store.list(Project, size=100).items}
    started = call(api, "street", "POST", "/api/match-runs",
                   json={"scope_id": S1, "draft": True, "params": {"weights": {"text": 0.9}}})
    draft = api.finish("street", started)
    assert draft["draft"] is True and draft["params"]["weights"]["text"] == 0.9
    assert started.json().keys() == draft.keys()
    assert {p.id: p.version for p in api.store.list(Project, size=100).items} == before
    diff = ok(api, "street", "GET", f"/api/match-runs/{draft['id']}/comparison")
    assert diff["live_id"] == live["id"] and "served_by_community" in diff
    listed = ok(api, "street", "GET", f"/api/match-runs/{draft['id']}/proposals")
    assert listed["total"] == len(draft["proposals"])
    r = call(api, "unit", "POST", f"/api/match-runs/{draft['id']}/publication",
             json={"version": draft["version"]})
    assert r.status_code == 403
    done = ok(api, "street", "POST", f"/api/match-runs/{draft['id']}/publication",
              json={"version": draft["version"]})
    assert done["draft"] is False and done["published"]
    bad = call(api, "street", "POST", "/api/match-runs",
               json={"scope_id": S1, "params": {"weights": {"text": 2}}})
    assert bad.status_code == 422 and "text" in bad.json()["error"]["message"]
