"""Each score feature moves the score the way it should, and scores decompose."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from match_helpers import need, problem, res

from matching import FEATURES, MatchParams, match
from matching.arrays import F64, I64


def _breakdown(**need_kw: object) -> dict[str, float]:
    p = problem([need("N1", **need_kw)], [res("R1", x=0.3)])
    return match(p).pairs[0].breakdown


def test_the_score_is_the_weighted_mean_of_its_features() -> None:
    params = MatchParams(w_text=0.5)
    pair = match(problem([need("N1", title="活动场地")], [res("R1", title="场地开放")]),
                 params).pairs[0]
    w = params.weights()
    assert set(pair.breakdown) == set(FEATURES)
    expected = sum(w[f] * pair.breakdown[f] for f in FEATURES) / sum(w.values())
    assert pair.score == pytest.approx(expected, abs=1e-9)


def test_distance_is_full_inside_the_fifteen_minute_circle_and_decays_beyond() -> None:
    near = match(problem([need("N1", x=1.0)], [res("R1")])).pairs[0].breakdown["distance"]
    far = match(problem([need("N1", x=2.7)], [res("R1")])).pairs[0].breakdown["distance"]
    assert near == 1.0
    assert far == pytest.approx(0.3679, abs=2e-3)  # exp(-(2.7 - 1.2) / 1.5)


def test_text_similarity_ranks_the_resource_that_speaks_of_the_need() -> None:
    p = problem([need("N1", "elderly_care", uom="次", title="独居老人上门探访")],
                [res("R1", "elderly_care", uom="次", title="上门探访独居老人志愿队"),
                 res("R2", "elderly_care", uom="次", title="社区文艺汇演")])
    result = match(p, MatchParams(accept_text=0.0))
    assert result.pairs[0].resource_id == "R1"
    assert result.pairs[0].alternative is not None
    assert result.pairs[0].alternative[0] == "R2"
    assert result.pairs[0].score > result.pairs[0].alternative[1]
    # by default R2, sharing nothing with the need, is not even an acceptable alternative
    assert match(p).pairs[0].alternative is None


def test_a_caller_supplied_text_similarity_replaces_the_tfidf() -> None:
    p = problem([need("N1", title="活动场地")],
                [res("R1", title="场地开放"), res("R2", unit="U2", title="社区文艺汇演")])
    seen: list[tuple[list[str], list[str]]] = []

    def prefers_r2(need_texts: list[str], res_texts: list[str], n: I64, r: I64) -> F64:
        seen.append((need_texts, res_texts))
        return np.where(r == 1, 0.8, 0.2)

    assert match(p).pairs[0].resource_id == "R1"  # TF-IDF: shared 场地
    pair = match(p, text_similarity=prefers_r2).pairs[0]
    assert [t.strip() for t in seen[0][0]] == ["活动场地"]
    assert [t.strip() for t in seen[0][1]] == ["场地开放", "社区文艺汇演"]
    assert pair.resource_id == "R2" and pair.breakdown["text"] == 0.8  # absolute, as given
    assert pair.alternative is not None and pair.alternative[0] == "R1"

    def nothing(need_texts: list[str], res_texts: list[str], n: I64, r: I64) -> F64:
        return np.zeros(len(n))

    # no text evidence at all: nothing is proposed, the best rejected pair is shown
    result = match(p, text_similarity=nothing)
    assert result.pairs == []
    assert result.unmatched[0].reason == "no_acceptable_fit"
    assert result.unmatched[0].details["text_evidence"] == 0.0


def test_registration_raises_and_bad_history_lowers_the_relationship() -> None:
    base = problem([need("N1")], [res("R1")])
    registered = problem([need("N1")], [res("R1")], registrations=[("U1", "C1")])
    bad = problem([need("N1")], [res("R1")], history={("U1", "C1"): 1.0})
    good = problem([need("N1")], [res("R1")], registrations=[("U1", "C1")],
                   history={("U1", "C1"): 5.0})
    rel = [match(p).pairs[0].breakdown["relationship"] for p in (bad, base, registered, good)]
    assert rel == pytest.approx([0.0, 0.3, 0.7, 1.0])


def test_urgency_and_weak_communities_raise_the_priority() -> None:
    low = _breakdown(urgency=1)["priority"]
    high = _breakdown(urgency=3)["priority"]
    weak = _breakdown(urgency=3, weak_community=True)["priority"]
    assert low < high < weak == pytest.approx(1.0)


def test_the_weak_community_wins_scarce_capacity() -> None:
    p = problem([need("N1", community="C1"), need("N2", community="C2", weak_community=True)],
                [res("R1")])
    assert [pair.need_id for pair in match(p).pairs] == ["N2"]


def test_weights_are_parameters_of_the_run() -> None:
    p = problem([need("N1", x=2.5)], [res("R1", x=0.0), res("R2", x=0.0, unit="U2")],
                registrations=[("U2", "C1")])
    by_relation = match(p, MatchParams(w_relationship=1.0)).pairs[0].resource_id
    assert by_relation == "R2"


@given(st.lists(st.text(alphabet="家庭医生上门电梯维修 \t\n法律咨询aA1，。", max_size=12),
                min_size=1, max_size=8))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_char_tfidf_equals_scikit_learns_vectorizer(texts: list[str]) -> None:
    """The vectorized TF-IDF against scikit-learn's, compared through all cosines (its
    columns come in another order)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from matching.text import char_tfidf

    ours = char_tfidf(texts)
    if not any(texts):
        assert ours.nnz == 0
        return
    theirs = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True,
                             lowercase=False, dtype=np.float64).fit_transform(texts)
    assert ours.shape[1] == theirs.shape[1]
    np.testing.assert_allclose((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray(),
                               atol=1e-12)


def test_char_tfidf_numbers_columns_the_same_with_a_table_or_a_sort(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from matching import text

    texts = ["独居老人突发疾病无人照看", "家庭医生签约上门服务", "电梯维修资金",
             "电梯安全知识讲座", ""]
    by_table = text.char_tfidf(texts)
    monkeypatch.setattr(text, "TABLE_KEYS", 0)
    by_sort = text.char_tfidf(texts)
    assert (by_table != by_sort).nnz == 0 and by_table.shape == by_sort.shape


def test_the_fit_started_in_the_background_is_the_one_the_scoring_finds() -> None:
    """:func:`matching.text.fit_in_background` fits the corpus the TF-IDF evidence asks
    for (the scoring finds the kept rows and does not fit again; the same evidence as a
    cold fit), and starts nothing for a text model not built on TF-IDF."""
    import numpy as np

    from matching import text

    needs = ["老人 上门看病难", "电梯坏了 需要维修", "老人 上门看病难"]
    resources = ["家庭医生上门义诊", "电梯维修  服务", "律师法律咨询"]
    need, res = np.array([0, 0, 1, 2]), np.array([0, 2, 1, 0])
    text._FITTED.clear()
    cold = text.tfidf_evidence(needs, resources, need, res)
    text._FITTED.clear()
    thread = text.fit_in_background(needs, resources, None)
    assert thread is not None
    thread.join()
    kept = text._FITTED[0]
    assert np.array_equal(text.tfidf_evidence(needs, resources, need, res), cold)
    assert text._FITTED[0] is kept  # found, not fitted again
    assert text.fit_in_background(needs, resources, lambda n, r, i, j: i * 0.0) is None
