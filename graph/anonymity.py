"""k-anonymous members for researchers: quasi-identifiers generalised until 5 share each.

What a pseudonymous export tells about a member, besides the pseudonym, is its
*quasi-identifiers*: the member's category, age, and the places its edges point to (home
community ``LIVES_IN``, work unit ``WORKS_AT``, party organization ``MEMBER_OF``, dual
registration ``REGISTERED_WITH``, part-time committee ``PART_TIME_MEMBER``). Together they
re-identify many members (the one retired member born in 1941 living in one community).

Each member is generalised along one ladder, one rung at a time, until at least ``k``
exported members share exactly the same combination (k-anonymity):

====  ========  ==============================  ==================================
rung  age       places (edge targets)           work unit
====  ========  ==============================  ==================================
0     10 years  the node itself                 the unit (``WORKS_AT``)
1     10 years  its community                   its kind (``work_unit_kind``)
2     20 years  its street                      its kind
3     20 years  its district                    left out
4     left out  left out                        left out (only the category stays)
5     left out  left out                        left out (nothing stays)
====  ========  ==============================  ==================================

Members whose combination is shared by fewer than ``k`` once no one can climb further are
left out of the export (suppressed). A combination shared by ``k`` or more never changes, so
the ladder ends after at most six rounds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph.model import Organization, OrgLevel, PartyMember, Relationship, ResidentUnit

K_ANONYMITY = 5
TOP_RUNG = 5
MEMBER_EDGES = ("MEMBER_OF", "WORKS_AT", "LIVES_IN", "REGISTERED_WITH", "PART_TIME_MEMBER")
# rank of an organization's level on the place ladder (0 = finer than a community)
_RANK = {OrgLevel.COMMUNITY: 1, OrgLevel.STREET: 2, OrgLevel.DISTRICT: 3, OrgLevel.CITY: 4}


@dataclass(frozen=True)
class MemberView:
    """What a pseudonymous export says about one member (its quasi-identifiers)."""

    category: str | None
    age_band: str | None
    work_unit_kind: str | None
    edges: frozenset[tuple[str, str]]  # (edge kind, target node id)

    def attributes(self) -> dict[str, str]:
        """The member node's attributes besides its pseudonym and kind."""
        out = {"category": self.category, "age_band": self.age_band,
               "work_unit_kind": self.work_unit_kind}
        return {k: v for k, v in out.items() if v is not None}


def age_band(birth_year: int | None, year: int, width: int) -> str | None:
    """The age band of a birth year, ``width`` years wide.

    >>> age_band(1961, 2026, 10), age_band(1961, 2026, 20), age_band(None, 2026, 10)
    ('60-69岁', '60-79岁', None)
    """
    if birth_year is None:
        return None
    low = (year - birth_year) // width * width
    return f"{low}-{low + width - 1}岁"


class _Places:
    """Climbs from a unit or an organization to its community, street or district."""

    def __init__(self, orgs: Mapping[str, Organization],
                 units: Mapping[str, ResidentUnit]) -> None:
        self.orgs, self.units = orgs, units
        self._seen: dict[tuple[str, int], str | None] = {}

    def up(self, node_id: str, rank: int) -> str | None:
        """The place of ``node_id`` at ``rank`` (1 community, 2 street, 3 district), or
        the node itself when it is already that coarse; None when it cannot be placed."""
        key = (node_id, rank)
        if key not in self._seen:
            self._seen[key] = self._up(node_id, rank)
        return self._seen[key]

    def _up(self, node_id: str, rank: int) -> str | None:
        unit = self.units.get(node_id)
        if unit is not None:
            if rank == 1 and unit.community_id:
                return unit.community_id
            return self.up(unit.street_id, rank)
        org = self.orgs.get(node_id)
        if org is None:
            return None
        if _RANK.get(org.level, 0) >= rank:
            return org.id
        if rank == 1 and org.community_id and org.community_id != org.id:
            return org.community_id
        if rank <= 2 and org.street_id and org.street_id != org.id:
            return self.up(org.street_id, rank)
        return self.up(org.parent_id, rank) if org.parent_id else None


@dataclass(frozen=True)
class _Member:
    """The quasi-identifiers of one member, at full detail."""

    category: str
    birth_year: int | None
    work_unit_kind: str | None
    places: tuple[tuple[str, str], ...]  # (edge kind, target id)

    @classmethod
    def of(cls, m: PartyMember, rels: Iterable[Relationship],
           units: Mapping[str, ResidentUnit]) -> _Member:
        places = [("MEMBER_OF", m.org_id)]
        if m.home_community_id:
            places.append(("LIVES_IN", m.home_community_id))
        if m.work_unit_id:
            places.append(("WORKS_AT", m.work_unit_id))
        places.extend((r.kind, r.dst) for r in rels)
        unit = units.get(m.work_unit_id or "")
        return cls(m.category.value, m.birth_year,
                   unit.kind.value if unit is not None else None, tuple(places))

    def view(self, rung: int, year: int, places: _Places) -> MemberView:
        """What the export says of the member at ``rung`` of the ladder."""
        if rung >= 4:
            return MemberView(self.category if rung == 4 else None, None, None, frozenset())
        edges: set[tuple[str, str]] = set()
        for kind, target in self.places:
            if kind == "WORKS_AT" and rung > 0:
                continue
            where = target if rung == 0 else places.up(target, rung)
            if where is not None:
                edges.add((kind, where))
        return MemberView(self.category, age_band(self.birth_year, year, 10 if rung < 2 else 20),
                          self.work_unit_kind if rung in (1, 2) else None, frozenset(edges))


def anonymize_members(members: Iterable[PartyMember], relationships: Iterable[Relationship],
                      orgs: Mapping[str, Organization], units: Mapping[str, ResidentUnit],
                      *, k: int = K_ANONYMITY, today: dt.date | None = None
                      ) -> dict[str, MemberView]:
    """Each exported member's view, by member id; suppressed members are absent.

    Every view in the result is equal to at least ``k - 1`` others.

    >>> c = Organization(id="C1", name="社区", level="community", parent_id="S1",
    ...                  community_type="old")
    >>> ms = [PartyMember(id=f"M{i}", name="某", category="retired", org_id="C1",
    ...                   home_community_id="C1", birth_year=1945 + 2 * i) for i in range(6)]
    >>> views = anonymize_members(ms, [], {"C1": c}, {}, today=dt.date(2026, 1, 1))
    >>> sorted(views), {v.age_band for v in views.values()}
    (['M1', 'M2', 'M3', 'M4', 'M5'], {'70-79岁'})
    >>> len(anonymize_members(ms[:4], [], {"C1": c}, {}))
    0
    """
    year = (today or dt.date.today()).year
    places = _Places(orgs, units)
    by_member: dict[str, list[Relationship]] = {}
    for r in relationships:
        if r.kind in MEMBER_EDGES:
            by_member.setdefault(r.src, []).append(r)
    people = {m.id: _Member.of(m, by_member.get(m.id, []), units) for m in members}
    rung = dict.fromkeys(people, 0)
    views = {mid: m.view(0, year, places) for mid, m in people.items()}
    while True:
        sizes = Counter(views.values())
        small = [mid for mid, v in views.items() if sizes[v] < k]
        if not small:
            return views
        movable = [mid for mid in small if rung[mid] < TOP_RUNG]
        if not movable:  # shared by fewer than k even with nothing said: left out
            for mid in small:
                del views[mid]
            return views
        for mid in movable:
            rung[mid] += 1
            views[mid] = people[mid].view(rung[mid], year, places)
