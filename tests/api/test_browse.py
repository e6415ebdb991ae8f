"""Lists page, sort and count in the store, in the caller's scope; a search reads the
scoped rows and agrees with the store's order."""

from __future__ import annotations

import datetime as dt

import pytest

from api.errors import InvalidRequest
from api.services.browse import SORTS, Query, browse, browse_all
from graph import GraphStore, Need
from tests.api.world import C1, S1, identity, propose


@pytest.fixture
def needs(world: GraphStore) -> GraphStore:
    world.upsert([Need(id=f"N1{i}", title=f"助餐服务{i}", category="家庭医疗", community_id=C1,
                       street_id=S1, quantity=q, unit_of_measure="次", urgency=u,
                       created=created)
                  for i, q, u, created in ((1, 30, 3, dt.date(2026, 1, 5)),
                                           (2, 30, 1, None), (3, 5, 3, dt.date(2025, 1, 5)))])
    return world


@pytest.mark.parametrize("sort", list(SORTS["Need"]))
def test_a_sorted_page_from_the_store_is_the_page_the_scoped_rows_give_sorted(
        needs: GraphStore, sort: str) -> None:
    who = identity(needs, "street")
    everything = [n.id for n in browse_all(needs, who, Need, Query({}, sort=sort))]
    assert len(everything) == 5 and "N3" not in everything  # N3 is the other street's
    pages = [browse(needs, who, Need, Query({}, sort=sort, page=p, size=2)) for p in (1, 2, 3)]
    assert [n.id for pg in pages for n in pg.items] == everything
    assert {pg.total for pg in pages} == {5}


def test_the_newest_need_comes_first_and_one_without_a_date_last(needs: GraphStore) -> None:
    page = browse(needs, identity(needs, "district"), Need, Query({}))
    assert [n.id for n in page.items] == ["N11", "N3", "N1", "N2", "N13", "N12"]
    urgent = browse(needs, identity(needs, "district"), Need,
                    Query({"community_id": C1}, sort="urgent", size=2))
    assert ([n.id for n in urgent.items], urgent.total) == (["N13", "N11"], 4)


def test_search_words_narrow_the_list_and_keep_the_sort(needs: GraphStore) -> None:
    page = browse(needs, identity(needs, "street"), Need, Query({}, q="助餐", sort="quantity"))
    assert [n.id for n in page.items] == ["N12", "N11", "N13"] and page.total == 3


def test_an_unknown_sort_is_refused_with_the_sorts_there_are(needs: GraphStore) -> None:
    with pytest.raises(InvalidRequest, match="排序方式只能是 new、urgent"):
        browse(needs, identity(needs, "street"), Need, Query({}, sort="colour"))


@pytest.mark.parametrize("name", ["district", "street", "community", "unit", "researcher"])
def test_a_count_from_the_store_is_the_total_of_the_callers_list(
        needs: GraphStore, name: str) -> None:
    from api.services._common import scoped_count, scoped_page
    from graph import Agreement, Project, Resource

    propose(needs, "P1", "N1", "R1")
    who = identity(needs, name)
    for kind, filters in ((Need, {}), (Need, {"community_id": C1}), (Resource, {}),
                          (Project, {"status": "proposed"}), (Agreement, {})):
        assert scoped_count(needs, who, kind, filters) == \
            scoped_page(needs, who, kind, filters, 1, 100).total, (kind, filters)
    assert scoped_count(needs, who, Need, {"community_id": C1}) == 4  # every role sees C1's


@pytest.mark.parametrize("name", ["district", "street", "community", "unit", "researcher"])
def test_rows_for_a_download_are_the_callers_nodes_with_their_stored_fields(
        needs: GraphStore, name: str) -> None:
    from api.services.browse import browse_rows
    from graph import Resource

    who = identity(needs, name)
    for kind, query in ((Need, Query({}, sort="urgent")), (Need, Query({}, q="助餐")),
                        (Resource, Query({}, date_from=dt.date(2026, 1, 1)))):
        fields = [f for f in kind.model_fields if f != "version"]
        nodes = browse_all(needs, who, kind, query)
        assert browse_rows(needs, who, kind, query, fields) == [
            n.model_dump(exclude={"version"}) for n in nodes]
