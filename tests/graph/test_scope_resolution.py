"""District scope resolution in the embedded store: down the PART_OF edges by their
destination index, stopping at streets, cached until the next commit of any connection."""

from __future__ import annotations

from pathlib import Path

from graph import EmbeddedStore, Organization


def _district(store: EmbeddedStore) -> None:
    orgs = [Organization(id="D", name="区", level="district")]
    for s in range(3):
        orgs.append(Organization(id=f"S{s}", name=f"街道{s}", level="street", parent_id="D"))
        for c in range(4):
            orgs.append(Organization(id=f"S{s}C{c}", name="社区", level="community",
                                     parent_id=f"S{s}", street_id=f"S{s}",
                                     community_type="old"))
    store.upsert(orgs)


def test_the_recursive_query_uses_the_edge_destination_index(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    _district(store)
    assert store.scope("D").streets == ["S0", "S1", "S2"]
    calls: list[str] = []
    store._db.set_trace_callback(calls.append)
    store._scopes_seen = (-1, -1)  # forget the cache
    store.scope("D")
    store._db.set_trace_callback(None)
    recursive = next(c for c in calls if "RECURSIVE" in c)
    plan = " ".join(str(r) for r in store._db.execute(
        "EXPLAIN QUERY PLAN " + recursive.replace("'D'", "?", 1), ("D",)))
    assert "edges_dst" in plan, plan
    store.close()


def test_the_streets_of_a_district_are_read_once_until_something_is_committed(
        tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    _district(store)
    store.list(Organization, scope="D")
    calls: list[str] = []
    store._db.set_trace_callback(calls.append)
    for _ in range(5):
        store.list(Organization, scope="D", size=5)
    assert not any("RECURSIVE" in c for c in calls)
    other = EmbeddedStore(tmp_path / "g.db")  # another process writing to the same file
    other.upsert([Organization(id="S9", name="新街道", level="street", parent_id="D")])
    other.close()
    assert store.scope("D").streets == ["S0", "S1", "S2", "S9"]
    store.upsert([Organization(id="S8", name="又一街道", level="street", parent_id="D")])
    assert store.scope("D").streets == ["S0", "S1", "S2", "S8", "S9"]
    store.close()
