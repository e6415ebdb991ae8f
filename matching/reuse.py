"""Reuse of a run's per-pair work in the next run: candidates, refusals, features, scores.

The solve is incremental by components (:mod:`matching.incremental`); this module makes
the stages before it incremental too. Every figure of a candidate pair is a function of
the pair alone -- its need, its resource, the run's context (taxonomy, registrations,
history, pinned and declined pairs), the parameters and, through the TF-IDF weights, the
set of distinct texts -- except which online resources a need keeps (its
``max_online_per_need`` nearest ones, which depends on every eligible online resource).
So after a small change the pairs of the needs and resources left unchanged are taken
from the previous run, and only these are computed again:

* every candidate pair of a *dirty* need: one added or changed, or one that could have
  kept an online resource that was withdrawn, changed or added (its online candidates
  may shift);
* the pairs of an added or changed resource with the other needs (its reach).

A need or resource whose only change is its quantity or capacity is unchanged for its
pairs, as long as it keeps some quantity (a model figure, not a pair figure). The
combined pairs are the very arrays a full run builds (same order, same values): the
result is the same, and the validator checks it whole as always. (Distances are measured
on a projection whose origin is the rounded mean of every place: when a change moves it,
every distance moves and nothing is reused.)

Reuse applies only when the previous run's work is in this process (:data:`CACHE_SIZE`
runs are kept, by the token stored in ``MatchResult.warm``), the parameters and context
are equal, the resources kept keep their order (ties of online distance are broken by
it), the distinct texts of needs and of resources are the same sets (else every
TF-IDF weight and e5 background moves), and the text model is the same and declared
pair-local (:func:`matching.text.pair_local`: the TF-IDF default and the service's e5
blend are; another model given as ``text_similarity`` may read the whole problem);
otherwise the run computes every pair.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from matching.arrays import F64, I64, ONLINE, Arrays, B
from matching.candidates import Candidates, find_candidates, refused_by_facts
from matching.params import MatchParams
from matching.problem import NeedItem, Problem, ResourceItem
from matching.text import TextSimilarity, item_text, pair_local_key

CACHE_SIZE = 2
_CACHE: OrderedDict[str, PairWork] = OrderedDict()
_LOCK = threading.Lock()

Texts = tuple[frozenset[str], frozenset[str]]
"""The distinct texts of a problem's needs and of its resources."""
Scorer = Callable[[I64, I64, F64], tuple[F64, F64, I64]]
"""``f(need, res, dist) -> (features, scores, confidence codes)`` of pairs, as a run
scores them."""
Combine = Callable[[F64], F64]
"""The scores of a feature matrix (a matrix product: its last bits may depend on how many
rows it is given, so a re-run combines all its rows at once, as a full run does)."""

_NEED_FIELDS = tuple(f.name for f in fields(NeedItem))
_RES_FIELDS = tuple(f.name for f in fields(ResourceItem))


@dataclass(frozen=True, eq=False)
class PairWork:
    """What a run made of its candidate pairs: the accepted and the low pairs (with their
    features and confidence codes; pinned rows excluded) and the refused ones."""

    problem: Problem
    arrays: Arrays
    params: MatchParams
    model: tuple[object, ...]  # the text model's key
    texts: list[Texts]  # its distinct texts, once known
    cands: Candidates
    features: F64
    conf: I64
    refused: list[tuple[int, int, str]]


@dataclass(frozen=True, eq=False)
class Pairs:
    """The pair stage of a run: candidates left after the facts' refusal (sorted by need,
    resource), their features, scores and codes, then the pinned pairs' rows; the refused
    pairs; how many pairs were computed afresh."""

    cands: Candidates
    features: F64
    score: F64
    conf: I64
    refused: list[tuple[int, int, str]]
    fresh: int
    texts: tuple[Texts, ...] = ()  # the distinct texts, when known


def _texts(problem: Problem) -> Texts:
    return (frozenset(item_text(n.title, n.description) for n in problem.needs),
            frozenset(item_text(r.title, r.description) for r in problem.resources))


