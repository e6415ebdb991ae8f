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

The work also keeps, for the next re-run, what the later stages made of the run: the
column arrays are spliced from the kept rows (:func:`reused_arrays`: items mapped by
address, only new or changed items read), the ids' keys, where the previous model's
pairs went (:func:`model_moves`, for the incremental solve), the reasons of needs
without a candidate (:func:`kept_reasons`) and the reported pair and utilisation objects
(:func:`kept_rows`, :func:`kept_objects`), each reused only where nothing it reads moved.
"""

from __future__ import annotations

import bisect
import hashlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from matching.acceptance import LOW
from matching.arrays import F64, I64, ONLINE, Arrays, B, _build, _project
from matching.candidates import Candidates, find_candidates, refused_by_facts
from matching.explain import Reasons, _pairs_in_reach
from matching.growable import appended, room_for
from matching.incremental import Keys, Moves, id_keys
from matching.params import MatchParams
from matching.problem import NeedItem, Problem, ResourceItem
from matching.text import (
    TextSimilarity,
    item_text,
    pair_local_key,
    tfidf_evidence,
    tfidf_evidence_unique,
)
from matching.units import fits_matrix

CACHE_SIZE = 2
_CACHE: OrderedDict[str, PairWork] = OrderedDict()
_LOCK = threading.Lock()

TextCounts = tuple[dict[str, int], dict[str, int]]
"""How many needs and how many resources have each text (its keys: the distinct texts)."""
Scorer = Callable[[I64, I64, F64, "F64 | None"], tuple[F64, F64, I64]]
"""``f(need, res, dist, text) -> (features, scores, confidence codes)`` of pairs, as a
run scores them (``text``: their text similarities when known, else computed)."""
Combine = Callable[[F64], F64]
"""The scores of a feature matrix (row by row: a row's score does not depend on the rows
given with it, :func:`matching.scores.combine`)."""

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
    texts: list[TextCounts]  # how many items have each text, once known
    cands: Candidates
    features: F64
    conf: I64
    refused: list[tuple[int, int, str]]
    score: F64  # (each row's alone: matching.scores.combine)
    # what a re-run reads of the kept problem, computed at its first reuse (items by
    # address, places, vocabulary sizes) or handed on by the run that made the work
    memo: dict[str, Any] = field(default_factory=dict)


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
    texts: tuple[TextCounts, ...] = ()  # how many items have each text, when known


def text_counts(need_texts: list[str], res_texts: list[str]) -> TextCounts:
    """How many needs and resources have each text (in the order first seen), from the
    lists of every item's text a full computation builds anyway."""
    return dict(Counter(need_texts)), dict(Counter(res_texts))


