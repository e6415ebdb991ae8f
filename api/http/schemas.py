"""Request and response shapes: ``XCreate`` / ``XUpdate`` / ``XPublic`` / ``XPage``.

The graph's node models are already the public shape of most objects (they hold no
secrets; members are the exception and have their own :class:`MemberPublic`), so the
``XPublic`` names are aliases of them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from fastapi import Response
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationInfo,
    computed_field,
    field_validator,
)
from pydantic_core import to_json

from api import labels
from api.identity import Identity
from api.services.cache import cached, reach
from api.services.directory import MemberView
from graph import (
    Agreement,
    AuditEntry,
    Evaluation,
    GraphStore,
    MatchRun,
    Need,
    Organization,
    Page,
    Project,
    ResidentUnit,
    Resource,
    ServiceMode,
    ServiceRecord,
)
from graph.model import ID_PATTERN, check_plain_input

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

Id = str
ShortText = Field(default="", max_length=2000)


class Strict(BaseModel):
    """A request body: no unknown fields, no control characters, no true/false for numbers."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _plain_input(cls, value: Any, info: ValidationInfo) -> Any:
        return check_plain_input(cls, info.field_name, value)


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(ge=0)
    page: int = Field(ge=1)
    size: int = Field(ge=1)

    @classmethod
    def cached(cls, store: GraphStore, who: Identity, key: Hashable,
               list_page: Callable[[], Page[Any]]) -> Response:
        """The JSON of the page ``list_page()`` reads, computed once per data version for
        the callers of one reach (:func:`api.services.cache.reach`) and ``key`` (the
        address and query, :func:`api.http.deps.list_key`): a list read again before the
        next write is not read again. The scope is checked by ``list_page`` itself, so a
        page is only ever shared among callers who may read all of it."""
        body = cached(store, ("json page", cls.__name__, reach(who), key),
                      lambda: cls.json_of(list_page()), pool="pages")
        return Response(body, media_type="application/json")

    @classmethod
    def json_of(cls, page: Page[Any]) -> bytes:
        """The store's ``page`` as this shape's JSON (:func:`public_rows`)."""
        (item,) = cls.__pydantic_generic_metadata__["args"]
        rows = public_rows(item, page.items)
        if rows is None:
            body = cls.model_validate({"items": page.items, "total": page.total,
                                       "page": page.page, "size": page.size})
            return cls.__pydantic_serializer__.to_json(body)
        return to_json({"items": rows, "total": page.total, "page": page.page,
                        "size": page.size})


def public_rows(item: type[Any], nodes: list[Any]) -> list[dict[str, Any]] | None:
    """``nodes`` in the labelled shape ``item`` (``NeedPublic``…), as JSON values, without
    validating them again; None when ``item`` is not a labelled shape of their kind.

    The nodes were validated when they were read; re-reading each into ``item`` and
    FastAPI's pass over the result cost more than the rest of a 200-row request. So the
    nodes are dumped by their own kind's serializer and the labels set beside them from
    :func:`labelled`'s table: the same JSON, as ``tests/api/test_page_json.py`` checks.
    """
    table: dict[str, tuple[str, labels.Vocabulary]] | None = getattr(item, "LABELS", None)
    base = item.__base__
    if table is None or not all(type(n) is base for n in nodes):
        return None
    rows: list[dict[str, Any]] = _list_of(base).dump_python(nodes, mode="json")
    for node, row in zip(nodes, rows, strict=True):
        for out, (source, vocabulary) in table.items():
            row[out] = vocabulary.label(getattr(node, source))
    return rows


def public_response(item: type[Any], node: Any) -> Response:
    """One node (a detail) in the labelled shape ``item``, as :func:`public_rows`."""
    rows = public_rows(item, [node])
    body = (to_json(rows[0]) if rows is not None
            else item.__pydantic_serializer__.to_json(item.model_validate(node)))
    return Response(body, media_type="application/json")


@functools.cache
def _list_of(kind: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[kind])  # type: ignore[valid-type]


def labelled(base: type[M], fields: dict[str, tuple[str, labels.Vocabulary]]) -> type[M]:
    """``base`` with a read-only Chinese label beside each coded field (``status_label``
    beside ``status``…). The labels are computed in one place, here: as properties when
    a node is read into this shape (``from_attributes``), and from the same ``LABELS``
    table by :func:`public_rows` when lists and details are answered from stored nodes."""
    namespace: dict[str, Any] = {"__module__": __name__, "__annotations__": {"LABELS": ClassVar},
                                 "LABELS": fields,
                                 "model_config": ConfigDict(from_attributes=True)}
    for out, (source, vocabulary) in fields.items():
        def getter(self: BaseModel, source: str = source,
                   vocabulary: labels.Vocabulary = vocabulary) -> str | None:
            return vocabulary.label(getattr(self, source))
        getter.__doc__ = f"{vocabulary.name}（{source} 的中文名称）"
        namespace[out] = computed_field(return_type=str | None)(property(getter))
    return type(f"{base.__name__}Public", (base,), namespace)


