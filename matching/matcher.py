"""The front door: ``match(problem, params, method)``.

Stages (each timed): candidates -> scores -> solve -> explain -> scarcity -> validate.
"""

from __future__ import annotations

import gc
import math
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from operator import attrgetter, itemgetter
from typing import Any

import numpy as np

from matching import workers
from matching.acceptance import CONFIDENCE, LOW, confidence_codes
from matching.arrays import F64, I64, ONLINE, Arrays, B, arrays_of
from matching.candidates import Candidates, find_candidates, refused_by_facts
from matching.certified import solve_certified
from matching.errors import UnknownMethod
from matching.explain import Reasons, alternatives, best_by_need, unserved
from matching.flow import build_network
from matching.greedy import solve_greedy
from matching.incremental import Keys, Moves, Warm, id_keys
from matching.lp import solve_lp
from matching.model import Model, Solution, build_model, model_objective
from matching.params import FEATURES, MatchParams
from matching.problem import NeedItem, Problem, ResourceItem
from matching.result import MatchResult, Pair, Shortfall, Unserved, Utilisation
from matching.reuse import (
    PairRows,
    Pairs,
    Scorer,
    id_keys_of,
    keep_reasons,
    keep_rows,
    kept_objects,
    kept_reasons,
    kept_rows,
    model_moves,
    recall,
    remember,
    reuse_pairs,
    reused_arrays,
    text_counts,
)
from matching.scarcity import ScarcityRow, certified_gains, flow_gains, scarcity_rows
from matching.scores import combine, feature_matrix
from matching.text import TextSimilarity, fit_in_background, item_text
from matching.validate import check_result

METHODS = ("flow", "lp", "greedy")
# the stages of a run, in their order (each one timed in ``MatchResult.timings``)
STAGES = ("candidates", "scores", "solve", "explain", "scarcity", "validate")
SCARCITY_EXACT = "exact: shortest paths from the sink in the residual network (node potentials)"
SCARCITY_DUALS = ("exact: node potentials (dual values) of the certified solve, residual "
                  "distances from the sink of the full network")
SCARCITY_RELAXED = ("approximate: residual shortest paths of the flow relaxation at the MILP "
                    "solution (per-unit project limits ignored)")


def _solver(method: str, model: Model, params: MatchParams, a: Arrays,
            previous: Warm | None, moves: Moves | None = None,
            keys: Keys | None = None) -> Solution:
    if method == "greedy":
        return solve_greedy(model)
    if method == "lp" or model.has_project_limits:
        return solve_lp(model, params.time_limit_s)
    keys = keys or Keys(id_keys(a.need_ids), id_keys(a.res_ids), id_keys(a.units))
    return solve_certified(model, keys=keys, warm=previous, moves=moves)


def pair_scores(problem: Problem, a: Arrays, cands: Candidates, params: MatchParams,
                text_similarity: TextSimilarity | None = None) -> tuple[F64, F64]:
    """Features and scores of the candidate pairs, then of the pinned pairs (in that
    order: the first ``len(cands)`` rows are the candidates')."""
    features, score, _ = _scorer(problem, a, params, text_similarity)(
        np.concatenate([cands.need, a.pin_need]), np.concatenate([cands.res, a.pin_res]),
        np.concatenate([cands.dist, _pinned_dist(a)]), None)
    return features, score


def _scorer(problem: Problem, a: Arrays, params: MatchParams,
            text_similarity: TextSimilarity | None) -> Scorer:
    """Features, scores and confidence codes of pairs ``(need, res, dist)``."""
    def score(need: I64, res: I64, dist: F64, text: F64 | None = None
              ) -> tuple[F64, F64, I64]:
        features = feature_matrix(problem, a, need, res, dist, params, text=text,
                                  text_similarity=text_similarity)
        conf = confidence_codes(features[:, 0], features[:, 1], params,
                                _text_known(problem, need, res))
        return features, combine(features, params), conf
    return score


