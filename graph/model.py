"""The domain model: nodes and relationships of the regional party-building network.

Every node kind is a pydantic model with a stable string ``id`` and a ``version`` the store
increments on each change. Fields that refer to other nodes are declared in ``REFS``: the
store checks they exist and draws them as edges of the graph, so "which needs were met"
is a walk from a need through its projects to agreements, service records and evaluations.

Validation rejects nonsense with Chinese messages that name the field:

>>> Need(id="N1", title="助餐", category="elderly_care", community_id="C1", street_id="S1",
...      quantity=0, unit_of_measure="次")
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Need
quantity
  Input should be greater than 0 ...
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from graph.taxonomy import TAXONOMY

# ids appear in addresses (/api/needs/{id}) and file names: letters, digits and - _ . :
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$"
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=ID_PATTERN)]
Text = Annotated[str, Field(max_length=2000)]

# control characters other than tab and line breaks break exports (XML) and documents
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# model_validate(data, context=STORED): a node read back from a store, checked when written
STORED = {"stored": True}


def check_plain_text(value: Any) -> Any:
    r"""``value`` unchanged, or ValueError when a text in it holds a control character.

    >>> check_plain_text("第一行\n第二行\t完")
    '第一行\n第二行\t完'
    >>> check_plain_text(["a", "b\x01"])
    Traceback (most recent call last):
    ...
    ValueError: 含有不可见的控制字符 U+0001（第 2 个字符），请删除后重试
    """
    texts = value if isinstance(value, list | tuple) else (value,)
    for text in texts:
        if isinstance(text, str) and (m := CONTROL_CHARS.search(text)):
            raise ValueError(f"含有不可见的控制字符 U+{ord(m.group()):04X}"
                             f"（第 {m.start() + 1} 个字符），请删除后重试")
    return value


def check_plain_input(model: type[BaseModel], name: str | None, value: Any) -> Any:
    """``value`` for field ``name`` of ``model``, refused (ValueError) when it holds control
    characters, or is true/false where the field takes a number."""
    if isinstance(value, bool) and name is not None:
        field = model.model_fields.get(name)
        if field is not None and _numeric(field.annotation):
            raise ValueError(f"须为数字，不能是 {str(value).lower()}")
    return check_plain_text(value)


def _numeric(annotation: Any) -> bool:
    """Whether a field's annotation takes numbers and not booleans."""
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        parts = typing.get_args(annotation)
        return any(_numeric(a) for a in parts) and bool not in parts
    return annotation in (int, float)

# Mainland China and its islands, generously: a point outside is a typo (swapped
# latitude/longitude, a missing minus, a coordinate in metres).
CHINA_LAT = (3.0, 54.0)
CHINA_LON = (73.0, 136.0)

UNITS_OF_MEASURE = ("小时", "次", "场", "人", "人次", "名", "元", "件", "处", "间", "户", "个")


class OrgLevel(StrEnum):
    CITY = "city"  # 市委
    DISTRICT = "district"  # 区委
    STREET = "street"  # 街道党工委
    COMMUNITY = "community"  # 社区党组织
    COMPOUND_BRANCH = "compound_branch"  # 小区党支部
    GRID_BRANCH = "grid_branch"  # 网格党支部
    BUILDING_GROUP = "building_group"  # 楼栋党小组
    MEMBER_HOUSEHOLD = "member_household"  # 党员中心户
    UNIT_PARTY_ORG = "unit_party_org"  # 单位党组织
    REGIONAL_COMMITTEE = "regional_committee"  # 区域党（工）委
    SECTOR_ORG = "sector_org"  # 楼宇、商圈市场、园区、行业协会党组织
    ALLIANCE = "alliance"  # 党建联盟、联合体、综合体


ORG_LEVEL_NAMES = {
    OrgLevel.CITY: "市委", OrgLevel.DISTRICT: "区委", OrgLevel.STREET: "街道党工委",
    OrgLevel.COMMUNITY: "社区党组织", OrgLevel.COMPOUND_BRANCH: "小区党支部",
    OrgLevel.GRID_BRANCH: "网格党支部", OrgLevel.BUILDING_GROUP: "楼栋党小组",
    OrgLevel.MEMBER_HOUSEHOLD: "党员中心户", OrgLevel.UNIT_PARTY_ORG: "单位党组织",
    OrgLevel.REGIONAL_COMMITTEE: "区域党委", OrgLevel.SECTOR_ORG: "行业领域党组织",
    OrgLevel.ALLIANCE: "党建联盟",
}


