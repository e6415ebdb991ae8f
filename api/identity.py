"""Who is asking, and what they may read and write: the one place scope rules live.

Every request carries an :class:`Identity`: a role and a scope (the organization or unit it
speaks for). Every service calls :func:`require_read` / :func:`require_write` (or the
predicates :func:`can_read` / :func:`can_write`) on each object it returns or changes, and
:func:`list_scope` to narrow a listing in the store, so a rule is stated once.

Roles and what they see (the "lists" — needs, resources, units, organizations — are
visible street-wide so two-way claiming works; what a community or unit *does* is private
to it):

================  ==========================  ================================================
role              scope                       reads / writes
================  ==========================  ================================================
district admin    the district                everything in its streets / the same
street committee  its street                  everything in the street / the same
community org     its community               street lists; its own projects, agreements,
                                              records, evaluations, audit, members /
                                              its needs and its projects' steps
resident unit     itself                      its street's needs and organizations; its own
                                              resources, projects, agreements, records,
                                              members, and the audit lines of what it takes
                                              part in / its resources and its projects' steps
researcher        the district                everything but the audit trail, members
                                              pseudonymous / nothing
================  ==========================  ================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from api.errors import Forbidden, ReadOnly
from graph import (
    ROLE_NAMES,
    Agreement,
    AuditEntry,
    Evaluation,
    GraphStore,
    MatchRun,
    Need,
    Node,
    NotFound,
    Organization,
    OrgLevel,
    PartyMember,
    Project,
    ResidentUnit,
    Resource,
    Role,
    ServiceRecord,
    street_of,
)

__all__ = ["Identity", "can_read", "can_write", "hidden", "is_party", "list_scope",
           "place_of", "require_admin", "require_kind", "require_read", "require_write",
           "resolve_identity"]

# Kinds a community or unit sees across its street (the lists of two-way claiming).
STREET_VISIBLE: tuple[type[Node], ...] = (Organization, Need)


@dataclass(frozen=True)
class Identity:
    """A signed-in person acting for ``scope_id`` in ``role``.

    ``street_ids`` are the streets the scope lies in (all of a district's, the street's
    own, the street of a community or unit); :func:`resolve_identity` fills them in. An
    identity without them reads nothing street-wide: scope checks fail closed.
    """

    role: Role
    scope_id: str
    subject_id: str
    display_name: str = ""
    street_ids: frozenset[str] = field(default_factory=frozenset)
    # the pseudonym salt, for what a researcher reads (empty: personal ids withheld)
    salt: str = field(default="", repr=False, compare=False)

    @property
    def read_only(self) -> bool:
        return self.role == Role.RESEARCHER

    @property
    def is_admin(self) -> bool:
        """District and street administrators (and a community for its own community)."""
        return self.role in (Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE, Role.COMMUNITY_ORG)

    @property
    def street_id(self) -> str | None:
        """The one street of a street, community or unit identity."""
        if self.role in (Role.DISTRICT_ADMIN, Role.RESEARCHER) or len(self.street_ids) != 1:
            return None
        return next(iter(self.street_ids))

    def describe(self) -> str:
        name = f"「{self.display_name}」" if self.display_name else ""
        return f"{ROLE_NAMES[self.role]}{name}（{self.scope_id}）"


def resolve_identity(store: GraphStore, role: Role, scope_id: str, subject_id: str,
                     display_name: str = "", salt: str = "") -> Identity:
    """An :class:`Identity` with the streets of its scope looked up in ``store``."""
    streets: set[str]
    if role in (Role.DISTRICT_ADMIN, Role.RESEARCHER):
        scope = store.scope(scope_id)
        streets = set() if scope.community else set(scope.streets)
    elif role == Role.STREET_COMMITTEE:
        streets = {store.get(Organization, scope_id).id}
    elif role == Role.COMMUNITY_ORG:
        streets = {s for s in (street_of(store.get(Organization, scope_id)),) if s}
    elif role == Role.RESIDENT_UNIT:
        streets = {store.get(ResidentUnit, scope_id).street_id}
    else:
        streets = set()
    return Identity(role, scope_id, subject_id, display_name, frozenset(streets), salt)


def place_of(obj: Node) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(street, community, units) an object belongs to, for the scope rules."""
    if isinstance(obj, Organization):
        street = obj.street_id or (obj.id if obj.level == OrgLevel.STREET else None)
        community = obj.community_id or (obj.id if obj.level == OrgLevel.COMMUNITY else None)
        return street, community, (obj.unit_id,) if obj.unit_id else ()
    if isinstance(obj, ResidentUnit):
        return obj.street_id, obj.community_id, (obj.id,)
    if isinstance(obj, PartyMember):
        return (obj.street_id, obj.home_community_id,
                (obj.work_unit_id,) if obj.work_unit_id else ())
    if isinstance(obj, Need):
        return obj.street_id, obj.community_id, ()
    if isinstance(obj, Resource):
        return obj.street_id, None, (obj.unit_id,)
    if isinstance(obj, Project | ServiceRecord):
        return obj.street_id, obj.community_id, (obj.unit_id,)
    if isinstance(obj, Agreement):
        return obj.street_id, obj.community_id, tuple(obj.unit_ids)
    if isinstance(obj, Evaluation | AuditEntry):
        return obj.street_id, obj.community_id, (obj.unit_id,) if obj.unit_id else ()
    if isinstance(obj, MatchRun):
        return obj.street_id or obj.scope_id, None, ()
    return None, None, ()