@dataclass(frozen=True, eq=False)
class Accepted:
    """The candidate pairs the acceptance rule lets into the solve, with their features,
    scores and confidence codes (candidates first, then pinned pairs), and where the
    rejected low-confidence candidates are among the scored ``pairs``."""

    cands: Candidates
    rows: I64 | None  # the rows of the scored pairs kept (None: all)
    score: F64
    conf: I64
    pairs: Pairs
    low_rows: I64  # (only the rows of needs left without a candidate are ever gathered:
    # at 100,000 needs 2.9M rows, 210 MB)

    def features_at(self, at: I64) -> F64:
        """The features of accepted rows ``at`` (gathered when asked: the kept rows'
        features are not copied whole, 92 MB at 100,000 needs)."""
        rows = at if self.rows is None else self.rows[at]
        out: F64 = self.pairs.features[rows]
        return out


def scored_pairs(problem: Problem, a: Arrays, params: MatchParams,
                 text_similarity: TextSimilarity | None = None,
                 previous: dict[str, Any] | None = None,
                 lap: Callable[[str], None] | None = None) -> Pairs:
    """The candidate pairs left after the facts' refusal, scored (then the pinned pairs'
    rows), and the refused ones: from the pair work of the run of ``previous`` where it
    applies (:mod:`matching.reuse`: the same arrays as computing them all; the stage
    ``candidates`` then covers the scoring of the few fresh pairs), else all computed.
    ``lap(stage)`` is called when a stage ends."""
    lap = lap or (lambda stage: None)
    score = _scorer(problem, a, params, text_similarity)
    work = recall((previous or {}).get("pair_work"))
    if work is not None:
        reused = reuse_pairs(work, problem, a, params, text_similarity, score,
                             lambda features: combine(features, params), _pinned_dist(a))
        if reused is not None:
            lap("candidates")
            return reused
    need_texts = [item_text(n.title, n.description) for n in problem.needs]
    res_texts = [item_text(r.title, r.description) for r in problem.resources]
    fit = fit_in_background(need_texts, res_texts, text_similarity)
    cands, refused = refused_by_facts(problem, a,
                                      find_candidates(a, params.max_online_per_need))
    if len(cands) >= workers.PARALLEL_PAIRS:
        workers.start()  # for a large certified solve; their imports overlap the scoring
    if fit is not None:
        fit.join()
    lap("candidates")
    features, scores, conf = score(
        np.concatenate([cands.need, a.pin_need]), np.concatenate([cands.res, a.pin_res]),
        np.concatenate([cands.dist, _pinned_dist(a)]), None)
    return Pairs(cands, features, scores, conf, refused, fresh=len(cands) + len(refused),
                 texts=(text_counts(need_texts, res_texts),))


def accepted_pairs(pairs: Pairs) -> Accepted:
    """Keep the scored pairs of confidence 高 or 中 (:mod:`matching.acceptance`)."""
    cands, score, conf = pairs.cands, pairs.score, pairs.conf
    k = len(cands)
    accepted = conf[:k] != LOW
    low_rows = np.flatnonzero(~accepted)
    if accepted.all():
        return Accepted(cands, None, score, conf, pairs, low_rows)
    keep = np.flatnonzero(np.r_[accepted, np.ones(len(conf) - k, np.bool_)])
    return Accepted(_subset(cands, keep[keep < k]), keep, score[keep], conf[keep],
                    pairs, low_rows)


def problem_model(problem: Problem, params: MatchParams,
                  text_similarity: TextSimilarity | None = None) -> Model:
    """The residual model :func:`match` solves (for benchmarks and brute-force checks)."""
    a = arrays_of(problem)
    s = accepted_pairs(scored_pairs(problem, a, params, text_similarity))
    return build_model(problem, a, s.cands, s.score[: len(s.cands)])