class CommunityType(StrEnum):
    OLD = "old"  # 老旧社区 / 传统社区
    COMMODITY = "commodity"  # 商品房社区 / 新建社区
    UNIT_BASED = "unit_based"  # 单位型社区
    VILLAGE_TO_RESIDENCE = "village_to_residence"  # 村改居社区


COMMUNITY_TYPE_NAMES = {
    CommunityType.OLD: "老旧社区", CommunityType.COMMODITY: "商品房社区",
    CommunityType.UNIT_BASED: "单位型社区", CommunityType.VILLAGE_TO_RESIDENCE: "村改居社区",
}


class UnitKind(StrEnum):
    GOVERNMENT_AGENCY = "government_agency"  # 机关
    PUBLIC_INSTITUTION = "public_institution"  # 事业单位
    SCHOOL = "school"  # 学校
    HOSPITAL = "hospital"  # 公立医院
    STATE_OWNED = "state_owned"  # 国有企业
    PRIVATE_ENTERPRISE = "private_enterprise"  # 非公企业
    SOCIAL_ORGANIZATION = "social_organization"  # 社会组织
    INTERNET_COMPANY = "internet_company"  # 互联网企业
    PROPERTY_COMPANY = "property_company"  # 物业服务企业


UNIT_KIND_NAMES = {
    UnitKind.GOVERNMENT_AGENCY: "机关", UnitKind.PUBLIC_INSTITUTION: "事业单位",
    UnitKind.SCHOOL: "学校", UnitKind.HOSPITAL: "公立医院", UnitKind.STATE_OWNED: "国有企业",
    UnitKind.PRIVATE_ENTERPRISE: "非公企业", UnitKind.SOCIAL_ORGANIZATION: "社会组织",
    UnitKind.INTERNET_COMPANY: "互联网企业", UnitKind.PROPERTY_COMPANY: "物业服务企业",
}


class MemberCategory(StrEnum):
    DIRECT = "direct"  # 直管党员
    IN_SERVICE = "in_service"  # 在职党员
    FLOATING = "floating"  # 流动党员
    RETIRED = "retired"  # 离退休党员


MEMBER_CATEGORY_NAMES = {
    MemberCategory.DIRECT: "直管党员", MemberCategory.IN_SERVICE: "在职党员",
    MemberCategory.FLOATING: "流动党员", MemberCategory.RETIRED: "离退休党员",
}


class ServiceMode(StrEnum):
    ONSITE = "onsite"  # 上门/到社区服务
    AT_UNIT = "at_unit"  # 居民到单位
    ONLINE = "online"  # 线上


SERVICE_MODE_NAMES = {
    ServiceMode.ONSITE: "到社区服务", ServiceMode.AT_UNIT: "到单位接受服务",
    ServiceMode.ONLINE: "线上服务",
}


class Role(StrEnum):
    DISTRICT_ADMIN = "district_admin"  # 区委组织部 / 区级管理员
    STREET_COMMITTEE = "street_committee"  # 街道党工委
    COMMUNITY_ORG = "community_org"  # 社区党组织
    RESIDENT_UNIT = "resident_unit"  # 驻区单位
    RESEARCHER = "researcher"  # 研究人员（只读、假名）
    SYSTEM = "system"  # gongjian itself (match runs, automatic steps)


ROLE_NAMES = {
    Role.DISTRICT_ADMIN: "区级管理员", Role.STREET_COMMITTEE: "街道党工委",
    Role.COMMUNITY_ORG: "社区党组织", Role.RESIDENT_UNIT: "驻区单位",
    Role.RESEARCHER: "研究人员", Role.SYSTEM: "系统",
}


class Located(BaseModel):
    """Mixin: optional WGS84 coordinates that must lie in China."""

    lat: float | None = None
    lon: float | None = None

    @model_validator(mode="after")
    def _inside_china(self) -> Located:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("纬度 lat 与经度 lon 须同时填写或同时留空")
        if self.lat is not None and self.lon is not None and not (
            CHINA_LAT[0] <= self.lat <= CHINA_LAT[1] and CHINA_LON[0] <= self.lon <= CHINA_LON[1]
        ):
            raise ValueError(
                f"坐标 (纬度 {self.lat}, 经度 {self.lon}) 不在中国境内，请检查是否填反或漏填"
            )
        return self