def _texts_of(work: PairWork) -> Texts:
    """The distinct texts of the work's problem (computed at its first reuse)."""
    if not work.texts:
        work.texts.append(_texts(work.problem))
    return work.texts[0]


def remember(problem: Problem, a: Arrays, params: MatchParams, pairs: Pairs,
             text_similarity: TextSimilarity | None) -> str:
    """Keep a run's pair work for the next run; the token to store with the run ("" when
    it cannot be reused: a text model not declared pair-local, see
    :func:`matching.text.pair_local`)."""
    model = pair_local_key(text_similarity)
    if model is None:
        return ""
    k = len(pairs.cands)
    work = PairWork(problem, a, params, model, list(pairs.texts), pairs.cands,
                    pairs.features[:k], pairs.conf[:k], pairs.refused)
    token = _token(a, params, model, pairs)
    with _LOCK:
        _CACHE[token] = work
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return token


def _token(a: Arrays, params: MatchParams, model: tuple[object, ...], pairs: Pairs) -> str:
    """A name of the run's inputs (ids, quantities left, parameters, text model, pair
    counts): the same problem run twice gets the same name, so a result does not depend
    on the run. Reuse never trusts the name: it compares the new problem with the kept one
    item by item."""
    h = hashlib.blake2b(digest_size=16)
    for part in ("\0".join(a.need_ids), "\1".join(a.res_ids), repr(params), repr(model),
                 f"{len(pairs.cands)}:{len(pairs.refused)}"):
        h.update(part.encode())
        h.update(b"\2")
    h.update(a.n_left.tobytes())
    h.update(a.r_left.tobytes())
    return h.hexdigest()


def recall(token: object) -> PairWork | None:
    """The kept pair work of a token, if this process still has it."""
    if not isinstance(token, str) or not token:
        return None
    with _LOCK:
        work = _CACHE.get(token)
        if work is not None:
            _CACHE.move_to_end(token)
        return work


def _same_context(old: Problem, new: Problem) -> bool:
    return (old.registrations == new.registrations and old.history == new.history
            and old.pinned == new.pinned and old.declined == new.declined
            and (old.taxonomy is new.taxonomy
                 or old.taxonomy.to_dict() == new.taxonomy.to_dict()))


def _pair_equal(old: object, new: object, amount: str, names: tuple[str, ...]) -> bool:
    """Equal for the pairs: every field but the quantity (capacity) the same."""
    return old is new or old == new or all(getattr(old, f) == getattr(new, f)
                                           for f in names if f != amount)


def _index(old_ids: list[str], new_ids: list[str]) -> I64:
    """For each old position, its new position (-1 where the id is gone)."""
    where = {v: i for i, v in enumerate(new_ids)}
    return np.fromiter((where.get(v, -1) for v in old_ids), dtype=np.int64,
                       count=len(old_ids))


def _kept(old_items: tuple[object, ...], new_items: tuple[object, ...], to_new: I64,
          old_open: B, new_open: B, amount: str, names: tuple[str, ...]) -> B:
    """Old positions whose item is still there, unchanged for its pairs."""
    kept = to_new >= 0
    at = np.flatnonzero(kept)
    for i in at.tolist():
        j = int(to_new[i])
        if old_items[i] is not new_items[j] and not _pair_equal(
                old_items[i], new_items[j], amount, names):
            kept[i] = False
    kept[at] &= old_open[at] == new_open[to_new[at]]
    return kept


def _same_place(old_xy: F64, new_xy: F64, to_new: I64, kept: B) -> bool:
    """Whether the kept items sit at the same projected point as before."""
    return bool(np.array_equal(old_xy[kept], new_xy[to_new[kept]], equal_nan=True))


