"""A project's history (its audit lines) for its administrators and its parties: the unit
and the community taking part read it; another unit, a unit asking about something it does
not take part in, and a researcher do not."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from api.errors import Forbidden, InvalidRequest
from api.services import agreements, audit, projects
from graph import GraphStore, NotFound, Project
from tests.api.world import PASSWORD, identity, make_api, propose
from tests.web.conftest import csrf_of


def _step(store: GraphStore, name: str, pid: str, action: str) -> None:
    current = store.get(Project, pid)
    projects.transition(store, identity(store, name), pid, action, current.version,
                        f"{name} 办理 {action}")


def _resolved(store: GraphStore, pid: str = "P1") -> None:
    propose(store, pid, "N1", "R1")
    for name, action in (("unit", "claim"), ("community", "confirm"),
                         ("community", "submit"), ("street", "resolve")):
        _step(store, name, pid, action)


def test_the_unit_and_the_community_of_a_project_read_its_history(
        world: GraphStore) -> None:
    _resolved(world)
    for name in ("unit", "community", "street"):
        lines = audit.list_audit(world, identity(world, name), target_id="P1",
                                 target_kind="Project", size=100)
        assert [a.action for a in lines.items] == ["claim", "confirm", "submit", "resolve"]
        assert lines.items[3].note == "street 办理 resolve"


def test_another_unit_sees_403_or_404_and_never_a_line(world: GraphStore) -> None:
    _resolved(world)
    for name in ("unit2", "unit_c2"):  # another street's unit; the same street's other unit
        with pytest.raises((Forbidden, NotFound)):
            audit.list_audit(world, identity(world, name), target_id="P1",
                             target_kind="Project")
    with pytest.raises(NotFound):
        audit.list_audit(world, identity(world, "unit"), target_id="P404",
                         target_kind="Project")


def test_a_unit_reads_no_trail_but_that_of_something_it_takes_part_in(
        world: GraphStore) -> None:
    _resolved(world)
    unit = identity(world, "unit")
    with pytest.raises(Forbidden, match="请指明 target_kind 与 target_id"):
        audit.list_audit(world, unit)
    with pytest.raises(Forbidden, match="没有参与需求 N2"):  # a need it may read, not its own
        audit.list_audit(world, unit, target_id="N2", target_kind="Need")
    with pytest.raises(InvalidRequest, match="没有「AuditEntry」这种记录对象"):
        audit.list_audit(world, unit, target_id="x", target_kind="AuditEntry")
    with pytest.raises(Forbidden, match="仅限区、街道、社区管理员"):
        audit.list_audit(world, identity(world, "researcher"), target_id="P1",
                         target_kind="Project")


def test_every_unit_of_an_agreement_reads_its_lines(world: GraphStore) -> None:
    _resolved(world)
    ag = agreements.draft(world, identity(world, "community"), ["P1"],
                          now=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    ag = agreements.sign(world, identity(world, "unit"), ag.id, ag.version)
    lines = audit.list_audit(world, identity(world, "unit"), target_id=ag.id,
                             target_kind="Agreement")
    assert {a.action for a in lines.items} >= {"draft", "sign"}


def test_over_http_and_on_the_project_page_the_unit_sees_the_history(tmp_path: Path) -> None:
    api = make_api(tmp_path)
    _resolved(api.store)
    with api.client as c:
        ok = c.get("/api/audit", params={"target_id": "P1", "target_kind": "Project"},
                   headers=api.headers("unit"))
        assert ok.status_code == 200 and ok.json()["total"] == 4
        other = c.get("/api/audit", params={"target_id": "P1", "target_kind": "Project"},
                      headers=api.headers("unit2"))
        assert other.status_code in (403, 404) and "error" in other.json()
        form = c.get("/login")
        r = c.post("/login", data={"csrf": csrf_of(form.text), "username": "unit",
                                   "password": PASSWORD}, follow_redirects=False)
        assert r.status_code == 303, r.text
        page = c.get("/projects/P1")
    assert page.status_code == 200
    history = re.search(r'<ol class="history" data-testid="history">(.*?)</ol>', page.text,
                        re.S)
    assert history and history.group(1).count("<li>") == 4
    assert "street 办理 resolve" in history.group(1)
