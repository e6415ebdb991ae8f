"""Network measures computed from the store's records."""

from __future__ import annotations

import pytest

from graph import EmbeddedStore, Project
from graph.analytics import (
    circle_km,
    community_coverage,
    nominal_units,
    unit_centrality,
    weak_spots,
)
from tests.graph.district import tiny_district


@pytest.fixture
def loaded(store: EmbeddedStore) -> EmbeddedStore:
    nodes, rels = tiny_district()
    store.upsert(nodes, rels)
    return store


def _project(status: str) -> Project:
    return Project(id="PJ1", title="助餐", need_id="N1", resource_id="R1", unit_id="U1",
                   community_id="C1", street_id="S1", category="elderly_care", quantity=5,
                   unit_of_measure="次", status=status)


def test_coverage_counts_registrations_and_units_in_the_walking_circle(
        loaded: EmbeddedStore) -> None:
    cov = {c.community_id: c for c in community_coverage(loaded.snapshot("D"))}
    assert cov["C1"].registered_units == 1
    assert cov["C2"].registered_units == 1  # U2 registered across the street border
    assert cov["C1"].units_within_circle == 1  # U1 is 100 m away, U2 is 4 km away
    assert cov["C3"].units_within_circle == 1
    assert cov["C1"].needs == 1 and cov["C1"].need_coverage == 0.0


def test_a_claimed_project_counts_as_coverage_but_a_proposal_does_not(
        loaded: EmbeddedStore) -> None:
    loaded.upsert([_project("proposed")])
    cov = {c.community_id: c for c in community_coverage(loaded.snapshot("D"))}
    assert cov["C1"].active_projects == 0
    loaded.upsert([_project("claimed")])
    cov = {c.community_id: c for c in community_coverage(loaded.snapshot("D"))}
    assert (cov["C1"].active_projects, cov["C1"].need_coverage) == (1, 1.0)


def test_registered_units_without_any_project_are_nominal(loaded: EmbeddedStore) -> None:
    assert nominal_units(loaded.snapshot("D")) == ["U1", "U2"]
    loaded.upsert([_project("in_progress")])
    assert nominal_units(loaded.snapshot("D")) == ["U2"]


def test_weak_or_unregistered_communities_are_weak_spots(loaded: EmbeddedStore) -> None:
    spots = {c.community_id for c in weak_spots(loaded.snapshot("D"))}
    assert spots == {"C2", "C3"}  # C2 is weak; C3 has no unit registered


def test_unit_centrality_is_the_share_of_communities_reached(loaded: EmbeddedStore) -> None:
    assert unit_centrality(loaded.snapshot("D")) == {"U1": 1 / 3, "U2": 1 / 3}


def test_the_fifteen_minute_circle_is_about_one_kilometre() -> None:
    assert circle_km(15) == 1.2
    assert circle_km(30) == 2.4