def restrict(a: Arrays, needs: I64, res: I64) -> Arrays:
    """The arrays of the needs ``needs`` and resources ``res`` (sorted positions) alone,
    for finding their candidates: declined and pinned keys renumbered, no pinned pairs
    (their quantities are already out of ``n_left``/``r_left``)."""
    values: dict[str, Any] = {}
    for f in fields(Arrays):
        v = getattr(a, f.name)
        if f.name == "need_ids" or (f.name.startswith("n_") and f.name != "n_left"):
            values[f.name] = [v[i] for i in needs.tolist()] if isinstance(v, list) else v[needs]
        elif f.name == "res_ids" or (f.name.startswith("r_") and f.name != "r_left"):
            values[f.name] = [v[i] for i in res.tolist()] if isinstance(v, list) else v[res]
    need_pos = np.full(a.n_needs, -1, np.int64)
    need_pos[needs] = np.arange(len(needs))
    res_pos = np.full(a.n_res, -1, np.int64)
    res_pos[res] = np.arange(len(res))

    def keys(old: I64) -> I64:
        n, r = np.divmod(old, max(a.n_res, 1))
        ok = (need_pos[n] >= 0) & (res_pos[r] >= 0)
        return np.unique(need_pos[n[ok]] * len(res) + res_pos[r[ok]])

    empty = np.zeros(0, np.int64)
    return replace(a, **values, n_left=a.n_left[needs], r_left=a.r_left[res],
                   pin_need=empty, pin_res=empty, pin_qty=empty,
                   declined_keys=keys(a.declined_keys), pinned_keys=keys(a.pinned_keys))


def _found(a: Arrays, needs: I64, res: I64, max_online: int) -> Candidates:
    """The candidates among ``needs`` x ``res``, in the positions of ``a``."""
    if len(needs) == 0 or len(res) == 0:
        empty = np.zeros(0, np.int64)
        return Candidates(need=empty, res=empty, dist=np.zeros(0), online=empty > 0)
    c = find_candidates(restrict(a, needs, res), max_online)
    return Candidates(need=needs[c.need], res=res[c.res], dist=c.dist, online=c.online)


def _eligible_online(a: Arrays, res: I64) -> B:
    """Needs of ``a`` that could keep one of the online resources ``res``."""
    out = np.zeros(a.n_needs, np.bool_)
    online = res[a.r_mode[res] == ONLINE]
    if len(online) == 0:
        return out
    open_online = np.flatnonzero(a.n_online & (a.n_left > 0))
    for r in online.tolist():
        fits = a.r_fits[r, a.n_cat[open_online]] & (a.n_uom[open_online] == a.r_uom[r])
        out[open_online[fits]] = True
    return out


