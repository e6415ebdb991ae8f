"""gongjian's graph: the domain model of the regional party-building network and its stores.

Public surface: the model (:mod:`graph.model`), the category taxonomy, the lifecycles,
the :class:`GraphStore` protocol with its embedded backend, and exports.
"""

from graph.embedded import EmbeddedStore
from graph.errors import (
    GraphError,
    ModelError,
    NotFound,
    ReferenceMissing,
    StoreUnavailable,
    TransitionNotAllowed,
    VersionConflict,
)
from graph.export import pseudonym, snapshot_to_networkx, write_graphml, write_json
from graph.lifecycle import AGREEMENT, MACHINES, PROJECT, StateMachine, Transition
from graph.model import (
    COMMUNITY_TYPE_NAMES,
    MEMBER_CATEGORY_NAMES,
    NODE_TYPES,
    ORG_LEVEL_NAMES,
    ROLE_NAMES,
    SERVICE_MODE_NAMES,
    UNIT_KIND_NAMES,
    UNITS_OF_MEASURE,
    Agreement,
    AuditEntry,
    CommunityType,
    Evaluation,
    MatchRun,
    MemberCategory,
    Need,
    NeedStatus,
    Node,
    Organization,
    OrgLevel,
    PartyMember,
    Project,
    Relationship,
    ResidentUnit,
    Resource,
    ResourceStatus,
    Role,
    ServiceMode,
    ServiceRecord,
    Signature,
    UnitKind,
    node_type,
)
from graph.store import Edge, GraphStore, Page, Snapshot, UpsertReport
from graph.taxonomy import TAXONOMY, Category, Taxonomy

__all__ = [
    "AGREEMENT", "COMMUNITY_TYPE_NAMES", "MACHINES", "MEMBER_CATEGORY_NAMES", "NODE_TYPES",
    "ORG_LEVEL_NAMES", "PROJECT", "ROLE_NAMES", "SERVICE_MODE_NAMES", "TAXONOMY",
    "UNITS_OF_MEASURE", "UNIT_KIND_NAMES", "Agreement", "AuditEntry", "Category",
    "CommunityType", "Edge",
    "EmbeddedStore", "Evaluation", "GraphError", "GraphStore", "MatchRun", "MemberCategory",
    "ModelError", "Need", "NeedStatus", "Node", "NotFound", "OrgLevel", "Organization", "Page",
    "PartyMember", "Project", "ReferenceMissing", "Relationship", "ResidentUnit", "Resource",
    "ResourceStatus", "Role", "ServiceMode", "ServiceRecord", "Signature", "Snapshot",
    "StateMachine", "StoreUnavailable", "Taxonomy", "Transition", "TransitionNotAllowed",
    "UnitKind", "UpsertReport", "VersionConflict", "node_type", "pseudonym",
    "snapshot_to_networkx", "write_graphml", "write_json",
]