class Windowed(BaseModel):
    """Mixin: an optional time window whose end is not before its start."""

    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Windowed:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"结束日期 {self.end} 早于开始日期 {self.start}")
        return self


class Node(BaseModel):
    """Base of every node kind. ``REFS`` maps a field to (edge kind, target kinds)."""

    # frozen: a node read from a store may be handed to several requests
    # (graph.decoded); a change is a copy (model_copy(update=...)) written with its version
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    KIND: ClassVar[str] = "Node"
    LABEL: ClassVar[str] = "节点"
    # field -> (relationship kind drawn in the graph or None for a checked reference only,
    #           kinds the target may have)
    REFS: ClassVar[dict[str, tuple[str | None, tuple[str, ...]]]] = {}
    # fields holding personal data, replaced for researchers
    SENSITIVE: ClassVar[tuple[str, ...]] = ()
    # whether the id itself names a person (then researchers see a pseudonymous id too)
    PERSONAL: ClassVar[bool] = False

    id: Id
    version: int = Field(default=0, ge=0)

    @field_validator("*", mode="before")
    @classmethod
    def _plain_input(cls, value: Any, info: ValidationInfo) -> Any:
        """Refuse control characters in texts and true/false where a number belongs."""
        if info.context is STORED:
            return value  # checked when it was written
        return check_plain_input(cls, info.field_name, value)

    def ref_targets(self) -> list[tuple[str, str | None, str]]:
        """(field, edge kind, target id) for every reference this node holds."""
        out: list[tuple[str, str | None, str]] = []
        for name, (edge, _) in self.REFS.items():
            value = getattr(self, name)
            if value is None:
                continue
            for target in value if isinstance(value, list) else [value]:
                out.append((name, edge, target))
        return out

    def content(self) -> dict[str, Any]:
        """The node's properties as JSON-ready values, without the version."""
        return self.model_dump(mode="json", exclude={"version"})


class Organization(Node, Located):
    """A party organization at any level: district, street, community, branch, alliance..."""

    KIND = "Organization"
    LABEL = "党组织"
    REFS = {
        "parent_id": ("PART_OF", ("Organization",)),
        "unit_id": ("PARTY_ORG_OF", ("ResidentUnit",)),
        "street_id": (None, ("Organization",)),
    }

    name: Annotated[str, Field(min_length=1, max_length=100)]
    level: OrgLevel
    parent_id: Id | None = None
    street_id: Id | None = None
    community_id: Id | None = None
    community_type: CommunityType | None = None
    weak: bool = False  # 软弱涣散 / 后进, identified yearly
    households: int | None = Field(default=None, ge=0)
    unit_id: Id | None = None  # for a unit's own party organization
    address: Text | None = None

    @model_validator(mode="after")
    def _level_rules(self) -> Organization:
        if self.level not in (OrgLevel.CITY, OrgLevel.DISTRICT) and not self.parent_id:
            raise ValueError(f"{ORG_LEVEL_NAMES[self.level]}「{self.name}」缺少上级组织 parent_id")
        if self.level == OrgLevel.COMMUNITY and self.community_type is None:
            raise ValueError(f"社区「{self.name}」缺少社区类型 community_type")
        if self.level == OrgLevel.UNIT_PARTY_ORG and not self.unit_id:
            raise ValueError(f"单位党组织「{self.name}」缺少所属单位 unit_id")
        return self


class ResidentUnit(Node, Located):
    """A resident unit (驻区单位) with its party-building liaison."""

    KIND = "ResidentUnit"
    LABEL = "驻区单位"
    REFS = {
        "community_id": ("LOCATED_IN", ("Organization",)),
        "street_id": (None, ("Organization",)),
    }
    SENSITIVE = ("liaison_name", "liaison_phone")

    name: Annotated[str, Field(min_length=1, max_length=100)]
    kind: UnitKind
    street_id: Id
    community_id: Id | None = None
    address: Text | None = None
    liaison_name: str | None = Field(default=None, max_length=50)  # 党建联络员
    liaison_phone: str | None = Field(default=None, pattern=r"^[0-9+\-\s]{5,20}$")
    staff: int | None = Field(default=None, ge=0)
    party_members: int | None = Field(default=None, ge=0)


