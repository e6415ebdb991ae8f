"""The demo's past year: every stage present, consistent with the rules, idempotent, and
something for each demo account to act on."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from api.accounts import Accounts, create_demo_accounts
from api.runs import run_match
from graph import (
    Agreement,
    EmbeddedStore,
    Evaluation,
    Project,
    Resource,
    Role,
    ServiceRecord,
)
from seed import generate_district, load_district
from seed.history import STAGES, past_year

TODAY = dt.date(2026, 12, 1)


def test_the_past_year_has_every_stage_and_holds_together(store: EmbeddedStore,
                                                          tmp_path: object) -> None:
    district = generate_district(seed=7, scale=0.15)
    load_district(store, district)
    history = past_year(district, today=TODAY)
    store.upsert(history.nodes())

    projects = store.list(Project, size=10_000).items
    assert set(STAGES) <= {p.status for p in projects}
    agreements = {a.id: a for a in store.list(Agreement, size=10_000).items}
    covered = {pid: a for a in agreements.values() for pid in a.project_ids}
    for p in projects:
        if p.status in ("agreed", "in_progress", "completed", "evaluated"):
            a = covered[p.id]
            assert a.status == "active" and len(a.signatures) == 2 + len(a.unit_ids)
        else:
            assert p.id not in covered
    for r in store.list(ServiceRecord, size=10_000).items:
        a = covered[r.project_id]
        assert r.date <= TODAY and a.start is not None and a.start <= r.date
    evaluated = {p.id for p in projects if p.status == "evaluated"}
    assert {e.target_id for e in store.list(Evaluation, size=10_000).items} == evaluated
    used: Counter[str] = Counter()
    for p in projects:
        if p.status != "declined":
            used[p.resource_id] += p.quantity
    resources = {r.id: r for r in store.list(Resource, size=10_000).items}
    assert all(used[r] <= resources[r].capacity for r in used)

    # the matcher accepts the history as pinned pairs (its validator runs inside)
    run, _ = run_match(store, sorted(s.id for s in district.streets)[0])
    assert run.status == "optimal"

    # laid down twice, nothing changes
    again = store.upsert(past_year(district, today=TODAY).nodes())
    assert sum(again.created.values()) == 0 and sum(again.updated.values()) == 0


def test_each_demo_account_has_something_to_act_on(store: EmbeddedStore,
                                                   tmp_path: object) -> None:
    from pathlib import Path

    district = generate_district(seed=7, scale=0.15)
    load_district(store, district)
    store.upsert(past_year(district, today=TODAY).nodes())
    accounts = Accounts(Path(str(tmp_path)) / "accounts.db")
    try:
        rows = {role: scope for _, _, role, scope in create_demo_accounts(accounts, store)}
    finally:
        accounts.close()
    unit, community, street = (rows[Role.RESIDENT_UNIT], rows[Role.COMMUNITY_ORG],
                               rows[Role.STREET_COMMITTEE])
    assert store.list(Resource, filters={"unit_id": unit}, size=10).total >= 1

    def states(**filters: str) -> set[str]:
        return {p.status for p in store.list(Project, filters=filters, size=10_000).items}

    assert {"agreed", "in_progress"} <= states(unit_id=unit)  # start, record service
    assert {"claimed", "completed"} <= states(community_id=community)  # confirm, evaluate
    assert {"confirmed", "under_review", "resolved"} <= states(street_id=street)