def _in_district(who: Identity, obj: Node, street: str | None) -> bool:
    if obj.id == who.scope_id:
        return True
    if isinstance(obj, MatchRun) and obj.scope_id == who.scope_id:
        return True
    if isinstance(obj, Organization) and obj.id in who.street_ids:
        return True
    return street is not None and street in who.street_ids


def can_read(who: Identity, obj: Node) -> bool:
    """Whether ``who`` may see ``obj``."""
    street, community, units = place_of(obj)
    if who.role == Role.RESEARCHER:
        return not isinstance(obj, AuditEntry) and _in_district(who, obj, street)
    if who.role == Role.DISTRICT_ADMIN:
        return _in_district(who, obj, street)
    if who.role == Role.STREET_COMMITTEE:
        return street == who.scope_id or obj.id == who.scope_id
    if isinstance(obj, MatchRun):
        return False
    if who.role == Role.COMMUNITY_ORG:
        if isinstance(obj, (*STREET_VISIBLE, Resource, ResidentUnit)):
            return street is not None and street in who.street_ids
        return community == who.scope_id
    if who.role == Role.RESIDENT_UNIT:
        if isinstance(obj, STREET_VISIBLE):
            return street is not None and street in who.street_ids
        return who.scope_id in units
    return False


def is_party(who: Identity, obj: Node) -> bool:
    """Whether ``who`` takes part in ``obj``: its community, or one of its units."""
    _, community, units = place_of(obj)
    if who.role == Role.COMMUNITY_ORG:
        return community == who.scope_id
    if who.role == Role.RESIDENT_UNIT:
        return who.scope_id in units
    return False


def can_write(who: Identity, obj: Node) -> bool:
    """Whether ``who`` may create or change ``obj`` (its role's lifecycle rules aside)."""
    street, community, units = place_of(obj)
    if who.role == Role.DISTRICT_ADMIN:
        return _in_district(who, obj, street) and not isinstance(obj, AuditEntry)
    if who.role == Role.STREET_COMMITTEE:
        return street == who.scope_id and not isinstance(obj, AuditEntry)
    if who.role == Role.COMMUNITY_ORG:
        return isinstance(obj, Need | Project | Agreement | ServiceRecord | Evaluation) \
            and community == who.scope_id
    if who.role == Role.RESIDENT_UNIT:
        return isinstance(obj, Resource | Project | Agreement | ServiceRecord) \
            and who.scope_id in units
    return False


def _outside(who: Identity, obj: Node) -> Forbidden:
    return Forbidden(f"{obj.LABEL} {obj.id} 不在{who.describe()}的管辖范围内",
                     kind=obj.KIND, id=obj.id)