class PartyMember(Node):
    """A party member. Name and phone are sensitive: researchers see pseudonyms only."""

    KIND = "PartyMember"
    LABEL = "党员"
    REFS = {
        "org_id": ("MEMBER_OF", ("Organization",)),
        "work_unit_id": ("WORKS_AT", ("ResidentUnit",)),
        "home_community_id": ("LIVES_IN", ("Organization",)),
        "street_id": (None, ("Organization",)),
    }
    SENSITIVE = ("name", "phone")
    PERSONAL = True

    name: Annotated[str, Field(min_length=1, max_length=50)]
    category: MemberCategory
    org_id: Id
    street_id: Id | None = None  # street of the home community
    work_unit_id: Id | None = None
    home_community_id: Id | None = None
    phone: str | None = Field(default=None, pattern=r"^[0-9+\-\s]{5,20}$")
    birth_year: int | None = Field(default=None, ge=1900, le=2010)
    points: int = Field(default=0, ge=0)  # 积分

    @model_validator(mode="after")
    def _in_service_has_unit(self) -> PartyMember:
        if self.category == MemberCategory.IN_SERVICE and not self.work_unit_id:
            raise ValueError(f"在职党员「{self.id}」缺少工作单位 work_unit_id")
        return self


class NeedStatus(StrEnum):
    OPEN = "open"
    WITHDRAWN = "withdrawn"


NEED_STATUS_NAMES = {NeedStatus.OPEN: "有效", NeedStatus.WITHDRAWN: "已撤回"}


class Need(Node, Located, Windowed):
    """An item of a community's needs list (需求清单)."""

    KIND = "Need"
    LABEL = "需求"
    REFS = {
        "community_id": ("RAISED_BY", ("Organization",)),
        "street_id": (None, ("Organization",)),
    }

    title: Annotated[str, Field(min_length=1, max_length=100)]
    description: Text = ""
    category: str
    community_id: Id
    street_id: Id
    quantity: int = Field(gt=0, le=1_000_000)
    unit_of_measure: str
    urgency: int = Field(default=2, ge=1, le=3)  # 1 一般, 2 较急, 3 紧急
    online_ok: bool = False
    people: int | None = Field(default=None, gt=0, le=100_000)  # 涉及人数
    status: NeedStatus = NeedStatus.OPEN
    created: dt.date | None = None

    @field_validator("category")
    @classmethod
    def _known_category(cls, v: str) -> str:
        return _category_code(v)

    @field_validator("unit_of_measure")
    @classmethod
    def _known_unit(cls, v: str) -> str:
        return _unit_of_measure(v)


class ResourceStatus(StrEnum):
    AVAILABLE = "available"
    WITHDRAWN = "withdrawn"


RESOURCE_STATUS_NAMES = {ResourceStatus.AVAILABLE: "可提供", ResourceStatus.WITHDRAWN: "已撤回"}
RECORD_STATUS_NAMES = {"valid": "有效", "voided": "已作废"}  # of a ServiceRecord


class Resource(Node, Located, Windowed):
    """An item of a resident unit's resources list (资源清单)."""

    KIND = "Resource"
    LABEL = "资源"
    REFS = {
        "unit_id": ("OFFERED_BY", ("ResidentUnit",)),
        "street_id": (None, ("Organization",)),
    }

    title: Annotated[str, Field(min_length=1, max_length=100)]
    description: Text = ""
    category: str
    unit_id: Id
    street_id: Id
    capacity: int = Field(gt=0, le=1_000_000)
    unit_of_measure: str
    mode: ServiceMode = ServiceMode.ONSITE
    reach_km: float = Field(default=3.0, ge=0, le=100)
    seats: int | None = Field(default=None, gt=0, le=100_000)  # 可容纳人数
    restriction: Text = ""  # 限制条件：只用于…、仅限…、不含…、限本单位双报到社区
    also_categories: list[str] = Field(default_factory=list, max_length=5)  # 兼顾类别
    status: ResourceStatus = ResourceStatus.AVAILABLE

    @field_validator("category")
    @classmethod
    def _known_category(cls, v: str) -> str:
        return _category_code(v)

    @field_validator("also_categories")
    @classmethod
    def _known_categories(cls, v: list[str]) -> list[str]:
        return [_category_code(c) for c in v]

    @field_validator("unit_of_measure")
    @classmethod
    def _known_unit(cls, v: str) -> str:
        return _unit_of_measure(v)


