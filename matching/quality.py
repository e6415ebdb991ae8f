"""Match quality on the labelled set in :mod:`matching.quality_data`.

*Pair precision*: proposed pairs whose resource the clerk accepts for the need.
*Need recall*: servable needs (those with an accepted resource) that got one.
Unservable needs (no accepted resource in reach) must get no proposal at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from matching.facts import need_facts, online_basis, resource_facts
from matching.matcher import match
from matching.params import MatchParams
from matching.problem import NeedItem, Problem, ResourceItem, Taxonomy
from matching.quality_data import COMMUNITIES, NEEDS, RELATED, RESOURCES, RIGHT
from matching.quality_set import HALVES, Half
from matching.text import TextSimilarity

LAT0, LON0 = 30.27, 120.16
KM_LAT = 6371.0088 * math.pi / 180
KM_LON = KM_LAT * math.cos(math.radians(LAT0))


@dataclass(frozen=True)
class QualityReport:
    """Precision, recall and the pairs behind them."""

    precision: float
    recall: float
    proposed: int
    right: int
    servable: int
    served_right: int
    unservable_proposed: list[str] = field(default_factory=list)
    wrong: list[tuple[str, str]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def _place(x: float, y: float) -> tuple[float, float]:
    return LAT0 + y / KM_LAT, LON0 + x / KM_LON


def quality_problem() -> Problem:
    """The labelled set as a problem (needs sit at their community's centre)."""
    needs = []
    for nid, comm, cat, uom, qty, urg, online, title, desc in NEEDS:
        (x, y), weak = COMMUNITIES[comm]
        lat, lon = _place(x, y)
        needs.append(NeedItem(nid, comm, "S-1", cat, qty, uom, urgency=urg, lat=lat, lon=lon,
                              online_ok=online, title=title, description=desc,
                              weak_community=weak))
    resources = []
    for rid, unit, cat, uom, cap, (x, y), reach, mode, title, desc in RESOURCES:
        lat, lon = _place(x, y)
        resources.append(ResourceItem(rid, unit, "S-1", cat, cap, uom, lat=lat, lon=lon,
                                      reach_km=reach, mode=mode, title=title,
                                      description=desc))
    return Problem(needs, resources, Taxonomy.from_related(RELATED))


def evaluate_quality(params: MatchParams | None = None, method: str = "flow", *,
                     text_similarity: TextSimilarity | None = None) -> QualityReport:
    """Run the matcher on the labelled set and score its proposals.

    ``text_similarity`` replaces the default TF-IDF text similarity (see :func:`match`).

    Examples
    --------
    >>> report = evaluate_quality()
    >>> round(report.precision, 2), round(report.recall, 2), report.unservable_proposed
    (0.98, 0.85, [])
    """
    result = match(quality_problem(), params, method, text_similarity=text_similarity)
    proposed = [(p.need_id, p.resource_id) for p in result.pairs]
    right = [(n, r) for n, r in proposed if r in RIGHT[n]]
    servable = sorted(n for n, ok in RIGHT.items() if ok)
    got = {n for n, _ in right}
    return QualityReport(
        precision=len(right) / len(proposed) if proposed else 1.0,
        recall=len(got) / len(servable) if servable else 1.0,
        proposed=len(proposed), right=len(right), servable=len(servable),
        served_right=len(got),
        unservable_proposed=sorted({n for n, _ in proposed if not RIGHT[n]}),
        wrong=sorted((n, r) for n, r in proposed if r not in RIGHT[n]),
        missed=[n for n in servable if n not in got])


class _Rates:
    """Pair precision and need recall from the counts of a report."""

    right: int
    proposed: int
    served_right: int
    servable: int

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.served_right / self.servable if self.servable else 1.0


@dataclass(frozen=True)
class HalfReport(_Rates):
    """The four figures of the issue on one half of :mod:`matching.quality_set`.

    *precision*: proposals whose resource the clerk accepts; *recall*: servable needs
    that got an accepted resource; *tempting_share*: proposals that are labelled tempting
    wrong pairs; *unservable_share*: needs nothing can serve that got a proposal anyway.
    """

    half: str
    model: str
    needs: int
    proposed: int
    right: int
    tempting: int
    servable: int
    served_right: int
    unservable: int
    unservable_matched: int
    wrong: list[tuple[str, str]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def tempting_share(self) -> float:
        return self.tempting / self.proposed if self.proposed else 0.0

    @property
    def unservable_share(self) -> float:
        return self.unservable_matched / self.unservable if self.unservable else 0.0


def half_problem(half: Half, limit: int | None = None) -> Problem:
    """One half of the labelled set as a problem (its first ``limit`` needs, all its
    resources); needs sit at their community's centre."""
    needs = []
    for n in half.needs[:limit]:
        _, (x, y), weak = half.communities[n.community]
        lat, lon = _place(x, y)
        nf = need_facts(f"{n.title}，{n.description}", n.category)
        online = n.online if n.online is not None else nf.online_ok
        source = "stated" if n.online is not None else online_basis(
            f"{n.title}，{n.description}", n.category)
        needs.append(NeedItem(n.id, n.community, half.name, n.category, n.quantity,
                              n.unit_of_measure, urgency=n.urgency, lat=lat, lon=lon,
                              online_ok=bool(online), title=n.title,
                              description=n.description, weak_community=weak,
                              people=n.people or nf.people, days=nf.days,
                              needs_place=nf.needs_place, online_source=source))
    resources = []
    for r in half.resources:
        lat, lon = _place(*r.xy)
        rf = resource_facts(f"{r.title}，{r.description}，{r.restriction}")
        resources.append(ResourceItem(r.id, r.unit, half.name, r.category, r.capacity,
                                      r.unit_of_measure, lat=lat, lon=lon,
                                      reach_km=r.reach_km, mode=r.mode, title=r.title,
                                      description=r.description,
                                      seats=r.seats or rf.seats, also_categories=r.also,
                                      only_for=rf.only_for, excludes=rf.excludes,
                                      registered_only=rf.registered_only, days=rf.days,
                                      goods=rf.goods))
    return Problem(needs, resources, Taxonomy.from_related(RELATED),
                   registrations=half.registrations)


def evaluate_half(name: str, params: MatchParams | None = None, *, model: str = "tfidf",
                  text_similarity: TextSimilarity | None = None,
                  limit: int | None = None) -> HalfReport:
    """Run the matcher on half ``name`` (one of :data:`matching.quality_set.HALVES`) and score
    its proposals.

    ``model`` only names the text model in the report; ``text_similarity`` is what the
    matcher uses (see :func:`match`).
    """
    half = HALVES[name]
    labels = {n.id: n for n in half.needs[:limit]}
    result = match(half_problem(half, limit), params, text_similarity=text_similarity)
    proposed = [(p.need_id, p.resource_id) for p in result.pairs]
    right = [(n, r) for n, r in proposed if r in labels[n].right]
    servable = sorted(n for n, lab in labels.items() if lab.right)
    got = {n for n, _ in right}
    unservable = {n for n, lab in labels.items() if not lab.right}
    return HalfReport(
        half=name, model=model, needs=len(labels), proposed=len(proposed),
        right=len(right),
        tempting=sum(1 for n, r in proposed if r in labels[n].tempting),
        servable=len(servable), served_right=len(got), unservable=len(unservable),
        unservable_matched=len({n for n, _ in proposed if n in unservable}),
        wrong=sorted((n, r) for n, r in proposed if r not in labels[n].right),
        missed=[n for n in servable if n not in got])


OUTCOMES = ("right", "wrong", "unservable", "missed", "abstained")
"""What happened to one need: a right proposal, a wrong one for a servable need (also
beside a right one: a need split over a right and a wrong resource is a wrong proposal
for the clerk to undo), any proposal for a need nothing can serve, no proposal for a
servable need, or none for an unservable one (as it should be)."""


def need_outcomes(report: HalfReport, half: Half) -> dict[str, str]:
    """Each need's outcome (:data:`OUTCOMES`) in ``report``, a run on ``half``."""
    wrong = {n for n, _ in report.wrong}
    missed = set(report.missed)
    out = {}
    for n in half.needs[:report.needs]:
        if not n.right:
            out[n.id] = "unservable" if n.id in wrong else "abstained"
        elif n.id in wrong:
            out[n.id] = "wrong"
        else:
            out[n.id] = "missed" if n.id in missed else "right"
    return out


@dataclass(frozen=True)
class CrossValidation(_Rates):
    """Figures on held-out folds, each measured with the setting chosen on the others
    (a right proposal serves its need: ``served_right`` is ``right``)."""

    right: int
    proposed: int
    served_right: int
    servable: int
    unservable_matched: int
    rounds: int
    picks: dict[str, int]


def cross_validate(outcomes: dict[str, dict[str, str]], *, folds: int = 4,
                   shuffles: int = 10, wrong_cost: float = 3.0) -> CrossValidation:
    """K-fold cross-validation over needs of a choice among settings.

    ``outcomes`` maps a setting's name to each need's outcome under it (one run per
    setting on the whole half: :func:`need_outcomes`). For each of ``shuffles`` random
    splits of the needs into ``folds`` folds, the setting with the most right proposals
    less ``wrong_cost`` per wrong or unservable one on the other folds (ties: the first
    in ``outcomes``) is measured on the held-out fold.

    >>> o = {"strict": {"a": "right", "b": "missed", "c": "abstained"},
    ...      "loose": {"a": "right", "b": "right", "c": "unservable"}}
    >>> cv = cross_validate(o, folds=3, shuffles=1)
    >>> cv.right + cv.servable > 0, sum(cv.picks.values())
    (True, 3)
    """
    import random

    names = list(outcomes)
    needs = sorted(outcomes[names[0]])

    def utility(name: str, ids: list[str]) -> float:
        got = [outcomes[name][n] for n in ids]
        return got.count("right") - wrong_cost * (got.count("wrong") + got.count("unservable"))

    right = proposed = servable = unservable = 0
    picks: dict[str, int] = {}
    for seed in range(shuffles):
        order = needs[:]
        random.Random(seed).shuffle(order)
        parts = [order[i::folds] for i in range(folds)]
        for i, held in enumerate(parts):
            train = [n for j, part in enumerate(parts) if j != i for n in part]
            best = max(names, key=lambda name: utility(name, train))
            picks[best] = picks.get(best, 0) + 1
            got = [outcomes[best][n] for n in held]
            right += got.count("right")
            proposed += got.count("right") + got.count("wrong") + got.count("unservable")
            servable += len(got) - got.count("unservable") - got.count("abstained")
            unservable += got.count("unservable")
    return CrossValidation(right, proposed, right, servable, unservable, shuffles, picks)
