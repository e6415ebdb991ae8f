"""No existence oracle: an id outside the caller's scope answers exactly as an id that
does not exist (404, the store's message), for reads, writes and the members of a record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.api.test_access_matrix import ROLES, build, outside_for
from tests.api.world import Api

# kind of object -> (url of one by its id, the id of the outside side's one)
OBJECTS: dict[str, tuple[str, Any]] = {
    "need": ("/api/needs/{}", lambda s: s.need),
    "resource": ("/api/resources/{}", lambda s: s.resource),
    "project": ("/api/projects/{}", lambda s: f"P-{s.tag}-proposed-0"),
    "agreement": ("/api/agreements/{}", lambda s: f"A-{s.tag}-signed"),
    "record": ("/api/service-records/{}", lambda s: f"SR-{s.tag}"),
    "evaluation": ("/api/evaluations/{}", lambda s: f"EV-{s.tag}"),
    "agreement_document": ("/api/agreements/{}/document.html", lambda s: f"A-{s.tag}-signed"),
}
MISSING = "X-nowhere-1"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    a = build(tmp_path_factory.mktemp("oracle"))
    with a.client:
        yield a


def answer(api: Api, role: str, method: str, url: str, oid: str, **kw: Any
           ) -> tuple[int, str, str]:
    """(status, code, message with the id blanked) of one request about ``oid``."""
    r = api.client.request(method, url.format(oid), headers=api.headers(role), **kw)
    error = r.json()["error"]
    return r.status_code, error["code"], error["message"].replace(oid, "…")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", sorted(OBJECTS))
def test_an_outside_id_is_read_as_a_missing_one(api: Api, kind: str, role: str) -> None:
    url, outside = OBJECTS[kind]
    oid = outside(outside_for(role))
    there = answer(api, role, "GET", url, oid)
    assert there == answer(api, role, "GET", url, MISSING)
    assert there[:2] == (404, "not_found") and "没有编号为 … 的" in there[2]


@pytest.mark.parametrize("role", ["street", "community", "unit"])
def test_writing_to_an_outside_id_answers_as_a_missing_one(api: Api, role: str) -> None:
    side = outside_for(role)
    writes = [
        ("PATCH", "/api/needs/{}", side.need, {"json": {"version": 1, "quantity": 2}}),
        ("POST", "/api/resources/{}/withdrawal", side.resource, {"json": {"version": 1}}),
        ("POST", "/api/projects/{}/transitions", f"P-{side.tag}-proposed-0",
         {"json": {"action": "claim", "version": 1}}),
        ("POST", "/api/agreements/{}/signatures", f"A-{side.tag}-draft",
         {"json": {"version": 1}}),
        ("POST", "/api/service-records/{}/corrections", f"SR-{side.tag}",
         {"json": {"version": 1, "reason": "更正", "hours": 1}}),
    ]
    for method, url, oid, kw in writes:
        there = answer(api, role, method, url, oid, **kw)
        assert there == answer(api, role, method, url, MISSING, **kw), url
        assert there[0] == 404, (url, there)


def test_a_member_elsewhere_and_a_missing_member_get_one_message(api: Api) -> None:
    body = {"project_id": "P-in-in_progress-0", "date": "2026-01-06", "hours": 1}
    elsewhere = answer(api, "unit", "POST", "/api/service-records", "M3",
                       json={**body, "member_ids": ["M3"]})
    missing = answer(api, "unit", "POST", "/api/service-records", MISSING,
                     json={**body, "member_ids": [MISSING]})
    assert elsewhere == missing
    assert elsewhere[0] == 422 and "党员 … 不是项目的驻区单位或所在社区的党员" in elsewhere[2]