class Project(Node, Windowed):
    """A need paired with a resource and a quantity (项目清单), from proposal to evaluation."""

    KIND = "Project"
    LABEL = "共建项目"
    REFS = {
        "need_id": ("SERVES", ("Need",)),
        "resource_id": ("USES", ("Resource",)),
        "match_run_id": ("PROPOSED_IN", ("MatchRun",)),
        "unit_id": (None, ("ResidentUnit",)),
        "community_id": (None, ("Organization",)),
        "street_id": (None, ("Organization",)),
    }

    title: Annotated[str, Field(min_length=1, max_length=200)]
    need_id: Id
    resource_id: Id
    unit_id: Id
    community_id: Id
    street_id: Id
    category: str
    quantity: int = Field(gt=0)
    unit_of_measure: str
    status: str = "proposed"
    score: float | None = Field(default=None, ge=0, le=1)
    breakdown: dict[str, float] = Field(default_factory=dict)
    explanation: Text = ""
    match_run_id: Id | None = None
    pinned: bool = False


class Signature(BaseModel):
    model_config = ConfigDict(extra="forbid")

    party_id: Id
    role: Role
    signer: str = Field(min_length=1, max_length=50)
    signed_at: dt.datetime


class Agreement(Node, Windowed):
    """A co-building agreement (共建协议) covering one or more resolved projects."""

    KIND = "Agreement"
    LABEL = "共建协议"
    REFS = {
        "project_ids": ("COVERS", ("Project",)),
        "community_id": (None, ("Organization",)),
        "street_id": (None, ("Organization",)),
        "unit_ids": (None, ("ResidentUnit",)),
    }

    title: Annotated[str, Field(min_length=1, max_length=200)]
    project_ids: list[Id] = Field(min_length=1)
    community_id: Id
    street_id: Id
    unit_ids: list[Id] = Field(min_length=1)
    status: str = "draft"
    terms: Text = ""
    signatures: list[Signature] = Field(default_factory=list)
    # the office's document number (文号), e.g. 武汉路共建〔2026〕3号; never an internal id
    number: str | None = Field(default=None, max_length=60)
    backdate_reason: str | None = Field(default=None, max_length=500)  # 补签理由


class ServiceRecord(Node):
    """Delivered service (记实): date, hours and the members who served."""

    KIND = "ServiceRecord"
    LABEL = "服务记实"
    REFS = {
        "project_id": ("RECORDS", ("Project",)),
        "member_ids": ("SERVED_BY", ("PartyMember",)),
        "street_id": (None, ("Organization",)),
    }

    project_id: Id
    street_id: Id
    unit_id: Id
    community_id: Id
    date: dt.date
    hours: float = Field(gt=0, le=10_000)
    quantity: int = Field(default=0, ge=0)
    member_ids: list[Id] = Field(default_factory=list)
    note: Text = ""
    # "valid" or "voided" (作废, with its reason in the audit trail); figures count valid only
    status: Literal["valid", "voided"] = "valid"


class Evaluation(Node):
    """A rating (评议) of a project or agreement, 1 to 5."""

    KIND = "Evaluation"
    LABEL = "评议"
    REFS = {
        "target_id": ("EVALUATES", ("Project", "Agreement")),
        "street_id": (None, ("Organization",)),
    }

    target_id: Id
    street_id: Id
    unit_id: Id | None = None
    community_id: Id | None = None
    score: int = Field(ge=1, le=5)
    comment: Text = ""
    by_role: Role
    by_id: Id
    date: dt.date


