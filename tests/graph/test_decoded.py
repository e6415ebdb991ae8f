"""Nodes read by gets and list pages are decoded once per stored text and version
(:mod:`graph.decoded`), on each backend; they are immutable, and never stale."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph import GraphStore, Need
from graph.decoded import DecodedNodes
from tests.graph.district import tiny_district


def test_an_unchanged_node_is_decoded_once_and_a_changed_one_is_read_afresh(
        backend_store: GraphStore) -> None:
    backend_store.upsert(*tiny_district())
    first = backend_store.get(Need, "N1")
    assert backend_store.get(Need, "N1") is first
    assert backend_store.list(Need, page=1, size=10).items[0] is first
    assert backend_store.get_many(Need, ["N1"])["N1"] is first
    changed = backend_store.transition(Need, "N1", first.version, {"title": "独居老人午餐"})
    again = backend_store.get(Need, "N1")
    assert again is not first
    assert (again.title, again.version) == ("独居老人午餐", changed.version)
    assert backend_store.list(Need, page=1, size=10).items[0].title == "独居老人午餐"


def test_a_node_read_from_a_store_cannot_be_changed_in_place(
        backend_store: GraphStore) -> None:
    backend_store.upsert(*tiny_district())
    need = backend_store.get(Need, "N1")
    with pytest.raises(ValidationError, match="frozen"):
        need.title = "改了别人手里的对象"  # type: ignore[misc]
    assert backend_store.get(Need, "N1").title == "独居老人助餐"


def test_the_cache_is_bounded_and_drops_its_older_half_when_full() -> None:
    cache = DecodedNodes(max_nodes=4)
    decoded: list[str] = []

    def decode(kind: type[Need], props: str, version: int) -> Need:
        decoded.append(props)
        return Need(id=props, title=props, category="elderly_care", community_id="C1",
                    street_id="S1", quantity=1, unit_of_measure="次", version=version)

    for name in ("a", "b", "c", "d", "e"):
        cache.get(Need, name, 1, decode)
    assert len(cache) == 3  # a and b dropped before e went in
    cache.get(Need, "e", 1, decode)
    cache.get(Need, "a", 1, decode)
    assert decoded == ["a", "b", "c", "d", "e", "a"]
    cache.get(Need, "e", 2, decode)  # another version is another node
    assert decoded[-1] == "e"