_CATEGORY = ("category", labels.CATEGORY)
if TYPE_CHECKING:  # the same fields, plus labels that only the responses carry
    OrganizationPublic = Organization
    UnitPublic = ResidentUnit
    NeedPublic = Need
    ResourcePublic = Resource
    ProjectPublic = Project
    AgreementPublic = Agreement
    ServiceRecordPublic = ServiceRecord
    EvaluationPublic = Evaluation
    AuditEntryPublic = AuditEntry
else:
    OrganizationPublic = labelled(Organization, {
        "level_label": ("level", labels.ORG_LEVEL),
        "community_type_label": ("community_type", labels.COMMUNITY_TYPE)})
    UnitPublic = labelled(ResidentUnit, {"kind_label": ("kind", labels.UNIT_KIND)})
    NeedPublic = labelled(Need, {"status_label": ("status", labels.NEED_STATUS),
                                 "category_label": _CATEGORY})
    ResourcePublic = labelled(Resource, {"status_label": ("status", labels.RESOURCE_STATUS),
                                         "category_label": _CATEGORY,
                                         "mode_label": ("mode", labels.SERVICE_MODE)})
    ProjectPublic = labelled(Project, {"status_label": ("status", labels.PROJECT_STATUS),
                                       "category_label": _CATEGORY})
    AgreementPublic = labelled(Agreement, {
        "status_label": ("status", labels.AGREEMENT_STATUS)})
    ServiceRecordPublic = labelled(ServiceRecord, {
        "status_label": ("status", labels.RECORD_STATUS)})
    EvaluationPublic = labelled(Evaluation, {"by_role_label": ("by_role", labels.ROLE)})
    AuditEntryPublic = labelled(AuditEntry, {"by_role_label": ("by_role", labels.ROLE)})
MatchRunPublic = MatchRun

OrganizationPage = PageOut[OrganizationPublic]
UnitPage = PageOut[UnitPublic]
NeedPage = PageOut[NeedPublic]
ResourcePage = PageOut[ResourcePublic]
ProjectPage = PageOut[ProjectPublic]
AgreementPage = PageOut[AgreementPublic]
ServiceRecordPage = PageOut[ServiceRecordPublic]
EvaluationPage = PageOut[EvaluationPublic]
AuditEntryPage = PageOut[AuditEntryPublic]
MatchRunPage = PageOut[MatchRun]


class ErrorProblem(BaseModel):
    field: str | None = None
    message: str
    row: int | None = None


class ErrorDetail(BaseModel):
    code: str = Field(description="稳定的机器可读错误码")
    title: str
    message: str = Field(description="可据以处理的中文说明")
    field: str | None = Field(default=None, description="出错的字段")
    problems: list[ErrorProblem] = Field(default_factory=list)
    current: dict[str, Any] | None = Field(default=None,
                                           description="版本冲突时对象的当前状态")
    omitted: int | None = Field(default=None, description="未列出的其余问题数（导入文件）")
    request_id: str | None = Field(default=None, description="请求编号，与服务器日志对应")


class ErrorOut(BaseModel):
    error: ErrorDetail


class TokenOut(BaseModel):
    access_token: str
    token_type: str
    expires_in: int


class IdentityOut(BaseModel):
    username: str
    role: str
    role_name: str
    scope_id: str
    subject_id: str
    display_name: str
    street_ids: list[str]
    read_only: bool


class _ItemCommon(Strict):
    id: str | None = Field(default=None, min_length=1, max_length=64, pattern=ID_PATTERN,
                           description="留空则自动生成；字母、数字和 - _ . :")
    title: str = Field(min_length=1, max_length=100)
    description: str = ShortText
    category: str = Field(min_length=1, max_length=50, description="类别名称或代码，如 法律服务")
    unit_of_measure: str = Field(min_length=1, max_length=10, description="如 次、小时、人")
    start: dt.date | None = None
    end: dt.date | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class NeedCreate(_ItemCommon):
    community_id: str | None = Field(default=None, min_length=1, max_length=64,
                                     description="社区党组织账号可留空（即本社区）")
    quantity: int = Field(gt=0, le=1_000_000)
    urgency: int = Field(default=2, ge=1, le=3)
    online_ok: bool = False
    people: int | None = Field(default=None, gt=0, le=100_000, description="涉及人数")


class ResourceCreate(_ItemCommon):
    unit_id: str | None = Field(default=None, min_length=1, max_length=64,
                                description="驻区单位账号可留空（即本单位）")
    capacity: int = Field(gt=0, le=1_000_000)
    mode: ServiceMode = ServiceMode.ONSITE
    reach_km: float = Field(default=3.0, ge=0, le=100)
    seats: int | None = Field(default=None, gt=0, le=100_000, description="可容纳人数")
    restriction: str = Field(default="", max_length=500,
                             description="限制条件，如 只用于楼道照明、仅限低保户、不含做饭")
    also_categories: list[str] = Field(default_factory=list, max_length=5,
                                       description="兼顾的其他类别（名称或代码）")


