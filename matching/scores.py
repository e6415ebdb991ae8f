"""Scores of candidate pairs: five features in [0, 1] and their weighted mean.

* ``category``: 1.0 when the resource serves the need's category (its own or one it
  also serves) or names the specialist help the need asks for
  (:func:`matching.facts.gives_what_is_asked`), ``related_fit`` for a related one.
* ``text``: absolute text evidence in [0, 1] of the need's and the resource's Chinese
  texts (:func:`matching.text.tfidf_evidence` by default; the service passes the blend
  with the offline e5 model, :func:`matching.semantic.blended_similarity`).
* ``distance``: 1.0 inside the 15-minute circle (``walk_km``), then
  ``exp(-(d - walk_km) / decay_km)``; ``online_fit`` for online service.
* ``relationship``: 0.3 without any tie; +0.4 when the unit is registered with the
  community (双报到); +-0.3 scaled by the mean evaluation of earlier projects between
  them (5 raises, 3 is neutral, 1 lowers); clipped to [0, 1].
* ``priority``: ``0.35 * (urgency - 1)`` plus 0.3 for a weak community (软弱涣散).

The score is ``sum(w_f * f) / sum(w_f)``.
"""

from __future__ import annotations

import numpy as np

from matching.arrays import F64, I64, Arrays, B
from matching.facts import FIT_BITS
from matching.growable import room_for
from matching.params import FEATURES, MatchParams
from matching.problem import INFERRED_ONLINE, Problem
from matching.text import TextSimilarity, item_text, tfidf_evidence

_LOOKUP: list[tuple[tuple[object, ...], tuple[I64, I64, F64]]] = []


def relationship_lookup(problem: Problem, a: Arrays) -> tuple[I64, I64, F64]:
    """Sorted keys (:func:`relationship_keys`) of registrations and of history, and
    history (the last answer kept: a re-run scoring its few new pairs asks again with
    an equal context)."""
    key = (problem.registrations, problem.history, a.units, a.communities)
    for k, v in _LOOKUP:
        if all(x is y or x == y for x, y in zip(k, key, strict=True)):
            return v
    got = _relationship_lookup(problem, a)
    _LOOKUP[:] = [(key, got)]
    return got


def _relationship_lookup(problem: Problem, a: Arrays) -> tuple[I64, I64, F64]:
    unit_index = {u: i for i, u in enumerate(a.units)}
    comm_index = {c: i for i, c in enumerate(a.communities)}
    n_units = max(len(a.units), 1)
    reg = sorted(comm_index[c] * n_units + unit_index[u] for u, c in problem.registrations
                 if u in unit_index and c in comm_index)
    hist = sorted((comm_index[c] * n_units + unit_index[u], float(m))
                  for (u, c), m in problem.history.items()
                  if u in unit_index and c in comm_index)
    return (np.array(reg, dtype=np.int64), np.array([k for k, _ in hist], dtype=np.int64),
            np.array([m for _, m in hist], dtype=np.float64))


def relationship_keys(a: Arrays, need: I64, res: I64) -> I64:
    """The key ``community * n_units + unit`` of the need's community and the resource's
    unit of each pair: community first, so the pairs (sorted by need, a community's needs
    side by side) look up nearby keys one after the other (5.2M lookups at 100,000 needs:
    0.58 -> 0.16 s against unit first)."""
    keys: I64 = a.n_comm[need] * max(len(a.units), 1) + a.r_unit[res]
    return keys


def feature_matrix(problem: Problem, a: Arrays, need: I64, res: I64, dist: F64,
                   params: MatchParams, text: F64 | None = None,
                   text_similarity: TextSimilarity | None = None) -> F64:
    """The five features of pairs ``(need[k], res[k])`` (``dist`` NaN = online).

    ``text`` gives the raw text similarities of the pairs; without it they are computed by
    ``text_similarity`` (char n-gram TF-IDF, :func:`matching.text.text_similarity`, by
    default) from each side's ``"title description"``.
    """
    if text is None:  # first: its working arrays are gone before the features are written
        similarity = text_similarity or tfidf_evidence
        text = similarity(
            [item_text(n.title, n.description) for n in problem.needs],
            [item_text(r.title, r.description) for r in problem.resources], need, res)
    out = room_for(len(need), (len(FEATURES),), np.float64)  # a re-run appends to it
    same = a.r_serves[res, a.n_cat[need]] | (
        (a.n_special[need] & a.r_special[res] & FIT_BITS) != 0)
    out[:, 0] = np.where(same, 1.0, params.related_fit)
    # absolute evidence in [0, 1]: never divided by the need's best candidate, so a
    # lone or weak candidate keeps its low text fit (the acceptance rule reads it)
    out[:, 1] = np.clip(text, 0.0, 1.0)
    beyond = np.maximum(np.nan_to_num(dist, nan=0.0) - params.walk_km, 0.0)
    out[:, 2] = np.where(np.isnan(dist), params.online_fit, np.exp(-beyond / params.decay_km))
    inferred = np.fromiter((n.online_source in INFERRED_ONLINE for n in problem.needs),
                           dtype=np.bool_, count=len(problem.needs))
    if inferred.any():  # 可线上 only inferred: an online pair is weaker evidence
        out[:, 2] = np.where(np.isnan(dist) & inferred[need], params.online_inferred_fit,
                             out[:, 2])
    reg, hist_keys, hist_mean = relationship_lookup(problem, a)
    keys = relationship_keys(a, need, res)
    rel = 0.3 + 0.4 * member(keys, reg)
    if len(hist_keys):
        pos = np.clip(np.searchsorted(hist_keys, keys), 0, len(hist_keys) - 1)
        has = hist_keys[pos] == keys
        rel = rel + np.where(has, 0.3 * (hist_mean[pos] - 3.0) / 2.0, 0.0)
    out[:, 3] = np.clip(rel, 0.0, 1.0)
    # each need's priority once, then one gather (the same arithmetic, element by element)
    out[:, 4] = (0.35 * (a.n_urgency - 1) + 0.3 * a.n_weak)[need]
    return out


def member(keys: I64, sorted_keys: I64) -> B:
    """Whether each key is one of ``sorted_keys``: ``np.isin(keys, sorted_keys)`` by
    binary search in the sorted keys (``np.isin`` sorts all the pairs' keys: 5M of them
    at 100,000 needs)."""
    if len(sorted_keys) == 0:
        return np.zeros(len(keys), np.bool_)
    pos = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    out: B = sorted_keys[pos] == keys
    return out


def combine(features: F64, params: MatchParams) -> F64:
    """Weighted mean of the features, in [0, 1].

    Summed feature by feature, element by element (not a matrix product, whose last
    bits may depend on how many rows it is given): a row's score is the same whatever
    rows come with it, so a re-run keeps the kept rows' scores and combines only its
    fresh rows (:mod:`matching.reuse`).

    >>> p = MatchParams()
    >>> rows = np.random.default_rng(1).random((7, len(FEATURES)))
    >>> bool(np.array_equal(combine(rows, p)[2:5], combine(rows[2:5], p)))
    True
    """
    w = np.array(list(params.weights().values()), dtype=np.float64)
    w = w / w.sum()
    score: F64 = room_for(len(features), (), np.float64)
    np.multiply(features[:, 0], w[0], out=score)
    for f in range(1, features.shape[1]):
        score += features[:, f] * w[f]
    np.clip(score, 0.0, 1.0, out=score)
    return score