def hidden(obj: Node) -> NotFound:
    """What a stored ``obj`` the caller may not see answers: the store's own answer for an
    id that does not exist, so nobody learns which ids exist outside their scope."""
    return NotFound(f"没有编号为 {obj.id} 的{obj.LABEL}", id=obj.id, kind=obj.KIND)


# kinds a role never reads, whatever the id: refused before the id is looked up
NEVER_READS: dict[Role, tuple[type[Node], ...]] = {
    Role.COMMUNITY_ORG: (MatchRun,), Role.RESIDENT_UNIT: (MatchRun,),
    Role.RESEARCHER: (AuditEntry,)}


def require_kind(who: Identity, kind: type[Node]) -> None:
    """Raise :class:`~api.errors.Forbidden` when ``who``'s role never reads ``kind``."""
    if kind in NEVER_READS.get(who.role, ()):
        raise Forbidden(f"{who.describe()}不能查看{kind.LABEL}")


def require_read(who: Identity, obj: Node) -> None:
    """Raise :class:`~graph.errors.NotFound` (as for a missing id) unless ``who`` may see
    the stored ``obj``; Forbidden when the role never reads its kind."""
    if not can_read(who, obj):
        require_kind(who, type(obj))
        raise hidden(obj)


def require_write(who: Identity, obj: Node) -> None:
    """Raise :class:`~api.errors.ReadOnly` or :class:`~api.errors.Forbidden` unless ``who``
    may change ``obj`` (a stored one the caller read first with :func:`require_read`; a new
    one, or a stored one as it will be, outside the scope is Forbidden)."""
    if who.read_only:
        raise ReadOnly("研究人员账号只读，不能新增或修改数据")
    if not can_write(who, obj):
        if can_read(who, obj):
            raise Forbidden(f"{who.describe()}不能修改{obj.LABEL} {obj.id}",
                            kind=obj.KIND, id=obj.id)
        raise _outside(who, obj)


def require_admin(who: Identity, what: str) -> None:
    """Only district, street and community administrators may ``what``."""
    if not who.is_admin:
        raise Forbidden(f"{who.describe()}不能{what}：仅限区、街道、社区管理员")


def list_scope(who: Identity, kind: type[Node]) -> tuple[str | None, dict[str, Any]]:
    """The store ``scope`` and forced ``filters`` that narrow a listing of ``kind`` to
    what ``who`` may read. Rows are still checked one by one with :func:`can_read`."""
    if who.role in (Role.DISTRICT_ADMIN, Role.RESEARCHER):
        if kind is AuditEntry and who.role == Role.RESEARCHER:
            raise Forbidden("研究人员不能查看操作记录")
        return who.scope_id, {}
    if who.role == Role.STREET_COMMITTEE:
        return who.scope_id, {}
    if kind is MatchRun:
        raise Forbidden(f"{who.describe()}不能查看匹配批次；请在项目列表中查看与您有关的项目")
    street = who.street_id
    if who.role == Role.COMMUNITY_ORG:
        if kind in (*STREET_VISIBLE, Resource, ResidentUnit):
            return street or who.scope_id, {}
        if kind is PartyMember:
            return None, {"home_community_id": who.scope_id}
        return None, {"community_id": who.scope_id}
    if who.role == Role.RESIDENT_UNIT:
        if kind in STREET_VISIBLE:
            return street or who.scope_id, {}
        if kind is ResidentUnit:
            return None, {"id": who.scope_id}
        if kind is PartyMember:
            return None, {"work_unit_id": who.scope_id}
        if kind is Agreement:
            return None, {}  # unit_ids is a list: checked row by row
        return None, {"unit_id": who.scope_id}
    raise Forbidden(f"{who.describe()}不能查看{kind.LABEL}")


def merge_filters(forced: Mapping[str, Any], wanted: Mapping[str, Any]
                  ) -> dict[str, Any] | None:
    """``wanted`` filters within ``forced`` ones; None when they cannot both hold."""
    out = {k: v for k, v in wanted.items() if v is not None}
    for k, v in forced.items():
        if k in out and out[k] != v:
            return None
        out[k] = v
    return out