class _ItemUpdate(Strict):
    version: int = Field(ge=0, le=2**31, description="您看到的版本；已被他人修改时返回 409")
    note: str = ShortText
    title: str | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=2000)
    category: str | None = Field(default=None, min_length=1, max_length=50)
    unit_of_measure: str | None = Field(default=None, min_length=1, max_length=10)
    start: dt.date | None = None
    end: dt.date | None = None


class NeedUpdate(_ItemUpdate):
    quantity: int | None = Field(default=None, gt=0, le=1_000_000)
    urgency: int | None = Field(default=None, ge=1, le=3)
    online_ok: bool | None = None
    people: int | None = Field(default=None, gt=0, le=100_000)


class ResourceUpdate(_ItemUpdate):
    capacity: int | None = Field(default=None, gt=0, le=1_000_000)
    mode: ServiceMode | None = None
    reach_km: float | None = Field(default=None, ge=0, le=100)
    seats: int | None = Field(default=None, gt=0, le=100_000)
    restriction: str | None = Field(default=None, max_length=500)
    also_categories: list[str] | None = Field(default=None, max_length=5)


class VersionedStep(Strict):
    version: int = Field(ge=0, le=2**31, description="您看到的版本；已被他人修改时返回 409")
    note: str = ShortText


class TransitionIn(VersionedStep):
    action: str = Field(min_length=1, max_length=30,
                        description="claim、confirm、decline、submit、resolve、reject、return、"
                                    "start、complete、evaluate、cancel")


class AgreementCreate(Strict):
    project_ids: list[str] = Field(min_length=1, max_length=50)
    title: str | None = Field(default=None, min_length=1, max_length=200)
    terms: str | None = Field(default=None, max_length=2000,
                              description="协议条款，每行一条，不必编号（文本按部分自动编号）")
    start: dt.date | None = Field(default=None, description="留空则为今天与项目开始日期中较晚者")
    end: dt.date | None = Field(default=None, description="留空则为项目的最晚结束日期")
    backdate_reason: str | None = Field(default=None, min_length=1, max_length=500,
                                        description="开始日期早于今天（补签）时必填的理由")


class SignatureIn(Strict):
    version: int = Field(ge=0, le=2**31)
    signer: str | None = Field(default=None, min_length=1, max_length=50,
                               description="签署人姓名；留空则用账号名称")


class AgreementStep(VersionedStep):
    action: str = Field(min_length=1, max_length=30,
                        description="activate（生效）、terminate（终止）、expire（到期）、withdraw（撤回）")


class ServiceRecordCreate(Strict):
    project_id: str = Field(min_length=1, max_length=64)
    date: dt.date
    hours: float = Field(gt=0, le=10_000)
    member_ids: list[str] = Field(default_factory=list, max_length=500)
    quantity: int = Field(default=0, ge=0, le=1_000_000)
    note: str = ShortText


class ServiceRecordCorrection(Strict):
    version: int = Field(ge=0, le=2**31, description="您看到的版本；已被他人修改时返回 409")
    reason: str = Field(min_length=1, max_length=500, description="更正理由（记入操作记录）")
    date: dt.date | None = None
    hours: float | None = Field(default=None, gt=0, le=24)
    member_ids: list[str] | None = Field(default=None, max_length=500)
    quantity: int | None = Field(default=None, ge=0, le=1_000_000)
    note: str | None = Field(default=None, max_length=2000)


class ServiceRecordVoid(Strict):
    version: int = Field(ge=0, le=2**31, description="您看到的版本；已被他人修改时返回 409")
    reason: str = Field(min_length=1, max_length=500, description="作废理由（记入操作记录）")


class EvaluationCreate(Strict):
    target_id: str = Field(min_length=1, max_length=64, description="共建项目或共建协议编号")
    score: int = Field(ge=1, le=5)
    comment: str = ShortText
    version: int | None = Field(default=None, ge=0, le=2**31,
                                description="评议项目时必填：您看到的项目版本")


class MatchRunCreate(Strict):
    scope_id: str = Field(min_length=1, max_length=64, description="街道或区的编号")
    params: dict[str, Any] = Field(
        default_factory=dict, max_length=20,
        description='匹配参数：{"weights": {"text": 0.3, ...}}（各权重 0 到 1），'
                    "以及 walk_km、decay_km 等")
    draft: bool = Field(default=False, description="为 true 时只保存为草稿，不改动现行提议")


class RunComparison(BaseModel):
    draft_id: str
    live_id: str | None
    added: list[dict[str, Any]]
    dropped: list[dict[str, Any]]
    kept: int
    objective: dict[str, float | None]
    served_by_community: list[dict[str, Any]]
    weak_communities: list[dict[str, Any]]
    unmatched_by_reason: list[dict[str, Any]]


# a member as the caller may see them (pseudonymous for researchers)
MemberPublic = MemberView
MemberPage = PageOut[MemberPublic]


class ImportOut(BaseModel):
    kind: str
    source: str
    rows: int
    created: dict[str, int]
    updated: dict[str, int]
    unchanged: dict[str, int]
    changed: int
    warnings: list[str] = Field(default_factory=list, description="已忽略的列、需要核对的日期")


class RunPart(BaseModel):
    run_id: str
    items: list[Any]
