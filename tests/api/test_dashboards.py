"""Dashboard figures are computed from records, and the early warnings fire."""

from __future__ import annotations

import datetime as dt

import pytest

from api.errors import Forbidden
from api.services.dashboards import DashboardParams, dashboard
from graph import GraphStore, NotFound, Project, ServiceRecord
from tests.api.world import C1, C2, S1, TODAY, U1, U2, D, identity, propose


def test_figures_come_from_projects_and_records(world: GraphStore) -> None:
    p = propose(world, "P1", "N1", "R1")
    world.upsert([p.model_copy(update={"status": "in_progress"}),
                  ServiceRecord(id="SR1", project_id="P1", street_id=S1, unit_id=U1,
                                community_id=C1, date=dt.date(2026, 2, 1), hours=3,
                                member_ids=["M1"])])
    board = dashboard(world, identity(world, "street"), S1, today=TODAY)
    assert board.units_registered == 2 and board.units_taking_part == 1
    assert board.service_hours == 3 and board.members_serving == 1
    assert [(s.status, s.count) for s in board.projects_by_status] == [("in_progress", 1)]
    assert board.communities == 2 and board.communities_covered == 1 and board.coverage == 0.5
    assert board.needs_unmatched == 1  # N2: N1 is being served
    assert board.needs_unmatched_max_days == (TODAY - dt.date(2025, 6, 1)).days
    district = dashboard(world, identity(world, "district"), D, today=TODAY)
    assert [s.street_id for s in district.streets] == ["410305001", "410305002"]


def test_warnings_name_idle_units_overdue_needs_and_weak_communities(
        world: GraphStore) -> None:
    board = dashboard(world, identity(world, "street"), S1,
                      params=DashboardParams(idle_days=30), today=TODAY)
    assert {u.id for u in board.warnings.idle_units} == {U1, U2}
    assert [n.id for n in board.warnings.needs_past_window] == ["N2"]
    assert [c.id for c in board.warnings.weak_communities_low_coverage] == [C2]
    propose(world, "P2", "N2", "R2")
    p = world.get(Project, "P2")
    world.upsert([p.model_copy(update={"status": "agreed"})])
    board = dashboard(world, identity(world, "street"), S1,
                      params=DashboardParams(idle_days=30), today=TODAY)
    assert {u.id for u in board.warnings.idle_units} == {U1}
    assert board.warnings.needs_past_window == []
    assert board.warnings.weak_communities_low_coverage == []


def test_only_administrators_and_researchers_of_the_scope_see_a_dashboard(
        world: GraphStore) -> None:
    with pytest.raises(NotFound, match=f"没有编号为 {S1} 的党组织"):  # as a missing id
        dashboard(world, identity(world, "street2"), S1)
    with pytest.raises(Forbidden):
        dashboard(world, identity(world, "community"), S1)
    assert dashboard(world, identity(world, "researcher"), S1).scope_id == S1


def test_a_dashboard_is_computed_once_until_the_store_changes(world: GraphStore) -> None:
    who = identity(world, "street")
    first = dashboard(world, who, S1, today=TODAY)
    assert dashboard(world, identity(world, "district"), S1, today=TODAY) is first
    propose(world, "P1", "N1", "R1")
    again = dashboard(world, who, S1, today=TODAY)
    assert [(s.status, s.count) for s in again.projects_by_status] == [("proposed", 1)]
    assert first.projects_by_status == []
    with pytest.raises(NotFound):  # the scope is checked before the cache is asked
        dashboard(world, identity(world, "street2"), S1, today=TODAY)