class MatchRun(Node):
    """One run of the matcher over a scope: parameters, input hash, result, timings."""

    KIND = "MatchRun"
    LABEL = "匹配批次"
    REFS = {"scope_id": (None, ("Organization",))}

    scope_id: Id
    street_id: Id | None = None
    created: dt.datetime
    params: dict[str, Any] = Field(default_factory=dict)
    input_hash: str
    status: str
    objective: float
    summary: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any] = Field(default_factory=dict)
    # a draft touches no live proposal until it is published; the live run of a scope is
    # its latest published one
    draft: bool = False
    published: dt.datetime | None = None
    based_on: Id | None = None  # the scope's live run when this one was computed
    proposals: list[Id] = Field(default_factory=list)  # projects of its pairs, in order
    basis: dict[Id, int] = Field(default_factory=dict)  # project versions the run read
    supersedes: list[Id] = Field(default_factory=list)  # live proposals it does not repeat
    skipped: list[dict[str, Any]] = Field(default_factory=list)  # writes left out, and why
    # a run started in the background is stored at once as ``running`` (a draft with no
    # result) and written whole, in one versioned write, when it ends (``done``); a run
    # that raised, or that a restart interrupted, is ``failed`` with its ``error``
    state: Literal["running", "done", "failed"] = "done"
    stage: str = Field(default="", max_length=40)  # what it is doing now, in Chinese
    progress: float = Field(default=1.0, ge=0, le=1)
    error: str | None = Field(default=None, max_length=2000)
    publish_when_done: bool = False  # started to go live (not as a draft)
    same_as: Id | None = None  # done on the live run's very input: that run, nothing new


class AuditEntry(Node):
    """One line of the append-only audit trail: who took which step, when, from and to."""

    KIND = "AuditEntry"
    LABEL = "操作记录"
    REFS = {
        "target_id": ("AUDITS", ("Project", "Agreement", "Need", "Resource", "MatchRun",
                                 "ServiceRecord", "Evaluation", "ResidentUnit",
                                 "Organization")),
        "street_id": (None, ("Organization",)),
    }

    target_kind: str
    target_id: Id
    action: str
    from_state: str | None = None
    to_state: str | None = None
    by_role: Role
    by_id: str = Field(min_length=1, max_length=64)
    at: dt.datetime
    note: Text = ""
    street_id: Id | None = None
    community_id: Id | None = None
    unit_id: Id | None = None


RelKind = Literal["REGISTERED_WITH", "ALLIANCE_MEMBER", "PART_TIME_MEMBER"]


class Relationship(BaseModel):
    """An explicit relationship between two nodes (edges from ``REFS`` are implicit).

    ``REGISTERED_WITH``: dual registration (双报到) of a unit or an in-service member with a
    community; ``ALLIANCE_MEMBER``: a unit or organization in an alliance;
    ``PART_TIME_MEMBER``: a unit whose leader sits on a committee (兼职委员).
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: RelKind
    src: Id
    dst: Id
    since: dt.date | None = None
    props: dict[str, Any] = Field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.src, self.dst)


REL_TARGETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "REGISTERED_WITH": (("ResidentUnit", "PartyMember", "Organization"), ("Organization",)),
    "ALLIANCE_MEMBER": (("ResidentUnit", "Organization"), ("Organization",)),
    "PART_TIME_MEMBER": (("ResidentUnit", "PartyMember"), ("Organization",)),
}

NODE_TYPES: dict[str, type[Node]] = {
    cls.KIND: cls
    for cls in (Organization, ResidentUnit, PartyMember, Need, Resource, Project, Agreement,
                ServiceRecord, Evaluation, MatchRun, AuditEntry)
}


def node_type(kind: str) -> type[Node]:
    """The model class of a kind name, or a :class:`~graph.errors.ModelError`."""
    from graph.errors import ModelError

    try:
        return NODE_TYPES[kind]
    except KeyError:
        raise ModelError(f"未知的节点类型 {kind}；可用：{', '.join(NODE_TYPES)}") from None


def _category_code(v: str) -> str:
    code = TAXONOMY.code_for(v)
    if code is None:
        near = TAXONOMY.nearest(v)
        hint = f"最接近的是：{'、'.join(near)}" if near else "请使用类别表中的名称，例如 法律服务"
        raise ValueError(f"未知的类别「{v}」；{hint}")
    return code


def _unit_of_measure(v: str) -> str:
    v = v.strip()
    if v not in UNITS_OF_MEASURE:
        raise ValueError(f"未知的计量单位「{v}」；可用：{'、'.join(UNITS_OF_MEASURE)}")
    return v
