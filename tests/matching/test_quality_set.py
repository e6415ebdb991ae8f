"""The bigger labelled set (matching/quality_set.py): its size and the mix the issue asks."""

from __future__ import annotations

import math

import pytest

from graph.taxonomy import TAXONOMY
from matching.quality_set import HALVES, TEST_HALVES, TUNING_HALVES, LabelledNeed


def _needs() -> list[LabelledNeed]:
    return [n for h in HALVES.values() for n in h.needs]


def _shared_bigrams(a: str, b: str) -> set[str]:
    return {a[i:i + 2] for i in range(len(a) - 1)} & {b[i:i + 2] for i in range(len(b) - 1)}


def test_the_set_has_150_needs_150_resources_and_three_fixed_halves() -> None:
    assert set(HALVES) == {"T", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
                           "E", "E2"}
    assert len(_needs()) >= 150
    assert sum(len(h.resources) for h in HALVES.values()) >= 150
    for h in (HALVES["T"], HALVES["E"]):
        assert len(h.needs) >= 75 and len(h.resources) >= 75
    assert len(HALVES["T2"].needs) >= 40 and len(HALVES["T2"].resources) >= 40


@pytest.mark.parametrize(("name", "unservable", "tempting"),
                         [("T3", 12, 15), ("T4", 15, 25), ("T5", 15, 25), ("T6", 12, 15),
                          ("T7", 12, 15), ("T8", 12, 15), ("T9", 12, 15),
                          ("E2", 12, 15)])
def test_a_later_half_has_its_own_district_and_the_mix_the_issue_asks(
        name: str, unservable: int, tempting: int) -> None:
    """The later tuning halves (T6 to T9 written blind) and E2 (the test half, blind)."""
    half = HALVES[name]
    assert len(half.needs) >= 50 and len(half.resources) >= 40
    assert sum(1 for n in half.needs if not n.right) >= unservable
    assert sum(len(n.tempting) for n in half.needs) >= tempting
    others = [h for other, h in HALVES.items() if other != name]
    assert not set(half.communities) & {c for h in others for c in h.communities}
    assert not {r.unit for r in half.resources} & {r.unit for h in others for r in h.resources}
    assert not {n.id for n in half.needs} & {n.id for h in others for n in h.needs}
    assert not {r.id for r in half.resources} & {r.id for h in others for r in h.resources}
    pairs = [(n, r) for n in half.needs for r in half.resources if r.id in n.right]
    bare = [1 for n, r in pairs if not _shared_bigrams(n.title + n.description,
                                                       r.title + r.description)]
    assert len(bare) >= len(pairs) / 2
    assert {u for u, _ in half.registrations} <= {r.unit for r in half.resources}
    assert {c for _, c in half.registrations} <= set(half.communities)
    assert len(half.communities) == 6 and len(half.registrations) >= 3
    assert sum(1 for _, _, weak in half.communities.values() if weak) == 2
    assert sum(1 for _, xy, _ in half.communities.values() if math.hypot(*xy) >= 25) == 1


def test_the_halves_are_either_tuning_or_test_halves_named_once() -> None:
    assert not set(TUNING_HALVES) & set(TEST_HALVES)
    assert sorted((*TUNING_HALVES, *TEST_HALVES)) == sorted(HALVES)


def test_at_least_30_needs_nothing_can_serve_and_60_tempting_wrong_pairs() -> None:
    assert sum(1 for n in _needs() if not n.right) >= 30
    assert sum(len(n.tempting) for n in _needs()) >= 60


def test_every_label_names_a_resource_of_its_half_and_right_and_tempting_never_overlap() -> None:
    for h in HALVES.values():
        ids = {r.id for r in h.resources}
        for n in h.needs:
            assert n.right <= ids and n.tempting <= ids, n.id
            assert not n.right & n.tempting, n.id
            assert n.community in h.communities, n.id


def test_the_labelled_districts_relate_categories_as_the_products_one_taxonomy() -> None:
    from matching import Taxonomy
    from matching.quality_data import RELATED

    labelled = Taxonomy.from_related(RELATED)
    assert {c: set(labelled.related(c)) for c in TAXONOMY} == TAXONOMY.related_map()


def test_every_category_is_a_taxonomy_code() -> None:
    for h in HALVES.values():
        for n in h.needs:
            assert n.category in TAXONOMY, n.id
        for r in h.resources:
            assert {r.category, *r.also} <= set(TAXONOMY), r.id


def test_at_least_half_of_the_right_pairs_share_no_word() -> None:
    pairs = [(n, r) for h in HALVES.values() for n in h.needs for r in h.resources
             if r.id in n.right]
    bare = [1 for n, r in pairs if not _shared_bigrams(n.title + n.description,
                                                       r.title + r.description)]
    assert len(bare) >= len(pairs) / 2


def test_a_need_split_over_a_right_and_a_wrong_resource_counts_as_wrong_in_cross_validation(
        ) -> None:
    from matching.quality import HalfReport, need_outcomes

    half = HALVES["T2"]
    served = next(n for n in half.needs if n.right and n.tempting)
    other = next(n for n in half.needs if n.right and n is not served)
    report = HalfReport(half="T2", model="m", needs=len(half.needs), proposed=3, right=2,
                        tempting=1, servable=0, served_right=2, unservable=0,
                        unservable_matched=0, wrong=[(served.id, min(served.tempting))],
                        missed=[n.id for n in half.needs if n.right
                                and n.id not in (served.id, other.id)])
    out = need_outcomes(report, half)
    assert out[served.id] == "wrong" and out[other.id] == "right"