def match(problem: Problem, params: MatchParams | None = None, method: str = "flow", *,
          text_similarity: TextSimilarity | None = None,
          previous: dict[str, Any] | None = None,
          on_stage: Callable[[str], None] | None = None) -> MatchResult:
    """Pair needs with resources, optimally, and explain the result.

    The objective is ``sum over pairs of score * quantity / need quantity``: a need served
    in full adds its score (priority is a feature of the score), whatever its quantity.
    Minimum shares come first (lexicographically), then the objective.

    Parameters
    ----------
    problem
        The needs, resources and context.
    params
        Weights and knobs; ``MatchParams()`` by default.
    method
        ``"flow"`` (default; exact, OR-Tools min-cost flow component by component,
        certified on every candidate pair by node potentials, see
        :mod:`matching.certified`), ``"lp"`` (exact, HiGHS via
        scipy, component by component) or ``"greedy"`` (baseline, highest score first).
        With per-unit project limits both exact methods solve a MILP with HiGHS.
    text_similarity
        ``f(need_texts, res_texts, need, res)`` giving one similarity >= 0 per candidate
        pair, in place of the char n-gram TF-IDF of :func:`matching.text.text_similarity`
        (the default). The ``text`` feature is each pair's similarity as given (absolute
        evidence in [0, 1]); the acceptance rule reads it.
    previous
        ``MatchResult.warm`` of an earlier run (as stored): the candidate pairs of the
        needs and resources unchanged since then take their candidates, refusals,
        features and confidence from that run when this process still keeps them
        (:mod:`matching.reuse`; the same arrays as computing them), the components of the
        candidate network unchanged since then reuse its optimal flows and only the
        others are solved (:mod:`matching.incremental`); the result is certified optimal
        and validated all the same.
    on_stage
        Called with each stage's name (:data:`STAGES`) as the stage begins: how a
        background run reports where it is.

    Returns
    -------
    MatchResult
        Checked by :func:`check_result` before it is returned.

    Examples
    --------
    >>> from matching import NeedItem, Problem, ResourceItem, Taxonomy
    >>> needs = [NeedItem("N1", "C1", "S1", "legal_advice", 2, "次", lat=30.0, lon=120.0,
    ...                   title="法律咨询"),
    ...          NeedItem("N2", "C2", "S1", "venue", 1, "场地", lat=30.0, lon=120.0)]
    >>> res = [ResourceItem("R1", "U1", "S1", "legal_advice", 1, "次", lat=30.0,
    ...                     lon=120.01, title="律师咨询")]
    >>> result = match(Problem(needs, res, Taxonomy.from_related({})))
    >>> [(p.need_id, p.resource_id, p.quantity) for p in result.pairs]
    [('N1', 'R1', 1)]
    >>> [(u.need_id, u.reason) for u in result.unmatched]
    [('N2', 'category_not_offered_in_reach')]
    >>> match(Problem(needs, res), method="simplex")
    Traceback (most recent call last):
    ...
    matching.errors.UnknownMethod: unknown method 'simplex'; valid methods: flow, lp, greedy
    """
    if method not in METHODS:
        raise UnknownMethod(f"unknown method {method!r}; valid methods: {', '.join(METHODS)}")
    with collector_paused():
        return _match(problem, params or MatchParams(), method, text_similarity, previous,
                      on_stage)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (on again after it if it was).

    A run creates a few hundred thousand result objects (pairs, their breakdowns,
    explanations, the validator's tables) and no cycles; with the collector on, each
    burst of allocations sets off full passes over every object alive, the problem's
    items included (100,000 needs: 10.1 s -> 6.0 s of explanations with it off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _match(problem: Problem, params: MatchParams, method: str,
           text_similarity: TextSimilarity | None, previous: dict[str, Any] | None,
           on_stage: Callable[[str], None] | None) -> MatchResult:
    timings: dict[str, float] = {}
    clock = _Clock(timings, on_stage)

    a = reused_arrays(previous, problem) or arrays_of(problem)
    scored = scored_pairs(problem, a, params, text_similarity, previous, clock.lap)
    refused = scored.refused

    pairs_token = remember(problem, a, params, scored, text_similarity)
    s = accepted_pairs(scored)
    cands, score, conf = s.cands, s.score, s.conf
    k = len(cands)
    model = build_model(problem, a, cands, score[:k])
    clock.lap("scores")

    moves = model_moves(previous, problem, scored.conf[: len(scored.cands)])
    keys = id_keys_of(previous, problem, a, pairs_token) if method == "flow" else None
    solution = _solver(method, model, params, a, Warm.from_dict(previous), moves, keys)
    clock.lap("solve")

    x = solution.x
    objective = model_objective(model, x) + float(
        np.dot(score[k:], a.pin_qty / a.n_qty[a.pin_need]))
    pairs = _pairs(a, model, x, s.features_at, score, conf, problem, previous, pairs_token)
    rejected = np.zeros(a.n_needs, np.bool_)
    rejected[scored.cands.need[s.low_rows]] = True
    refused_need = np.fromiter(map(itemgetter(0), refused), np.int64, len(refused))
    rejected[refused_need] = True
    found: Reasons = {}
    none, part = unserved(a, model, cands, x, rejected, kept_reasons(previous, problem, a),
                          found)
    if pairs_token:
        keep_reasons(pairs_token, found)
    none = _nothing_fits(a, cands, none, s, refused, refused_need)
    used = np.bincount(model.pair_res, weights=x, minlength=a.n_res).astype(np.int64) \
        + (a.r_cap - a.r_left)
    utilisation = kept_objects(previous, problem, pairs_token, "utilisation", used,
                               lambda at: [Utilisation(a.res_ids[j], int(used[j]),
                                                       int(a.r_cap[j])) for j in at])
    shortfalls = _shortfalls(problem, a, model, x)
    clock.lap("explain")

    scarcity: list[ScarcityRow] = []
    scarcity_method = "not computed"
    notes = list(solution.notes)
    if params.scarcity and solution.status == "optimal" and method != "greedy":
        if solution.certificate is not None:
            gains = certified_gains(model, solution.certificate)
            scarcity_method = SCARCITY_DUALS
        else:
            gains = flow_gains(model, build_network(model, solution.share_units), x)
            scarcity_method = SCARCITY_RELAXED if model.has_project_limits else SCARCITY_EXACT
        # rows equal to the previous run's in every field are its objects
        before = recall((previous or {}).get("pair_work"))
        mine = recall(pairs_token)
        scarcity = scarcity_rows(
            a, model, x, gains, before.memo.get("scarcity") if before is not None else None,
            (lambda rows: mine.memo.__setitem__("scarcity", rows)) if mine is not None
            else None)
    clock.lap("scarcity")

    gap: float | None = 0.0
    if solution.status == "heuristic":
        gap = None
    elif solution.status == "time_limit":
        reached = model_objective(model, x)
        bound = solution.bound if solution.bound is not None else math.inf
        gap = (bound - reached) / max(abs(bound), 1e-12) if math.isfinite(bound) else None
    cert = solution.certificate
    result = MatchResult(
        method=method, solver=solution.solver, status=solution.status,
        objective=objective, gap=gap, pairs=pairs, unmatched=none, partial=part,
        utilisation=utilisation, scarcity=scarcity, shortfalls=shortfalls,
        n_candidates=k, share_units=solution.share_units, scarcity_method=scarcity_method,
        certificate_rounds=cert.rounds if cert else 0,
        core_pairs=cert.core_pairs[-1] if cert and cert.core_pairs else 0,
        reused_pairs=cert.reused_pairs if cert else 0,
        warm={**(cert.warm.to_dict() if cert and cert.warm else {}),
              **({"pair_work": pairs_token} if pairs_token else {})},
        notes=notes, timings=timings)
    check_result(problem, result, params)
    clock.lap("validate")
    return result


class _Clock:
    """Times the stages, in the order of :data:`STAGES`, telling ``on_stage`` as each
    one begins."""

    def __init__(self, timings: dict[str, float],
                 on_stage: Callable[[str], None] | None = None) -> None:
        self.timings = timings
        self.on_stage = on_stage or (lambda _stage: None)
        self.on_stage(STAGES[0])
        self.t = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self.t, 6)
        at = STAGES.index(stage)
        if at + 1 < len(STAGES):
            self.on_stage(STAGES[at + 1])
        self.t = time.perf_counter()


def _pinned_dist(a: Arrays) -> F64:
    delta = a.n_xy[a.pin_need] - a.r_xy[a.pin_res]
    dist: F64 = np.hypot(delta[:, 0], delta[:, 1])
    dist[a.r_mode[a.pin_res] == ONLINE] = np.nan
    return dist


def _text_known(problem: Problem, need: I64, res: I64) -> B:
    """Per pair ``(need[k], res[k])``: both the need and the resource have text."""
    def has(items: tuple[NeedItem, ...] | tuple[ResourceItem, ...], at: I64) -> B:
        if len(at) > len(items) // 8:  # most of them: one pass over all items
            every = np.fromiter((bool((x.title + x.description).strip()) for x in items),
                                dtype=np.bool_, count=len(items))
            return every[at]
        one = {i: bool((items[i].title + items[i].description).strip())
               for i in np.unique(at).tolist()}
        return np.fromiter((one[i] for i in at.tolist()), dtype=np.bool_, count=len(at))
    out: B = has(problem.needs, need) & has(problem.resources, res)
    return out


def _subset(cands: Candidates, keep: B | I64) -> Candidates:
    return Candidates(need=cands.need[keep], res=cands.res[keep], dist=cands.dist[keep],
                      online=cands.online[keep])


def _nothing_fits(a: Arrays, cands: Candidates, none: list[Unserved], s: Accepted,
                  refused: list[tuple[int, int, str]], refused_need: I64) -> list[Unserved]:
    """Needs left without any acceptable candidate but with rejected ones (low
    confidence, or refused by the facts) are unmatched because nothing fits well
    enough: reason ``no_acceptable_fit``, with the best rejected candidate for a person
    to judge (a low pair as a suggestion to confirm, else the first refused pair).
    ``refused`` is sorted (as the pair stage gives it); ``refused_need``: its needs."""
    has_cand = np.zeros(a.n_needs, np.bool_)
    has_cand[cands.need] = True
    index = {nid: i for i, nid in enumerate(a.need_ids)}
    # only the unmatched needs without a candidate read the rejected pairs
    wanted = {i for i in (index[u.need_id] for u in none) if not has_cand[i]}
    p = s.pairs
    # their low pairs alone: each one's range of the scored pairs (sorted by need), of
    # which every accepted one would have made it a candidate (no pass over 2.9M rows)
    want = np.array(sorted(wanted), np.int64)
    start = np.searchsorted(p.cands.need, want)
    span = np.searchsorted(p.cands.need, want, side="right") - start
    rows = np.repeat(start - np.cumsum(span) + span, span) + np.arange(int(span.sum()))
    rows = rows[p.conf[rows] == LOW]
    low_cands, low_features, low_score = _subset(p.cands, rows), p.features[rows], \
        p.score[rows]
    best = best_by_need(a.n_needs, low_cands.need, low_cands.res, low_score)
    has_low = np.flatnonzero(best >= 0)
    best_low = dict(zip(has_low.tolist(), best[has_low].tolist(), strict=True))
    first_refused: dict[int, tuple[int, str]] = {}
    refused_count: Counter[int] = Counter()
    # the refused pairs are sorted by need: each wanted need's range, in one search
    lo = np.searchsorted(refused_need, want)
    count = np.searchsorted(refused_need, want, side="right") - lo
    for n, at, c in zip(want[count > 0].tolist(), lo[count > 0].tolist(),
                        count[count > 0].tolist(), strict=True):
        first_refused[n] = refused[at][1:]
        refused_count[n] = c
    out: list[Unserved] = []
    for u in none:
        i = index[u.need_id]
        if has_cand[i] or (i not in best_low and i not in first_refused):
            out.append(u)
            continue
        details: dict[str, Any]
        if i in best_low:
            p = best_low[i]
            details = {"best_rejected_id": a.res_ids[int(low_cands.res[p])],
                       "best_rejected_score": round(float(low_score[p]), 6),
                       "text_evidence": round(float(low_features[p, 1]), 6),
                       "related_category": bool(low_features[p, 0] < 1.0),
                       "confidence": CONFIDENCE[LOW], "why": "契合证据不足，请人工确认"}
        else:
            r, why = first_refused[i]
            details = {"best_rejected_id": a.res_ids[r], "why": why}
        details["refused"] = refused_count[i]
        out.append(Unserved(need_id=u.need_id, reason="no_acceptable_fit",
                            quantity=u.quantity, served=0, details=details))
    return out


def _pairs(a: Arrays, model: Model, x: I64, features_at: Callable[[I64], F64], score: F64,
           conf: I64,
           problem: Problem, previous: dict[str, Any] | None, token: str) -> list[Pair]:
    """The chosen pairs and the pinned ones, each with its breakdown, alternative and
    confidence: every value gathered by array indexing, then one object per pair (the
    previous run's object where it reports the very same, :func:`matching.reuse.kept_rows`;
    the rows are kept for the next run under ``token``)."""
    best = alternatives(model, x)
    chosen = np.flatnonzero(x > 0)
    rows = np.r_[chosen, model.n_pairs + np.arange(len(a.pin_need))].astype(np.int64)
    need = np.r_[model.pair_need[chosen], a.pin_need].astype(np.int64)
    res = np.r_[model.pair_res[chosen], a.pin_res].astype(np.int64)
    qty = np.r_[x[chosen], a.pin_qty].astype(np.int64)
    pinned = np.r_[np.zeros(len(chosen), np.bool_), np.ones(len(a.pin_need), np.bool_)]
    alt = best[need]
    has_alt = alt >= 0
    at = np.maximum(alt, 0)
    alt_res = np.where(has_alt, model.pair_res[at], -1) if model.n_pairs else alt
    alt_score = model.score[at] if model.n_pairs else np.zeros(len(alt))
    labels = np.asarray(CONFIDENCE, dtype=object)
    breakdown = np.round(features_at(rows), 12)
    values = np.column_stack([qty, score[rows], breakdown, alt_score, has_alt, pinned,
                              conf[rows]]).astype(np.float64)
    out_rows = PairRows(need, res, values, alt_res.astype(np.int64), [])
    same = kept_rows(previous, problem, out_rows)
    fresh = np.arange(len(rows)) if same is None else np.flatnonzero(same < 0)
    made = [Pair(need_id=n, resource_id=r, quantity=q, score=sc,
                 breakdown=dict(zip(FEATURES, bd, strict=True)),
                 alternative=(a.res_ids[ar], asc) if ha else None, pinned=pin, confidence=cf)
            for n, r, q, sc, bd, ar, asc, ha, pin, cf in zip(  # the fresh rows' ids alone
                list(map(a.need_ids.__getitem__, need[fresh].tolist())),
                list(map(a.res_ids.__getitem__, res[fresh].tolist())),
                qty[fresh].tolist(), score[rows[fresh]].tolist(), breakdown[fresh].tolist(),
                alt_res[fresh].tolist(), alt_score[fresh].tolist(), has_alt[fresh].tolist(),
                pinned[fresh].tolist(), labels[conf[rows[fresh]]].tolist(), strict=True)]
    if same is None:
        objects = made
    else:  # the rows that report the very same as the previous run's: its objects
        old: list[Pair] = _previous_rows(previous)
        objects = [old[j] if j >= 0 else None for j in same.tolist()]  # type: ignore[misc]
        for k, p in zip(fresh.tolist(), made, strict=True):
            objects[k] = p
    if token:
        keep_rows(token, replace(out_rows, objects=objects), a.n_res)
    return sorted(objects, key=attrgetter("need_id", "resource_id"))


def _previous_rows(previous: dict[str, Any] | None) -> list[Pair]:
    work = recall((previous or {}).get("pair_work"))
    rows = work.memo.get("pair_rows") if work is not None else None
    return rows.objects if rows is not None else []


def _shortfalls(problem: Problem, a: Arrays, model: Model, x: I64) -> list[Shortfall]:
    if not any(problem.min_share(c) > 0 for c in a.communities):
        return []
    served = np.bincount(model.pair_need, weights=x, minlength=a.n_needs) \
        + (a.n_qty - a.n_left)
    # what each need could get at most: its candidates' capacities, capped at its quantity
    reach = np.bincount(model.pair_need, weights=model.pair_cap, minlength=a.n_needs)
    reachable = np.minimum(reach, a.n_left) + (a.n_qty - a.n_left)
    n_comm = len(a.communities)
    demand = np.bincount(a.n_comm, weights=a.n_qty, minlength=n_comm)
    got = np.bincount(a.n_comm, weights=served, minlength=n_comm)
    can = np.bincount(a.n_comm, weights=reachable, minlength=n_comm)
    out: list[Shortfall] = []
    for c, community in enumerate(a.communities):
        share = problem.min_share(community)
        required = math.ceil(share * demand[c] - 1e-9) if share > 0 else 0
        if got[c] < required:
            out.append(Shortfall(community_id=community, share=share, required=required,
                                 served=int(got[c]), reachable=int(can[c]),
                                 shortfall=int(required - got[c])))
    out.sort(key=lambda s: s.community_id)
    return out

