"""The e5 evidence of a pair: above the need's background and the resource's, no model
needed (vectors are given to the cache, as a run reads them from the service's file)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import pytest

from matching.semantic import (
    DIM,
    EmbeddingCache,
    _sample,
    blended_similarity,
    e5_evidence,
    text_key,
)


def _unit(*coords: tuple[int, float]) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    for i, x in coords:
        v[i] = x
    out: np.ndarray = v / np.linalg.norm(v)
    return out


def _cache(needs: dict[str, np.ndarray], resources: dict[str, np.ndarray]) -> EmbeddingCache:
    return EmbeddingCache([*((text_key(t, "query"), v) for t, v in needs.items()),
                           *((text_key(t, "passage"), v) for t, v in resources.items())])


def test_a_resource_close_to_every_need_counts_less_than_one_that_fits_this_need() -> None:
    rng = np.random.default_rng(5)
    common = _unit((0, 1.0))

    def near_common(weight: float) -> np.ndarray:
        v = weight * common + rng.standard_normal(DIM).astype(np.float32) / np.sqrt(DIM)
        out: np.ndarray = v / np.linalg.norm(v)
        return out

    own = _unit((7, 1.0))
    needs = {"甲": (common + own) / np.linalg.norm(common + own),
             **{f"需{i}": near_common(1.0) for i in range(30)}}
    hub = near_common(3.0)  # close to every need (a text naming many kinds of help)
    specific = own  # fits 甲 alone
    others = {f"资{i}": near_common(0.5) for i in range(30)}
    cos = {"hub": float(needs["甲"] @ hub), "specific": float(needs["甲"] @ specific)}
    assert cos["hub"] > cos["specific"] - 0.05  # raw cosines alone would not prefer it
    cache = _cache(needs, {"枢纽": hub, "专门": specific, **others})
    z = e5_evidence(cache, list(needs), ["枢纽", "专门", *others], np.array([0, 0]),
                    np.array([0, 1]))
    assert z[1] > z[0] + 0.5


def _noise(seed: int) -> Callable[[], np.ndarray]:
    """Random unit vectors, reproducible from ``seed``: texts unrelated to anything."""
    rng = np.random.default_rng(seed)

    def noise() -> np.ndarray:
        v = rng.standard_normal(DIM).astype(np.float32)
        out: np.ndarray = v / np.linalg.norm(v)
        return out

    return noise


def test_evidence_is_absolute_a_lone_candidate_that_fits_nothing_stays_low() -> None:
    noise = _noise(3)

    needs = {"甲": noise(), "乙": _unit((1, 1.0)), **{f"需{i}": noise() for i in range(30)}}
    resources = {"远": noise(), "近": _unit((1, 1.0), (2, 0.3)),
                 **{f"资{i}": noise() for i in range(30)}}
    cache = _cache(needs, resources)
    z = e5_evidence(cache, list(needs), list(resources), np.array([0, 1]), np.array([0, 1]))
    # 甲's only candidate is as far from it as the district's background: it stays low,
    # never lifted to the top by dividing by the need's best candidate
    assert abs(z[0]) < 1.5 < z[1]


def test_adding_a_need_leaves_the_evidence_of_other_pairs_as_it_was() -> None:
    noise = _noise(11)

    needs = {f"需{i}": noise() for i in range(400)}  # more than the background holds
    resources = {f"资{i}": noise() for i in range(300)}
    n_texts, r_texts = list(needs), list(resources)
    # a new need whose hash leaves it outside the background (145 of 401 are outside)
    new = next(t for t in (f"新需求{k}" for k in range(100))
               if 0 not in _sample([text_key(x, "query") for x in [t, *n_texts]]))
    cache = _cache({**needs, new: noise()}, resources)
    need, res = np.arange(50), np.arange(50)
    before = e5_evidence(cache, n_texts, r_texts, need, res)
    # the new need goes first, so every other need's position shifts by one
    after = e5_evidence(cache, [new, *n_texts], r_texts, need + 1, res)
    assert np.allclose(before, after, rtol=0, atol=1e-6)
    # chosen by position, the background would have shifted
    step = len(n_texts) // 256
    assert n_texts[::step][:256] != [new, *n_texts][::step][:256]


def _unit_vector(rng: np.random.Generator) -> np.ndarray:
    v = rng.standard_normal(DIM).astype(np.float32)
    out: np.ndarray = v / np.linalg.norm(v)
    return out


def test_a_need_naming_a_problem_the_resources_help_solves_gets_more_evidence() -> None:
    rand = partial(_unit_vector, np.random.default_rng(3))

    needs = {"空巢的爷爷奶奶没人说话": rand(), "电梯经常坏": rand()}
    resources = {"志愿者每周探访独居老人，陪伴聊天": rand(), **{f"资{i}": rand() for i in range(5)}}
    cache = _cache(needs, resources)
    need_texts, res_texts = list(needs), list(resources)
    pairs = np.array([0, 1]), np.array([0, 0])
    plain = blended_similarity(cache, concept_boost=0.0)(need_texts, res_texts, *pairs)
    boosted = blended_similarity(cache, concept_boost=0.1)(need_texts, res_texts, *pairs)
    # the lonely grandparents meet the visiting volunteers on 陪伴; the lift does not
    assert boosted - plain == pytest.approx([0.1, 0.0])


@pytest.mark.parametrize(("need_text", "help_text"), [
    ("留守老人一个人在家闷得慌", "党员结对陪聊"),
    ("下岗后没收入，想学门手艺", "工会职业培训"),
    ("房东扣着押金不给", "律师解答法律问题"),
    ("楼上噪音太大，邻里闹得很僵", "老娘舅协调邻里关系"),
    ("单元门锁坏了", "物业上门维修"),
    ("孩子暑假没人看", "暑托班看护"),
    ("两个孩子交不起学费", "教育助学金"),
])
def test_the_thesaurus_knows_the_usual_words_for_a_problem_and_its_help(
        need_text: str, help_text: str) -> None:
    from matching.concepts import NEED, RESOURCE, concept_masks, meet

    n = concept_masks([need_text], NEED)
    r = concept_masks([help_text, "电梯公司讲安全乘梯"], RESOURCE)
    assert meet(n, r, np.array([0, 0]), np.array([0, 1])).tolist() == [True, False]


def test_by_default_a_same_category_pair_that_meets_on_a_concept_is_proposed() -> None:
    from match_helpers import need, problem, res, served

    from matching import match

    rand = partial(_unit_vector, np.random.default_rng(11))

    lonely, lift = "空巢的爷爷奶奶没人说话", "电梯经常坏"
    visits = "志愿者每周探访独居老人，陪伴聊天"
    cache = _cache({lonely: rand(), lift: rand()}, {visits: rand()})
    p = problem([need("N1", "elderly_care", uom="小时", title=lonely),
                 need("N2", "elderly_care", uom="小时", title=lift, community="C2")],
                [res("R1", "elderly_care", uom="小时", capacity=2, title=visits)])
    # unrelated vectors, no shared word: only the thesaurus says the visits fit
    assert served(match(p, text_similarity=blended_similarity(cache))) == {("N1", "R1"): 1}
    assert served(match(p, text_similarity=blended_similarity(cache, concept_boost=0.0))) == {}
