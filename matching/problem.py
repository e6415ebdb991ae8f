"""The matcher's input: needs, resources, the taxonomy and the context of a run.

Everything is validated on construction; an error names the need, resource or pair at
fault. Items are plain frozen dataclasses so the service can build them from its own
models without the matcher knowing about them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from matching.errors import ProblemError
from matching.units import compatible

MODES = ("onsite", "at_unit", "online")


def _check_text(kind: str, item_id: str, name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ProblemError(f"{kind} {item_id!r}: {name} must be a non-empty string, "
                           f"got {value!r}")


def _check_window(kind: str, item_id: str, start: dt.date | None,
                  end: dt.date | None) -> None:
    for name, day in (("start", start), ("end", end)):
        if day is not None and not isinstance(day, dt.date):
            raise ProblemError(f"{kind} {item_id}: {name} must be a date or None, got {day!r}")
    if start is not None and end is not None and end < start:
        raise ProblemError(f"{kind} {item_id}: time window ends ({end}) before it starts "
                           f"({start})")


def _check_place(kind: str, item_id: str, lat: float, lon: float) -> None:
    if math.isnan(lat) != math.isnan(lon):
        raise ProblemError(f"{kind} {item_id}: lat and lon must both be set or both be NaN")
    if not math.isnan(lat) and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ProblemError(f"{kind} {item_id}: coordinates ({lat}, {lon}) are not WGS84")


DAYS = ("weekday", "weekend")


def _check_count(kind: str, item_id: str, name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                              or value <= 0):
        raise ProblemError(f"{kind} {item_id}: {name} must be a positive integer or None, "
                           f"got {value!r}")


def _check_days(kind: str, item_id: str, value: str | None) -> None:
    if value is not None and value not in DAYS:
        raise ProblemError(f"{kind} {item_id}: days must be one of {', '.join(DAYS)} or "
                           f"None, got {value!r}")


INFERRED_ONLINE = ("text", "category")
"""The sources of a need's 可线上 that are inferred, not stated (``NeedItem.online_source``)."""


@dataclass(frozen=True, slots=True)
class NeedItem:
    """One item of a community's needs list.

    ``urgency`` runs from 1 (ordinary) to 3 (most urgent). ``lat``/``lon`` are WGS84; NaN
    means the need has no place, so only online resources can serve it. ``start``/``end``
    bound the time window (``None`` is open). ``people`` is how many people it involves
    and ``days`` whether it falls on weekdays or at the weekend (``None``: unknown), as
    read by :mod:`matching.facts` when no column gives them; ``needs_place`` that it asks
    for a place (only a resource that gives one serves it).

    Examples
    --------
    >>> NeedItem("N1", "C1", "S1", "legal_advice", 2, "次", title="法律咨询").quantity
    2
    """

    id: str
    community_id: str
    street_id: str
    category: str
    quantity: int
    unit_of_measure: str
    urgency: int = 2
    lat: float = math.nan
    lon: float = math.nan
    start: dt.date | None = None
    end: dt.date | None = None
    online_ok: bool = False
    title: str = ""
    description: str = ""
    weak_community: bool = False
    people: int | None = None
    days: str | None = None
    needs_place: bool = False
    online_source: str = ""  # "stated" | "text" | "category" (inferred) | "" (as stated)

    def __post_init__(self) -> None:
        _check_text("need", repr(self.id), "id", self.id)
        for name in ("community_id", "street_id", "category", "unit_of_measure"):
            _check_text("need", self.id, name, getattr(self, name))
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int) \
                or self.quantity <= 0:
            raise ProblemError(f"need {self.id}: quantity must be a positive integer, "
                               f"got {self.quantity!r}")
        if isinstance(self.urgency, bool) or self.urgency not in (1, 2, 3):
            raise ProblemError(f"need {self.id}: urgency must be 1, 2 or 3, "
                               f"got {self.urgency!r}")
        _check_place("need", self.id, float(self.lat), float(self.lon))
        _check_window("need", self.id, self.start, self.end)
        _check_count("need", self.id, "people", self.people)
        _check_days("need", self.id, self.days)