def _count_texts(items: tuple[Any, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for x in items:
        t = item_text(x.title, x.description)
        counts[t] = counts.get(t, 0) + 1
    return counts


def _texts_of(work: PairWork) -> TextCounts:
    """How many items of the work's problem have each text (counted at its first
    reuse, or handed on by the re-run that made the work)."""
    if not work.texts:
        work.texts.append((_count_texts(work.problem.needs),
                           _count_texts(work.problem.resources)))
    return work.texts[0]


def _texts_after(work: PairWork, problem: Problem, ch: Change) -> TextCounts | None:
    """The text counts of ``problem`` from the work's, reading only the items that are
    not the kept objects; None when the set of distinct texts of a side changed (every
    TF-IDF weight moves then)."""
    out = []
    for counts, old_items, new_items, same, old in (
            (_texts_of(work)[0], work.problem.needs, problem.needs, ch.need_same,
             ch.need_old),
            (_texts_of(work)[1], work.problem.resources, problem.resources, ch.res_same,
             ch.res_old)):
        counts = counts.copy()
        for j in np.flatnonzero(old < 0).tolist():
            t = item_text(new_items[j].title, new_items[j].description)
            if t not in counts:
                return None
            counts[t] += 1
        for i in np.flatnonzero(~same).tolist():
            t = item_text(old_items[i].title, old_items[i].description)
            counts[t] -= 1
            if counts[t] == 0:
                return None
        out.append(counts)
    return out[0], out[1]


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
                    pairs.features[:k], pairs.conf[:k], pairs.refused, pairs.score[:k],
                    dict(problem._cache.get("next_memo", {})))
    _places(work)  # read now, while the items are warm in the caches
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


def _kept(old_items: tuple[object, ...], new_items: tuple[object, ...], to_new: I64,
          same: B, old_open: B, new_open: B, amount: str, names: tuple[str, ...]) -> B:
    """Old positions whose item is still there (the same object, or one of the same id
    equal for its pairs), open as it was."""
    kept = same.copy()
    for i in np.flatnonzero(~same & (to_new >= 0)).tolist():
        kept[i] = _pair_equal(old_items[i], new_items[int(to_new[i])], amount, names)
    at = np.flatnonzero(kept)
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


def _groups_for(a: Arrays, needs: I64) -> I64:
    """The resources of every group :func:`matching.candidates.find_candidates` could
    pair with one of ``needs`` (all resources of a key, unit of measure and category,
    one of which fits a need's category in a unit that serves the need's,
    :func:`matching.units.fits_matrix`): whole groups, so their reach bins
    and the online ranking among them are the same as among all resources (one added
    need: 150,000 resources -> a few thousand, its candidates 0.09 s -> a few ms)."""
    n_cats = len(a.categories)
    wanted = np.unique(a.n_uom[needs] * n_cats + a.n_cat[needs])
    if len(wanted) == 0 or len(wanted) > 32:  # none, or a large change: every resource
        return np.arange(a.n_res) if len(wanted) else np.zeros(0, np.int64)
    units = fits_matrix(a.units_of_measure)
    r_key = a.r_uom * n_cats + a.r_cat
    keys = [r_key[units[a.r_uom, w // n_cats] & a.r_fits[:, w % n_cats]] for w in
            wanted.tolist()]
    out: I64 = np.flatnonzero(np.isin(r_key, np.unique(np.concatenate(keys))))
    return out


def _eligible_online(a: Arrays, res: I64) -> B:
    """Needs of ``a`` that could keep one of the online resources ``res``."""
    out = np.zeros(a.n_needs, np.bool_)
    online = res[a.r_mode[res] == ONLINE]
    if len(online) == 0:
        return out
    open_online = np.flatnonzero(a.n_online & (a.n_left > 0))
    units = fits_matrix(a.units_of_measure)
    for r in online.tolist():
        fits = a.r_fits[r, a.n_cat[open_online]] & units[a.r_uom[r], a.n_uom[open_online]]
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
    ch = change_of(work, problem)
    texts = _texts_after(work, problem, ch)
    if texts is None:
        return None
    need_to, res_to = ch.need_to, ch.res_to
    need_kept = _kept(old.needs, problem.needs, ch.need_to, ch.need_same, oa.n_left > 0,
                      a.n_left > 0, "quantity", _NEED_FIELDS)
    res_kept = _kept(old.resources, problem.resources, ch.res_to, ch.res_same,
                     oa.r_left > 0, a.r_left > 0, "capacity", _RES_FIELDS)
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
    # (an item's position moves only when items before it went or came: mostly none)
    n_new = work.cands.need if _unmoved(need_to) else need_to[work.cands.need]
    r_new = work.cands.res if _unmoved(res_to) else res_to[work.cands.res]
    use = need_kept[work.cands.need] & res_kept[work.cands.res]
    use[use] = ~dirty[n_new[use]]
    # computed afresh: every pair of a dirty need, the added resources' geo pairs
    d = np.flatnonzero(dirty)
    of_dirty = _found(a, d, _groups_for(a, d), params.max_online_per_need)
    geo = ~new_pairs.online & ~dirty[new_pairs.need]
    fresh = _sorted(Candidates(
        need=np.r_[of_dirty.need, new_pairs.need[geo]], res=np.r_[of_dirty.res,
                                                                  new_pairs.res[geo]],
        dist=np.r_[of_dirty.dist, new_pairs.dist[geo]],
        online=np.r_[of_dirty.online, new_pairs.online[geo]]), a.n_res)
    fresh, fresh_refused = refused_by_facts(problem, a, fresh)
    k = len(fresh)
    f_need, f_res = np.r_[fresh.need, a.pin_need], np.r_[fresh.res, a.pin_res]
    f_feat, _, f_conf = score(f_need, f_res, np.r_[fresh.dist, pinned_dist],
                              _text_of(texts, problem, f_need, f_res, text_similarity))
    # every kept row where it was (a need added, say): the fresh rows are written after
    # them, in the kept arrays' own room when no other re-run wrote there (no copy of
    # the millions of kept rows: matching.growable)
    grow = n_new is work.cands.need and r_new is work.cands.res and bool(use.all())
    if grow:
        cands = Candidates(*(appended(getattr(work.cands, f), getattr(fresh, f))
                             for f in ("need", "res", "dist", "online")))
    else:
        cands = Candidates(need=np.r_[n_new[use], fresh.need],
                           res=np.r_[r_new[use], fresh.res],
                           dist=np.r_[work.cands.dist[use], fresh.dist],
                           online=np.r_[work.cands.online[use], fresh.online])
    n_use = len(cands) - k
    if _rising(need_to, need_kept) and _rising(res_to, res_kept):
        # the kept rows keep their order: only the fresh ones and the seam are read
        keys = fresh.need * a.n_res + fresh.res
        last = cands.need[n_use - 1] * a.n_res + cands.res[n_use - 1] if n_use else -1
        in_order = bool(np.all(keys[1:] > keys[:-1])) and (k == 0 or keys[0] > last)
    else:
        keys = cands.need * a.n_res + cands.res
        in_order = bool(np.all(keys[1:] > keys[:-1]))  # e.g. a need added last
    order = None
    if not in_order:
        keys = cands.need * a.n_res + cands.res
        order = np.argsort(keys, kind="stable")
        cands = _take(cands, order)
    problem._cache["moves"] = (work, use, order)
    if grow:  # (a row's score is its own: the kept rows keep theirs)
        features, conf = appended(work.features, f_feat), appended(work.conf, f_conf)
        scores = appended(work.score, combine(f_feat))
    else:
        features, conf = _spliced(work.features, use, f_feat), np.r_[work.conf[use], f_conf]
    if order is not None:
        rows = np.r_[order, np.arange(len(order), len(conf))]
        features, conf = features[rows], conf[rows]
        if grow:
            scores = scores[rows]
    if not grow:
        scores = combine(features)
    kept = _kept_refused(work.refused, need_to, res_to, need_kept & ~dirty[need_to], res_kept)
    refused = kept + fresh_refused
    if kept and fresh_refused and kept[-1] >= fresh_refused[0]:
        refused.sort()  # (fresh pairs of a need added last come after the kept)
    return Pairs(cands=cands, features=features, score=scores, conf=conf,
                 refused=refused, fresh=k + len(fresh_refused), texts=(texts,))


def model_moves(previous: dict[str, Any] | None, problem: Problem, conf: I64
                ) -> Moves | None:
    """Where the previous run's model went in this run's (whose candidates have the
    confidence codes ``conf``): per pair of the new model its index in the previous
    model, per previous need and resource its new index (:class:`Moves`, for the
    incremental solve); None when this run's pairs were not taken from that run."""
    work = recall((previous or {}).get("pair_work"))
    moved, change = problem._cache.get("moves"), problem._cache.get("change")
    if work is None or not isinstance(moved, tuple) or moved[0] is not work or \
            not isinstance(change, tuple) or change[0] is not work:
        return None
    ch: Change = change[1]
    old_ok, new_ok = work.conf != LOW, conf != LOW
    use: B = moved[1]
    order: I64 | None = moved[2]
    if order is None:
        # the kept rows first, in their order and with their codes, then the fresh ones:
        # the previous model's pairs but those of rows left out, then the fresh pairs
        old_pairs = np.flatnonzero(old_ok)
        gone = np.searchsorted(old_pairs, np.flatnonzero(old_ok & ~use))
        kept = np.delete(np.arange(len(old_pairs)), gone)
        n_new = int(np.count_nonzero(new_ok))
        if n_new >= len(kept):
            return Moves(np.r_[kept, np.full(n_new - len(kept), -1, np.int64)], ch.need_to,
                         ch.res_to)
    # the general case: where each kept row went, by the order the rows were sorted in
    cand_of_old = np.full(len(work.cands), -1, np.int64)
    n_use = int(np.count_nonzero(use))
    if order is None:
        cand_of_old[use] = np.arange(n_use)
    else:
        inverse = np.empty(len(order), np.int64)
        inverse[order] = np.arange(len(order))
        cand_of_old[use] = inverse[:n_use]
    old_pair = np.cumsum(old_ok) - 1
    new_pair = np.cumsum(new_ok) - 1
    pair_old = np.full(int(np.count_nonzero(new_ok)), -1, np.int64)
    ok = np.flatnonzero(old_ok & (cand_of_old >= 0))
    ok = ok[new_ok[cand_of_old[ok]]]
    pair_old[new_pair[cand_of_old[ok]]] = old_pair[ok]
    return Moves(pair_old, ch.need_to, ch.res_to)


def kept_reasons(previous: dict[str, Any] | None, problem: Problem, a: Arrays
                 ) -> Reasons | None:
    """The reasons of needs without a candidate the previous run found
    (:func:`keep_reasons`), by this run's need index, for the needs that are the same
    objects and in reach of no resource added, withdrawn or changed since (a reason reads
    the need and every resource in its reach, any category, and the context, which is
    the same); None when there are none."""
    work = recall((previous or {}).get("pair_work"))
    change = problem._cache.get("change")
    if work is None or "reasons" not in work.memo or not isinstance(change, tuple) or \
            change[0] is not work:
        return None
    ch: Change = change[1]
    old: Reasons = work.memo["reasons"]
    near = np.zeros(len(ch.need_same), np.bool_)
    near_new = np.zeros(len(ch.need_old), np.bool_)
    if not ch.res_same.all() or np.any(ch.res_old < 0):
        near = _near(work.arrays, np.flatnonzero(~ch.res_same))
        near_new = _near(a, np.flatnonzero(ch.res_old < 0))
    out: Reasons = {}
    for i, why in old.items():
        j = int(ch.need_to[i])
        if ch.need_same[i] and not near[i] and not near_new[j]:
            out[j] = why
    return out


@dataclass(frozen=True, eq=False)
class PairRows:
    """A run's reported pairs as rows: need and resource positions, what each reports
    (quantity, score, rounded features, alternative score, whether it has one, pinned,
    confidence code), the alternative's resource position, and the objects themselves
    (in row order): a re-run reports an equal row with the same object."""

    need: I64
    res: I64
    values: F64
    alt_res: I64
    objects: list[Any]
    by_key: tuple[I64, I64] | None = None  # sorted need * n_res + res, and the rows


def keep_rows(token: str, rows: PairRows, n_res: int) -> None:
    """Keep a run's reported pairs (:class:`PairRows`) with its pair work."""
    work = recall(token)
    if work is not None:
        key = rows.need * max(n_res, 1) + rows.res
        order = np.argsort(key, kind="stable")
        work.memo["pair_rows"] = replace(rows, by_key=(key[order], order))


def kept_rows(previous: dict[str, Any] | None, problem: Problem, rows: PairRows
              ) -> I64 | None:
    """For each of ``rows`` (this run's), the row of the previous run that reports the
    very same (same need and resource objects, equal values, the same alternative), or
    -1; None when the previous run's rows are not kept."""
    work = recall((previous or {}).get("pair_work"))
    change = problem._cache.get("change")
    if work is None or not isinstance(change, tuple) or change[0] is not work:
        return None
    old: PairRows | None = work.memo.get("pair_rows")
    if old is None or old.by_key is None or len(old.need) == 0:
        return None
    ch: Change = change[1]
    n_res = max(len(ch.res_same), 1)
    need, res = ch.need_old[rows.need], ch.res_old[rows.res]
    key = need * n_res + res
    keys, order = old.by_key
    at = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
    j = order[at]
    same = (need >= 0) & (res >= 0) & (keys[at] == key)
    same &= np.all(old.values[j] == rows.values, axis=1)
    alt = old.alt_res[j]
    alt_now = np.where(alt >= 0, ch.res_to[np.maximum(alt, 0)], -1)
    same &= (alt_now == rows.alt_res) & ((alt < 0) | (alt_now >= 0))
    out: I64 = np.where(same, j, -1)
    return out


def id_keys_of(previous: dict[str, Any] | None, problem: Problem, a: Arrays, token: str
               ) -> Keys:
    """The ids' keys of the needs, resources and units of ``a`` (:func:`id_keys`): those
    of the items kept (the same objects) from the previous run's, the others hashed;
    kept with this run's pair work under ``token``."""
    work = recall((previous or {}).get("pair_work"))
    change = problem._cache.get("change")
    old: Keys | None = work.memo.get("keys") if work is not None else None
    keys: Keys | None = None
    if old is not None and work is not None and isinstance(change, tuple) and \
            change[0] is work and work.arrays.units == a.units:
        ch: Change = change[1]
        parts = []
        for kept, at, ids in ((old.need, ch.need_old, a.need_ids),
                              (old.res, ch.res_old, a.res_ids)):
            fresh = np.flatnonzero(at < 0)
            parts.append(_rows(kept, at, id_keys([ids[j] for j in fresh.tolist()])))
        keys = Keys(parts[0], parts[1], old.unit)
    if keys is None:
        keys = Keys(id_keys(a.need_ids), id_keys(a.res_ids), id_keys(a.units))
    mine = recall(token)
    if mine is not None:
        mine.memo["keys"] = keys
    return keys


def kept_objects(previous: dict[str, Any] | None, problem: Problem, token: str, name: str,
                 values: NDArray[Any], make: Callable[[list[int]], list[Any]]
                 ) -> list[Any]:
    """One reported object per resource (``name``: e.g. its utilisation), made by
    ``make(positions)`` from this run's ``values``: the previous run's object for a
    resource that is the same object with the same value (the objects are frozen), made
    afresh for the others; kept for the next run under ``token``."""
    work = recall((previous or {}).get("pair_work"))
    change = problem._cache.get("change")
    old = work.memo.get(name) if work is not None else None
    n = len(values)
    if old is not None and work is not None and isinstance(change, tuple) and \
            change[0] is work:
        ch: Change = change[1]
        objects, old_values = old
        at = ch.res_old
        same = at >= 0
        same[same] = old_values[at[same]] == values[same]
        out: list[Any] = [objects[j] if ok else None
                          for j, ok in zip(at.tolist(), same.tolist(), strict=True)]
        fresh = np.flatnonzero(~same).tolist()
        for k, obj in zip(fresh, make(fresh), strict=True):
            out[k] = obj
    else:
        out = make(list(range(n)))
    mine = recall(token)
    if mine is not None:
        mine.memo[name] = (out, values)
    return out


def keep_reasons(token: str, reasons: Reasons) -> None:
    """Keep a run's reasons of needs without a candidate with its pair work."""
    work = recall(token)
    if work is not None:
        work.memo["reasons"] = reasons


def _near(a: Arrays, res: I64) -> B:
    """Needs of ``a`` in reach of one of the resources ``res`` (any category)."""
    out = np.zeros(a.n_needs, np.bool_)
    if len(res):
        every = np.arange(a.n_needs)
        pn, _ = _pairs_in_reach(restrict(a, every, res), every)
        out[pn] = True
    return out


def _text_of(texts: TextCounts, problem: Problem, need: I64, res: I64,
             text_similarity: TextSimilarity | None) -> F64:
    """The text similarity of pairs ``(need[k], res[k])``, the model asked with the
    distinct texts of each side (the keys of ``texts``, in the order they were first
    seen) instead of every item's: a pair-local model gives the same values
    (:func:`matching.text.pair_local`), without a list of every item's text."""
    similarity = text_similarity or tfidf_evidence
    if len(need) == 0:
        return np.zeros(0, np.float64)
    out = []
    for counts, items, at in ((texts[0], problem.needs, need), (texts[1], problem.resources,
                                                                 res)):
        wanted = np.unique(at).tolist()
        text = {i: item_text(items[i].title, items[i].description) for i in wanted}
        names = set(text.values())
        position = {t: k for k, t in enumerate(counts) if t in names} if \
            len(names) > 64 else {t: list(counts).index(t) for t in names}
        code = np.zeros(len(items), np.int64)
        for i, t in text.items():
            code[i] = position[t]
        out.append((list(counts), code[at]))
    if similarity is tfidf_evidence:  # the texts are distinct already: no numbering
        got: F64 = tfidf_evidence_unique(out[0][0], out[1][0], out[0][1], out[1][1])
        return got
    got = similarity(out[0][0], out[1][0], out[0][1], out[1][1])
    return got


def _unmoved(to: I64) -> bool:
    """Whether every old position is its new one (items only added at the end)."""
    return bool(np.array_equal(to, np.arange(len(to))))


def _rising(to: I64, kept: B) -> bool:
    """Whether the kept items' new positions rise with their old ones (their pairs,
    sorted before, stay sorted)."""
    at = to[kept]
    return bool(np.all(at[1:] > at[:-1]))


def _kept_refused(refused: list[tuple[int, int, str]], need_to: I64, res_to: I64,
                  need_clean: B, res_kept: B) -> list[tuple[int, int, str]]:
    """The refused pairs of clean needs and kept resources, in new positions (sorted, as
    ``refused`` is). When no item before another moved and every resource is kept (a
    need added, say), the list as it is but the ranges of the needs not clean, found by
    bisection (it is sorted by need): no pass over its 400k pairs at 100,000 needs."""
    if not refused:
        return []
    if res_kept.all() and _unmoved(need_to) and _unmoved(res_to):
        out = refused
        for n in np.flatnonzero(~need_clean)[::-1].tolist():
            lo = bisect.bisect_left(out, (n,))
            hi = bisect.bisect_left(out, (n + 1,), lo)
            if hi > lo:
                out = out[:lo] + out[hi:]
        return out
    ref = np.array([(n, r) for n, r, _ in refused], np.int64)
    ok = need_clean[ref[:, 0]] & res_kept[ref[:, 1]]
    return sorted((n, r, why) for n, r, (_, _, why), keep in zip(
        need_to[ref[:, 0]].tolist(), res_to[ref[:, 1]].tolist(), refused, ok.tolist(),
        strict=True) if keep)


def _spliced(kept: F64, use: B, fresh: F64) -> F64:
    """``kept[use]`` then ``fresh``, written once into one new matrix (no intermediate
    copy of the millions of kept rows): run by run when few rows are left out (a slice
    copy each), else one gather (``np.compress`` of rows is ten times slower)."""
    n_use = int(np.count_nonzero(use))
    out = room_for(n_use + len(fresh), kept.shape[1:], kept.dtype)  # the next re-run's
    gaps = np.flatnonzero(~use)
    if len(gaps) <= 4096:
        starts, ends = np.r_[0, gaps + 1], np.r_[gaps, len(use)]
        at = 0
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
            if e > s:
                out[at:at + e - s] = kept[s:e]
                at += e - s
    else:
        np.take(kept, np.flatnonzero(use), axis=0, out=out[:n_use])
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


@dataclass(frozen=True, eq=False)
class Change:
    """How the items of a new problem map onto those of a kept run.

    ``need_old[j]``: the old position of new need ``j`` when it is the very same object
    (items are frozen), else -1; ``need_to[i]``: the new position of old need ``i``
    (the same object, or an item of the same id), else -1; ``need_same[i]``: old need
    ``i`` is there as the same object. Likewise for resources."""

    need_old: I64
    need_to: I64
    need_same: B
    res_old: I64
    res_to: I64
    res_same: B


def _addresses(items: tuple[object, ...]) -> I64:
    return np.fromiter(map(id, items), dtype=np.int64, count=len(items))


def _side(work: PairWork, which: str) -> tuple[I64, I64]:
    """The kept problem's items of one side by address: sorted addresses, positions."""
    key = f"{which}_addresses"
    if key not in work.memo:
        addr = _addresses(getattr(work.problem, which))
        order = np.argsort(addr, kind="stable")
        work.memo[key] = (addr[order], order)
    got: tuple[I64, I64] = work.memo[key]
    return got


def _mapped(work: PairWork, which: str, items: tuple[Any, ...]) -> tuple[I64, I64, B]:
    """``(old, to, same)`` of one side (see :class:`Change`): by identity, then the items
    left over on both sides matched by id (a changed item is a new object)."""
    sorted_addr, order = _side(work, which)
    old_items = getattr(work.problem, which)
    new_addr = _addresses(items)
    old = np.full(len(items), -1, np.int64)
    if len(sorted_addr):
        at = np.minimum(np.searchsorted(sorted_addr, new_addr), len(sorted_addr) - 1)
        hit = sorted_addr[at] == new_addr
        old[hit] = order[at[hit]]
    to = np.full(len(old_items), -1, np.int64)
    found = np.flatnonzero(old >= 0)
    to[old[found]] = found
    same = to >= 0
    fresh = np.flatnonzero(old < 0)
    gone = np.flatnonzero(~same)
    if len(fresh) and len(gone):
        by_id = {old_items[i].id: i for i in gone.tolist()}
        for j in fresh.tolist():
            i = by_id.get(items[j].id)
            if i is not None:
                to[i] = j
    return old, to, same


def change_of(work: PairWork, problem: Problem) -> Change:
    """How ``problem``'s items map onto the kept run's (kept in the problem's cache)."""
    cached = problem._cache.get("change")
    if isinstance(cached, tuple) and cached[0] is work:
        got: Change = cached[1]
        return got
    change = Change(*_mapped(work, "needs", problem.needs),
                    *_mapped(work, "resources", problem.resources))
    problem._cache["change"] = (work, change)
    return change


def _places(work: PairWork) -> tuple[F64, F64, F64, F64]:
    """The latitudes and longitudes of the kept problem's needs and resources."""
    if "places" not in work.memo:
        p = work.problem
        work.memo["places"] = tuple(
            np.fromiter((getattr(x, f) for x in items), dtype=np.float64, count=len(items))
            for items in (p.needs, p.resources) for f in ("lat", "lon"))
    got: tuple[F64, F64, F64, F64] = work.memo["places"]
    return got


def _origin(lat: F64, lon: F64) -> tuple[float, float]:
    """The projection's origin, as :func:`matching.arrays.arrays_of` rounds it."""
    ok = ~np.isnan(lat)
    if not ok.any():
        return 0.0, 0.0
    return round(float(np.mean(lat[ok])), 2), round(float(np.mean(lon[ok])), 2)


def _rows(old: NDArray[Any], at: I64, fresh: NDArray[Any]) -> NDArray[Any]:
    """Rows ``old[at[j]]`` where ``at[j] >= 0``, the ``fresh`` rows elsewhere, in order."""
    out = np.empty((len(at), *old.shape[1:]), old.dtype)
    keep = at >= 0
    out[keep] = old[at[keep]]
    out[~keep] = fresh
    return out


def _ids(old: list[str], at: I64, items: tuple[Any, ...]) -> list[str]:
    """The ids of ``items`` (``old[at[j]]`` where kept): the old list and the new ids
    when items were only added at the end."""
    n = len(old)
    if len(at) >= n and np.array_equal(at[:n], np.arange(n)) and np.all(at[n:] < 0):
        return [*old, *(x.id for x in items[n:])]
    return [x.id for x in items]


def _in_order(codes: list[I64], head: int) -> bool:
    """Whether the codes (concatenated) are exactly ``0 .. head - 1``, each first seen
    after the one before: the vocabulary a full build numbers in first-seen order."""
    allc = np.concatenate(codes) if codes else np.zeros(0, np.int64)
    if len(allc) == 0:
        return head == 0
    if int(allc.min()) < 0 or int(allc.max()) >= head:
        return False
    first = np.full(head, len(allc), np.int64)
    np.minimum.at(first, allc, np.arange(len(allc)))
    return bool(first[-1] < len(allc) and np.all(np.diff(first) > 0))


def _head(codes: list[I64]) -> int:
    allc = np.concatenate(codes) if codes else np.zeros(0, np.int64)
    return int(allc.max()) + 1 if len(allc) else 0


_VOCABS = (("categories", ("n_cat", "r_cat")), ("units_of_measure", ("n_uom", "r_uom")),
           ("communities", ("n_comm",)), ("units", ("r_unit",)),
           ("streets", ("n_street", "r_street")))


def reused_arrays(previous: dict[str, Any] | None, problem: Problem) -> Arrays | None:
    """The column arrays of ``problem`` from those of the run of ``previous`` (its kept
    pair work): the rows of the items kept (the same objects) copied, only the new or
    changed items read; the very arrays :func:`matching.arrays.arrays_of` builds. None
    (build them all) when the work is gone, the context differs, or the change moves what
    every row depends on (a vocabulary's order, the projection's origin)."""
    work = recall((previous or {}).get("pair_work"))
    if work is None or not _same_context(work.problem, problem):
        return None
    cached = problem._cache.get("arrays")
    if isinstance(cached, Arrays):
        return cached
    built = _spliced_arrays(work, problem)
    if built is not None:
        problem._cache["arrays"] = built
    return built


def _spliced_arrays(work: PairWork, problem: Problem) -> Arrays | None:
    oa, old = work.arrays, work.problem
    ch = change_of(work, problem)
    fresh_needs = [problem.needs[j] for j in np.flatnonzero(ch.need_old < 0).tolist()]
    fresh_res = [problem.resources[j] for j in np.flatnonzero(ch.res_old < 0).tolist()]
    gone_res = [old.resources[i] for i in np.flatnonzero(~ch.res_same).tolist()]
    mini = _build(Problem(fresh_needs, fresh_res, problem.taxonomy))  # no pair context:
    # these rows do not read it
    values: dict[str, Any] = {}
    memo: dict[str, Any] = {}  # handed on to the work this run keeps
    # vocabularies: the kept ones, in the order a full build finds them
    for vocab, columns in _VOCABS:
        index = {v: i for i, v in enumerate(getattr(oa, vocab))}
        names: list[str] = getattr(mini, vocab)
        if any(v not in index for v in names):
            return None
        remap = np.array([index[v] for v in names], np.int64)
        codes = []
        for col in columns:
            at = ch.need_old if col.startswith("n_") else ch.res_old
            new = getattr(mini, col)
            values[col] = _rows(getattr(oa, col), at, remap[new] if len(new) else new)
            codes.append(values[col])
        # the codes the items use come first in the vocabulary, in first-seen order
        head = work.memo.setdefault(f"{vocab}_head",
                                    _head([getattr(oa, c) for c in columns]))
        if not _in_order(codes, head):
            return None
        memo[f"{vocab}_head"] = head
        if vocab == "categories" and any(index[c] >= head for r in (*fresh_res, *gone_res)
                                         for c in r.also_categories):
            return None  # a category served only besides: its place in the list may move
        values[vocab] = getattr(oa, vocab)
    if len(oa.categories) > memo["categories_head"] and \
            np.any(np.diff(ch.res_old[ch.res_old >= 0]) <= 0):
        return None  # resources reordered: the categories served besides may move
    # the projection's origin: every distance moves with it
    n_lat, n_lon, r_lat, r_lon = _places(work)

    def place(col: F64, at: I64, items: list[Any], f: str) -> F64:
        return _rows(col, at, np.array([getattr(x, f) for x in items], np.float64))

    lat = (place(n_lat, ch.need_old, fresh_needs, "lat"),
           place(n_lon, ch.need_old, fresh_needs, "lon"),
           place(r_lat, ch.res_old, fresh_res, "lat"), place(r_lon, ch.res_old, fresh_res, "lon"))
    origin = _origin(np.r_[lat[0], lat[2]], np.r_[lat[1], lat[3]])
    if origin != _origin(np.r_[n_lat, r_lat], np.r_[n_lon, r_lon]):
        return None
    mini_n_xy = _project(lat[0][ch.need_old < 0], lat[1][ch.need_old < 0], *origin)
    mini_r_xy = _project(lat[2][ch.res_old < 0], lat[3][ch.res_old < 0], *origin)
    for f in fields(Arrays):
        name = f.name
        if name in values or name in ("n_left", "r_left"):
            continue
        if name in ("need_ids", "res_ids"):
            values[name] = _ids(getattr(oa, name), ch.need_old if name == "need_ids" else
                                ch.res_old, problem.needs if name == "need_ids" else
                                problem.resources)
        elif name == "n_xy":
            values[name] = _rows(oa.n_xy, ch.need_old, mini_n_xy)
        elif name == "r_xy":
            values[name] = _rows(oa.r_xy, ch.res_old, mini_r_xy)
        elif name in ("r_serves", "r_fits"):
            continue
        elif name.startswith("n_"):
            values[name] = _rows(getattr(oa, name), ch.need_old, getattr(mini, name))
        elif name.startswith("r_"):
            values[name] = _rows(getattr(oa, name), ch.res_old, getattr(mini, name))
    # the categories each new resource serves, in the kept columns
    index = {v: i for i, v in enumerate(oa.categories)}
    serves = np.zeros((len(fresh_res), len(oa.categories)), np.bool_)
    cols = np.array([index[c] for c in mini.categories], np.int64)
    if len(fresh_res):
        serves[:, cols] = mini.r_serves
    fits = serves | ((serves.astype(np.int64) @ oa.related.astype(np.int64)) > 0)
    values["r_serves"] = _rows(oa.r_serves, ch.res_old, serves)
    values["r_fits"] = _rows(oa.r_fits, ch.res_old, fits)
    values["related"] = oa.related
    # pinned and declined pairs by their new positions (the same pairs: same context)
    if np.any(ch.need_to[oa.pin_need] < 0) or np.any(ch.res_to[oa.pin_res] < 0):
        return None
    n_needs, n_res = len(problem.needs), len(problem.resources)
    pin_need, pin_res = ch.need_to[oa.pin_need], ch.res_to[oa.pin_res]
    dn, dr = np.divmod(oa.declined_keys, max(oa.n_res, 1))
    if np.any(ch.need_to[dn] < 0) or np.any(ch.res_to[dr] < 0):
        return None
    values.update(
        pin_need=pin_need, pin_res=pin_res, pin_qty=oa.pin_qty,
        n_left=values["n_qty"] - np.bincount(pin_need, weights=oa.pin_qty,
                                             minlength=n_needs).astype(np.int64),
        r_left=values["r_cap"] - np.bincount(pin_res, weights=oa.pin_qty,
                                             minlength=n_res).astype(np.int64),
        declined_keys=np.sort(ch.need_to[dn] * n_res + ch.res_to[dr]),
        pinned_keys=np.unique(pin_need * n_res + pin_res))
    memo["places"] = lat
    problem._cache["next_memo"] = memo
    return Arrays(**values)