def reuse_pairs(work: PairWork, problem: Problem, a: Arrays, params: MatchParams,
                text_similarity: TextSimilarity | None, score: Scorer, combine: Combine,
                pinned_dist: F64) -> Pairs | None:
    """The pair stage of ``problem`` from ``work`` of an earlier run, computing only the
    pairs the change touches (see the module docstring); None when reuse does not apply.
    """
    old, oa = work.problem, work.arrays
    if work.params != params or work.model != pair_local_key(text_similarity) or \
            not _same_context(old, problem):
        return None
    texts = _texts(problem)
    if texts != _texts_of(work):
        return None
    need_to = _index(oa.need_ids, a.need_ids)
    res_to = _index(oa.res_ids, a.res_ids)
    need_kept = _kept(old.needs, problem.needs, need_to, oa.n_left > 0, a.n_left > 0,
                      "quantity", _NEED_FIELDS)
    res_kept = _kept(old.resources, problem.resources, res_to, oa.r_left > 0, a.r_left > 0,
                     "capacity", _RES_FIELDS)
    if not (_same_place(oa.n_xy, a.n_xy, need_to, need_kept)
            and _same_place(oa.r_xy, a.r_xy, res_to, res_kept)):
        return None  # the projection's origin moved: every distance with it
    if np.any(np.diff(res_to[res_kept]) <= 0):
        return None  # resources reordered: online ties are broken by resource order
    # resources new or changed (new positions), and the old ones gone or changed
    fresh_res = np.ones(a.n_res, np.bool_)
    fresh_res[res_to[res_kept]] = False
    added = np.flatnonzero(fresh_res)
    dirty = np.ones(a.n_needs, np.bool_)
    dirty[need_to[need_kept]] = False
    # needs that may keep other online candidates: near a withdrawn or changed one...
    was = _eligible_online(oa, np.flatnonzero(~res_kept)) & need_kept
    dirty[need_to[was]] = True
    # ... or near an added one (a superset: it is among their nearest of the added alone)
    all_needs = np.arange(a.n_needs)
    new_pairs = _found(a, all_needs, added, params.max_online_per_need)
    dirty[new_pairs.need[new_pairs.online]] = True
    # what is reused: pairs of clean needs and kept resources, in new positions
    n_new = need_to[work.cands.need]
    r_new = res_to[work.cands.res]
    use = need_kept[work.cands.need] & res_kept[work.cands.res]
    use[use] = ~dirty[n_new[use]]
    # computed afresh: every pair of a dirty need, the added resources' geo pairs
    d = np.flatnonzero(dirty)
    of_dirty = _found(a, d, np.arange(a.n_res), params.max_online_per_need)
    geo = ~new_pairs.online & ~dirty[new_pairs.need]
    fresh = _sorted(Candidates(
        need=np.r_[of_dirty.need, new_pairs.need[geo]], res=np.r_[of_dirty.res,
                                                                  new_pairs.res[geo]],
        dist=np.r_[of_dirty.dist, new_pairs.dist[geo]],
        online=np.r_[of_dirty.online, new_pairs.online[geo]]), a.n_res)
    fresh, fresh_refused = refused_by_facts(problem, a, fresh)
    k = len(fresh)
    f_feat, _, f_conf = score(np.r_[fresh.need, a.pin_need], np.r_[fresh.res, a.pin_res],
                                    np.r_[fresh.dist, pinned_dist])
    cands = Candidates(need=np.r_[n_new[use], fresh.need], res=np.r_[r_new[use], fresh.res],
                       dist=np.r_[work.cands.dist[use], fresh.dist],
                       online=np.r_[work.cands.online[use], fresh.online])
    keys = cands.need * a.n_res + cands.res
    in_order = bool(np.all(keys[1:] > keys[:-1]))  # e.g. a need added last
    order = np.arange(len(keys)) if in_order else np.argsort(keys, kind="stable")
    if not in_order:
        cands = _take(cands, order)
    features = _spliced(work.features, use, f_feat)
    conf = np.r_[work.conf[use], f_conf]
    if not in_order:
        rows = np.r_[order, np.arange(len(order), len(conf))]
        features, conf = features[rows], conf[rows]
    kept = _kept_refused(work.refused, need_to, res_to, need_kept & ~dirty[need_to], res_kept)
    refused = sorted(kept + fresh_refused)
    return Pairs(cands=cands, features=features, score=combine(features), conf=conf,
                 refused=refused, fresh=k + len(fresh_refused), texts=(texts,))


def _kept_refused(refused: list[tuple[int, int, str]], need_to: I64, res_to: I64,
                  need_clean: B, res_kept: B) -> list[tuple[int, int, str]]:
    """The refused pairs of clean needs and kept resources, in new positions."""
    if not refused:
        return []
    ref = np.array([(n, r) for n, r, _ in refused], np.int64)
    ok = need_clean[ref[:, 0]] & res_kept[ref[:, 1]]
    return [(n, r, why) for n, r, (_, _, why), keep in zip(
        need_to[ref[:, 0]].tolist(), res_to[ref[:, 1]].tolist(), refused, ok.tolist(),
        strict=True) if keep]


def _spliced(kept: F64, use: B, fresh: F64) -> F64:
    """``kept[use]`` then ``fresh``, written once into one new matrix (no intermediate
    copy of the millions of kept rows)."""
    n_use = int(np.count_nonzero(use))
    out = np.empty((n_use + len(fresh), kept.shape[1]), kept.dtype)
    np.compress(use, kept, axis=0, out=out[:n_use])
    out[n_use:] = fresh
    return out


def _take(c: Candidates, order: I64) -> Candidates:
    return Candidates(need=c.need[order], res=c.res[order], dist=c.dist[order],
                      online=c.online[order])


def _sorted(c: Candidates, n_res: int) -> Candidates:
    return _take(c, np.argsort(c.need * n_res + c.res, kind="stable"))


def forget() -> None:
    """Drop every kept pair work (the next run of each computes all its pairs)."""
    with _LOCK:
        _CACHE.clear()