@dataclass(frozen=True, slots=True)
class ResourceItem:
    """One item of a resident unit's resources list.

    ``mode`` is ``"onsite"`` (the unit goes to communities within ``reach_km``),
    ``"at_unit"`` (residents come to the unit from within ``reach_km``) or ``"online"``
    (any distance, but only needs that can be served online). ``seats`` bounds the people
    of a need it can take; ``also_categories`` are categories it serves besides its own;
    ``only_for`` and ``excludes`` are its restrictions (terms met by a need's text, see
    :func:`matching.facts.restriction_refuses`); ``registered_only`` limits it to the
    communities its unit is registered with; ``days`` to weekdays or the weekend;
    ``goods`` is the closed list of what it gives (a need naming another thing is refused).

    Examples
    --------
    >>> ResourceItem("R1", "U1", "S1", "legal_advice", 12, "次", mode="online").mode
    'online'
    """

    id: str
    unit_id: str
    street_id: str
    category: str
    capacity: int
    unit_of_measure: str
    lat: float = math.nan
    lon: float = math.nan
    reach_km: float = 3.0
    mode: str = "onsite"
    start: dt.date | None = None
    end: dt.date | None = None
    title: str = ""
    description: str = ""
    seats: int | None = None
    also_categories: tuple[str, ...] = ()
    only_for: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    registered_only: bool = False
    days: str | None = None
    goods: tuple[str, ...] = ()

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories it serves: its own first, then the others it also serves."""
        return (self.category, *(c for c in self.also_categories if c != self.category))

    def __post_init__(self) -> None:
        _check_text("resource", repr(self.id), "id", self.id)
        for name in ("unit_id", "street_id", "category", "unit_of_measure"):
            _check_text("resource", self.id, name, getattr(self, name))
        if isinstance(self.capacity, bool) or not isinstance(self.capacity, int) \
                or self.capacity <= 0:
            raise ProblemError(f"resource {self.id}: capacity must be a positive integer, "
                               f"got {self.capacity!r}")
        if self.mode not in MODES:
            raise ProblemError(f"resource {self.id}: mode must be one of {', '.join(MODES)},"
                               f" got {self.mode!r}")
        if not (self.reach_km >= 0 and math.isfinite(self.reach_km)):
            raise ProblemError(f"resource {self.id}: reach_km must be finite and >= 0, "
                               f"got {self.reach_km!r}")
        _check_place("resource", self.id, float(self.lat), float(self.lon))
        _check_window("resource", self.id, self.start, self.end)
        _check_count("resource", self.id, "seats", self.seats)
        _check_days("resource", self.id, self.days)
        for name in ("also_categories", "only_for", "excludes", "goods"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or not all(
                    isinstance(v, str) and v.strip() for v in value):
                raise ProblemError(f"resource {self.id}: {name} must be a tuple of "
                                   f"non-empty strings, got {value!r}")


class Taxonomy:
    """Category codes and their related codes (symmetric, never self-related).

    Examples
    --------
    >>> t = Taxonomy.from_related({"elderly_care": {"home_medical"}})
    >>> sorted(t.related("home_medical"))
    ['elderly_care']
    >>> t.is_related("elderly_care", "home_medical"), t.is_related("a", "b")
    (True, False)
    """

    __slots__ = ("_related",)

    def __init__(self, related: Mapping[str, frozenset[str]]) -> None:
        self._related = dict(related)

    @classmethod
    def from_related(cls, related: Mapping[str, Iterable[str]]) -> Taxonomy:
        """Build from ``{code: related codes}``; one direction of each relation is enough."""
        closed: dict[str, set[str]] = {}
        for code, others in related.items():
            closed.setdefault(code, set())
            for other in others:
                if other == code:
                    continue
                closed[code].add(other)
                closed.setdefault(other, set()).add(code)
        return cls({c: frozenset(o) for c, o in closed.items()})

    def related(self, code: str) -> frozenset[str]:
        """Codes related to ``code`` (empty for an unknown code)."""
        return self._related.get(code, frozenset())

    def is_related(self, a: str, b: str) -> bool:
        """Whether two different codes are related."""
        return b in self._related.get(a, frozenset())

    def to_dict(self) -> dict[str, list[str]]:
        """``{code: sorted related codes}``, JSON-ready."""
        return {c: sorted(o) for c, o in sorted(self._related.items())}


Pinned = tuple[str, str, int]


class Problem:
    """Needs, resources, the taxonomy and the context of one matching run.

    Parameters
    ----------
    needs, resources
        The two lists; ids must be unique within each.
    taxonomy
        Which categories are related.
    registrations
        ``(unit_id, community_id)`` pairs registered with each other (双报到).
    history
        ``(unit_id, community_id) -> mean evaluation`` (1..5) of earlier projects.
    pinned
        ``(need_id, resource_id, quantity)`` already agreed: kept as they are.
    declined
        ``(need_id, resource_id)`` never to be proposed again.
    max_projects_per_unit, max_quantity_per_unit
        Load limits by unit id (pinned pairs count against them).
    min_share_per_community
        Share of each community's demand to serve when feasible; one number for every
        community or a mapping by community id.

    Examples
    --------
    >>> n = NeedItem("N1", "C1", "S1", "venue", 1, "场地", lat=30.0, lon=120.0)
    >>> r = ResourceItem("R1", "U1", "S1", "venue", 2, "场地", lat=30.0, lon=120.0)
    >>> p = Problem([n], [r], Taxonomy.from_related({}), pinned=[("N1", "R1", 1)])
    >>> p.pinned
    (('N1', 'R1', 1),)
    >>> Problem([n, n], [r], Taxonomy.from_related({}))
    Traceback (most recent call last):
    ...
    matching.errors.ProblemError: duplicate need id N1
    """

    needs: tuple[NeedItem, ...]
    resources: tuple[ResourceItem, ...]
    taxonomy: Taxonomy
    registrations: frozenset[tuple[str, str]]
    history: Mapping[tuple[str, str], float]
    pinned: tuple[Pinned, ...]
    declined: frozenset[tuple[str, str]]
    max_projects_per_unit: Mapping[str, int]
    max_quantity_per_unit: Mapping[str, int]
    min_share_per_community: float | Mapping[str, float]
    _cache: dict[str, Any]

    def __init__(self, needs: Iterable[NeedItem], resources: Iterable[ResourceItem],
                 taxonomy: Taxonomy | None = None, *,
                 registrations: Iterable[tuple[str, str]] = (),
                 history: Mapping[tuple[str, str], float] | None = None,
                 pinned: Iterable[tuple[str, str, int]] = (),
                 declined: Iterable[tuple[str, str]] = (),
                 max_projects_per_unit: Mapping[str, int] | None = None,
                 max_quantity_per_unit: Mapping[str, int] | None = None,
                 min_share_per_community: float | Mapping[str, float] = 0.0) -> None:
        put = object.__setattr__
        put(self, "needs", tuple(needs))
        put(self, "resources", tuple(resources))
        put(self, "taxonomy", taxonomy if taxonomy is not None else Taxonomy({}))
        put(self, "registrations", frozenset((str(u), str(c)) for u, c in registrations))
        put(self, "history", dict(history or {}))
        put(self, "pinned", tuple((str(n), str(r), q) for n, r, q in pinned))
        put(self, "declined", frozenset((str(n), str(r)) for n, r in declined))
        put(self, "max_projects_per_unit", dict(max_projects_per_unit or {}))
        put(self, "max_quantity_per_unit", dict(max_quantity_per_unit or {}))
        share = min_share_per_community
        put(self, "min_share_per_community",
            dict(share) if isinstance(share, Mapping) else share)
        put(self, "_cache", {})
        self._validate()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Problem is immutable; cannot set {name}")

    def __repr__(self) -> str:
        return (f"Problem({len(self.needs)} needs, {len(self.resources)} resources, "
                f"{len(self.pinned)} pinned, {len(self.declined)} declined)")

    def _validate(self) -> None:
        for n in self.needs:
            if not isinstance(n, NeedItem):
                raise ProblemError(f"needs must be NeedItem, got {type(n).__name__}")
        for r in self.resources:
            if not isinstance(r, ResourceItem):
                raise ProblemError(f"resources must be ResourceItem, got {type(r).__name__}")
        _unique("need", (n.id for n in self.needs))
        _unique("resource", (r.id for r in self.resources))
        needs = {n.id: n for n in self.needs}
        resources = {r.id: r for r in self.resources}
        for (unit, community), mean in self.history.items():
            if not (isinstance(mean, int | float) and 1 <= mean <= 5):
                raise ProblemError(f"history ({unit}, {community}): mean evaluation must be "
                                   f"within 1..5, got {mean!r}")
        pinned_need: dict[str, int] = {}
        pinned_res: dict[str, int] = {}
        seen: set[tuple[str, str]] = set()
        for need_id, res_id, qty in self.pinned:
            pair = f"pinned pair ({need_id}, {res_id})"
            if need_id not in needs:
                raise ProblemError(f"{pair} refers to unknown need {need_id}")
            if res_id not in resources:
                raise ProblemError(f"{pair} refers to unknown resource {res_id}")
            if (need_id, res_id) in seen:
                raise ProblemError(f"{pair} is pinned twice")
            seen.add((need_id, res_id))
            if isinstance(qty, bool) or not isinstance(qty, int) or qty <= 0:
                raise ProblemError(f"{pair}: quantity must be a positive integer, got {qty!r}")
            if (need_id, res_id) in self.declined:
                raise ProblemError(f"{pair} is also declined")
            if not compatible(needs[need_id].unit_of_measure,
                              resources[res_id].unit_of_measure):
                raise ProblemError(f"{pair}: units of measure do not serve each other "
                                   f"({needs[need_id].unit_of_measure} vs "
                                   f"{resources[res_id].unit_of_measure})")
            pinned_need[need_id] = pinned_need.get(need_id, 0) + qty
            pinned_res[res_id] = pinned_res.get(res_id, 0) + qty
        for need_id, total in pinned_need.items():
            if total > needs[need_id].quantity:
                raise ProblemError(f"need {need_id}: pinned pairs take {total}, more than its "
                                   f"quantity {needs[need_id].quantity}")
        for res_id, total in pinned_res.items():
            if total > resources[res_id].capacity:
                raise ProblemError(f"resource {res_id}: pinned pairs take {total}, more than "
                                   f"its capacity {resources[res_id].capacity}")
        for need_id, res_id in self.declined:
            if need_id not in needs:
                raise ProblemError(f"declined pair ({need_id}, {res_id}) refers to unknown "
                                   f"need {need_id}")
            if res_id not in resources:
                raise ProblemError(f"declined pair ({need_id}, {res_id}) refers to unknown "
                                   f"resource {res_id}")
        units = {r.unit_id for r in self.resources}
        for name, limits in (("max_projects_per_unit", self.max_projects_per_unit),
                             ("max_quantity_per_unit", self.max_quantity_per_unit)):
            for unit, limit in limits.items():
                if unit not in units:
                    raise ProblemError(f"{name}: unit {unit} offers no resource")
                if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                    raise ProblemError(f"{name}: unit {unit} limit must be an integer >= 0, "
                                       f"got {limit!r}")
        unit_of = {r.id: r.unit_id for r in self.resources}
        for unit, count in _count(unit_of[rid] for _, rid, _ in self.pinned).items():
            most = self.max_projects_per_unit.get(unit)
            if most is not None and count > most:
                raise ProblemError(f"unit {unit}: {count} pinned projects exceed "
                                   f"max_projects_per_unit {most}")
        by_unit: dict[str, int] = {}
        for _, rid, q in self.pinned:
            by_unit[unit_of[rid]] = by_unit.get(unit_of[rid], 0) + q
        for unit, total in by_unit.items():
            most = self.max_quantity_per_unit.get(unit)
            if most is not None and total > most:
                raise ProblemError(f"unit {unit}: pinned quantity {total} exceeds "
                                   f"max_quantity_per_unit {most}")
        share = self.min_share_per_community
        shares = share.items() if isinstance(share, Mapping) else [("*", share)]
        communities = {n.community_id for n in self.needs}
        for community, value in shares:
            if community != "*" and community not in communities:
                raise ProblemError(f"min_share_per_community: community {community} has no "
                                   f"need")
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not 0 <= value <= 1:
                raise ProblemError(f"min_share_per_community: share of {community} must be "
                                   f"within 0..1, got {value!r}")

    def min_share(self, community_id: str) -> float:
        """The minimum share of ``community_id``'s demand to serve."""
        share = self.min_share_per_community
        if isinstance(share, Mapping):
            return float(share.get(community_id, 0.0))
        return float(share)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready, order-stable form (for hashing a run's input)."""
        def item(x: NeedItem | ResourceItem) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for name in x.__slots__:
                v = getattr(x, name)
                if isinstance(v, dt.date):
                    v = v.isoformat()
                elif isinstance(v, float) and math.isnan(v):
                    v = None
                out[name] = v
            return out

        share = self.min_share_per_community
        return {
            "needs": [item(n) for n in self.needs],
            "resources": [item(r) for r in self.resources],
            "taxonomy": self.taxonomy.to_dict(),
            "registrations": sorted(list(p) for p in self.registrations),
            "history": sorted([u, c, m] for (u, c), m in self.history.items()),
            "pinned": sorted(list(p) for p in self.pinned),
            "declined": sorted(list(p) for p in self.declined),
            "max_projects_per_unit": dict(sorted(self.max_projects_per_unit.items())),
            "max_quantity_per_unit": dict(sorted(self.max_quantity_per_unit.items())),
            "min_share_per_community": dict(sorted(share.items()))
            if isinstance(share, Mapping) else share,
        }


def _unique(kind: str, ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ProblemError(f"duplicate {kind} id {i}")
        seen.add(i)
    return seen


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in items:
        out[i] = out.get(i, 0) + 1
    return out
