"""Column layouts of the four lists, and the cell readers that turn what clerks type into
model values.

Each column has a field of the model, the headers it is known by (Chinese first, then the
English field name and other spellings) and a reader. A reader turns a cell into the
model's value where it can (Chinese names of levels and kinds, 是/否, 2026年3月1日, Excel
date cells) and otherwise passes the cell on unchanged, so the model's own validation
reports it in the same words everywhere (:mod:`graph.validation`). A reader raises
:class:`CellError` only for mistakes the model cannot see (an id Excel turned into
scientific notation).

>>> LAYOUTS["needs"].column_for("数量").field
'quantity'
>>> read_date("2026年3月1日")
datetime.date(2026, 3, 1)
>>> read_bool("是"), read_urgency("较急"), read_enum(UNIT_KIND_ALIASES)("学校")
(True, 2, 'school')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.model import (
    COMMUNITY_TYPE_NAMES,
    ORG_LEVEL_NAMES,
    SERVICE_MODE_NAMES,
    UNIT_KIND_NAMES,
    CommunityType,
    Need,
    Node,
    Organization,
    OrgLevel,
    ResidentUnit,
    Resource,
    ServiceMode,
    UnitKind,
)


class CellError(ValueError):
    """A cell that cannot mean anything; the message is Chinese and says what to do."""


Reader = Callable[[Any], Any]


def read_text(value: Any) -> Any:
    """A cell as text: Excel numbers without a trailing ``.0``; other values unchanged."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return value


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


def read_id(value: Any) -> Any:
    """An id: text, refusing ids Excel has shown in scientific notation (4.10305E+11)."""
    text = read_text(value)
    if isinstance(text, str) and _SCIENTIFIC.match(text):
        raise CellError(f"编号被 Excel 显示成了科学计数法「{text}」，"
                        "请把该列设为“文本”后重新填写编号")
    return text


def read_ids(value: Any) -> Any:
    """Several ids in one cell, separated by 、，,；; or spaces."""
    text = read_text(value)
    if not isinstance(text, str):
        return text
    return [read_id(p) for p in re.split(r"[、，,；;\s]+", text) if p]


def read_number(value: Any) -> Any:
    """A number: thousands separators and spaces removed; ``3.0`` read as the integer 3."""
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").replace(" ", "")
        if re.fullmatch(r"[-+]?\d+(\.0*)?", text):
            return int(float(text))
        if re.fullmatch(r"[-+]?\d*\.\d+|[-+]?\d+\.\d*", text):
            return float(text)
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "对", "可以", "可"}
_FALSE = {"否", "n", "no", "false", "0", "×", "✗", "不", "不可", "不可以"}


def read_bool(value: Any) -> Any:
    """是/否, Y/N, yes/no, true/false, 1/0, √/×."""
    if isinstance(value, bool):
        return value
    text = str(read_text(value)).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return value


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                   r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def read_date(value: Any) -> Any:
    """2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, Excel date cells and serials."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20_000 <= value <= 80_000:  # an Excel serial day number (1954-2119)
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        value = str(read_text(value))
    if isinstance(value, str):
        text = value.strip()
        m = _DATE.match(text) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise CellError(f"「{text}」不是日历上的日期，请检查月份和日") from None
        return text
    return value


def read_enum(aliases: dict[str, str]) -> Reader:
    """A reader mapping Chinese names and aliases (and the codes themselves) to codes."""
    table = {k.lower(): v for k, v in aliases.items()}

    def read(value: Any) -> Any:
        text = read_text(value)
        if isinstance(text, str):
            return table.get(text.lower().replace(" ", ""), text)
        return text

    return read


_URGENCY = {"一般": 1, "普通": 1, "较急": 2, "急": 2, "紧急": 3, "特急": 3, "非常紧急": 3}


def read_urgency(value: Any) -> Any:
    """一般/较急/紧急 or 1-3."""
    value = read_number(value)
    if isinstance(value, str) and not value.isdigit():
        if value in _URGENCY:
            return _URGENCY[value]
        raise CellError(f"只能是 一般、较急、紧急（或 1、2、3），收到「{value}」")
    return value


def _names(names: dict[Any, str], extra: dict[str, Any]) -> dict[str, str]:
    out = {str(v): str(k) for k, v in names.items()}
    out.update({str(k): str(k) for k in names})
    out.update({k: str(v) for k, v in extra.items()})
    return out


ORG_LEVEL_ALIASES = _names(ORG_LEVEL_NAMES, {
    "市": OrgLevel.CITY, "区": OrgLevel.DISTRICT, "区委": OrgLevel.DISTRICT,
    "街道": OrgLevel.STREET, "街道党委": OrgLevel.STREET, "街道党工委": OrgLevel.STREET,
    "社区": OrgLevel.COMMUNITY, "社区党委": OrgLevel.COMMUNITY,
    "社区党总支": OrgLevel.COMMUNITY, "社区党支部": OrgLevel.COMMUNITY,
    "小区": OrgLevel.COMPOUND_BRANCH, "小区党支部": OrgLevel.COMPOUND_BRANCH,
    "网格": OrgLevel.GRID_BRANCH, "网格党支部": OrgLevel.GRID_BRANCH,
    "楼栋": OrgLevel.BUILDING_GROUP, "楼栋党小组": OrgLevel.BUILDING_GROUP,
    "党员中心户": OrgLevel.MEMBER_HOUSEHOLD, "单位党组织": OrgLevel.UNIT_PARTY_ORG,
    "区域党工委": OrgLevel.REGIONAL_COMMITTEE, "区域党委": OrgLevel.REGIONAL_COMMITTEE,
    "楼宇党组织": OrgLevel.SECTOR_ORG, "商圈党组织": OrgLevel.SECTOR_ORG,
    "园区党组织": OrgLevel.SECTOR_ORG, "行业协会党组织": OrgLevel.SECTOR_ORG,
    "党建联合体": OrgLevel.ALLIANCE, "党建综合体": OrgLevel.ALLIANCE,
})
COMMUNITY_TYPE_ALIASES = _names(COMMUNITY_TYPE_NAMES, {
    "老旧": CommunityType.OLD, "传统社区": CommunityType.OLD, "传统": CommunityType.OLD,
    "商品房": CommunityType.COMMODITY, "新建社区": CommunityType.COMMODITY,
    "新建": CommunityType.COMMODITY, "单位型": CommunityType.UNIT_BASED,
    "村改居": CommunityType.VILLAGE_TO_RESIDENCE,
})
UNIT_KIND_ALIASES = _names(UNIT_KIND_NAMES, {
    "党政机关": UnitKind.GOVERNMENT_AGENCY, "机关单位": UnitKind.GOVERNMENT_AGENCY,
    "医院": UnitKind.HOSPITAL, "国企": UnitKind.STATE_OWNED,
    "民营企业": UnitKind.PRIVATE_ENTERPRISE, "私营企业": UnitKind.PRIVATE_ENTERPRISE,
    "物业公司": UnitKind.PROPERTY_COMPANY, "物业": UnitKind.PROPERTY_COMPANY,
})
SERVICE_MODE_ALIASES = _names(SERVICE_MODE_NAMES, {
    "到社区": ServiceMode.ONSITE, "上门": ServiceMode.ONSITE, "上门服务": ServiceMode.ONSITE,
    "到单位": ServiceMode.AT_UNIT, "线上": ServiceMode.ONLINE, "网上": ServiceMode.ONLINE,
})
NEED_STATUS_ALIASES = {"开放": "open", "待认领": "open", "撤回": "withdrawn",
                       "已撤回": "withdrawn"}
RESOURCE_STATUS_ALIASES = {"可用": "available", "撤回": "withdrawn", "已撤回": "withdrawn"}


@dataclass(frozen=True)
class Column:
    """One column: the model field, the headers it is known by, its reader, whether required."""

    field: str
    headers: tuple[str, ...]
    read: Reader = read_text
    required: bool = False

    @property
    def header(self) -> str:
        """The header the samples and messages use (the first Chinese one)."""
        return self.headers[0]


@dataclass(frozen=True)
class Layout:
    """The columns of one list, and the model its rows become."""

    kind: str
    label: str
    model: type[Node]
    columns: tuple[Column, ...]
    sheet_names: tuple[str, ...]

    def column_for(self, header: str) -> Column | None:
        """The column a header (as written) names, or ``None``."""
        key = normalize_header(header)
        for column in self.columns:
            if key in {normalize_header(h) for h in (*column.headers, column.field)}:
                return column
        return None


def normalize_header(header: str) -> str:
    """Headers compare without spaces, case, required marks (*) or a bracketed note."""
    text = header.replace("（", "(").replace("）", ")").replace("\ufeff", "")
    text = re.sub(r"\(.*?\)", "", text)
    return re.sub(r"[\s*＊]", "", text).lower()


# Columns a spreadsheet often has that carry nothing to store: silently ignored.
IGNORED_HEADERS = frozenset(normalize_header(h) for h in ("序号", "no", "备注", "remark"))

_ID = Column("id", ("编号", "id", "外部编号"), read_id, required=True)
# lists clerks keep often have no id column: a stable id is derived (api.imports.clerk)
_ITEM_ID = Column("id", ("编号", "id", "外部编号", "需求编号", "资源编号", "单位编号"), read_id)
_LAT = Column("lat", ("纬度", "lat", "latitude"), read_number)
_LON = Column("lon", ("经度", "lon", "lng", "longitude"), read_number)
_START = Column("start", ("开始日期", "start", "起始日期", "开始时间"), read_date)
_END = Column("end", ("结束日期", "end", "截止日期", "结束时间"), read_date)
_STREET = Column("street_id", ("所属街道", "street_id", "街道编号", "街道", "街道名称",
                                "所在街道"), read_id)
_DESCRIPTION = Column("description", ("描述", "description", "详细描述", "说明", "具体内容",
                                      "需求描述", "资源描述", "内容"))
_UOM = Column("unit_of_measure", ("计量单位", "unit_of_measure", "单位", "uom", "数量单位"),
              required=True)
_CATEGORY = Column("category", ("类别", "category", "类型", "分类", "需求类别", "资源类别",
                                "服务类别", "需求类型", "资源类型", "服务类型"), required=True)
_ADDRESS = Column("address", ("地址", "address"))

LAYOUTS: dict[str, Layout] = {
    "organizations": Layout("organizations", "组织", Organization, (
        _ID,
        Column("name", ("名称", "name", "组织名称"), required=True),
        Column("level", ("层级", "level", "组织层级"), read_enum(ORG_LEVEL_ALIASES),
               required=True),
        Column("parent_id", ("上级组织", "parent_id", "上级编号", "上级组织编号"), read_id),
        _STREET,
        Column("community_id", ("所属社区", "community_id", "社区编号"), read_id),
        Column("community_type", ("社区类型", "community_type"),
               read_enum(COMMUNITY_TYPE_ALIASES)),
        Column("weak", ("软弱涣散", "weak", "是否软弱涣散"), read_bool),
        Column("households", ("户数", "households", "居民户数"), read_number),
        Column("unit_id", ("所属单位", "unit_id", "单位编号"), read_id),
        _ADDRESS, _LAT, _LON,
    ), ("organizations", "组织", "组织清单", "党组织")),
    "units": Layout("units", "驻区单位", ResidentUnit, (
        _ITEM_ID,
        Column("name", ("名称", "name", "单位名称"), required=True),
        Column("kind", ("单位类型", "kind", "类型"), read_enum(UNIT_KIND_ALIASES),
               required=True),
        Column("community_id", ("所属社区", "community_id", "社区编号", "所在社区", "社区名称"),
               read_id),
        _STREET,
        _ADDRESS,
        Column("liaison_name", ("联络员", "liaison_name", "党建联络员")),
        Column("liaison_phone", ("联系电话", "liaison_phone", "电话", "联络员电话")),
        Column("staff", ("职工人数", "staff", "职工数"), read_number),
        Column("party_members", ("党员人数", "party_members", "党员数"), read_number),
        Column("registered_with", ("报到社区", "registered_with", "双报到社区"), read_ids),
        _LAT, _LON,
    ), ("units", "单位", "驻区单位", "单位清单")),
    "needs": Layout("needs", "需求", Need, (
        _ITEM_ID,
        Column("title", ("标题", "title", "名称", "需求名称", "需求事项", "需求内容", "事项"),
               required=True),
        _CATEGORY,
        Column("community_id", ("所属社区", "community_id", "社区编号", "社区", "社区名称",
                                "所在社区", "需求社区"), read_id, required=True),
        _STREET,
        Column("quantity", ("数量", "quantity", "需求数量", "需求量", "次数"), read_number,
               required=True),
        _UOM,
        Column("urgency", ("紧急程度", "urgency"), read_urgency),
        Column("online_ok", ("可线上", "online_ok", "可线上服务", "线上可行"), read_bool),
        Column("people", ("涉及人数", "people", "人数", "参加人数"), read_number),
        _START, _END, _LAT, _LON, _DESCRIPTION,
        Column("status", ("状态", "status"), read_enum(NEED_STATUS_ALIASES)),
        Column("created", ("登记日期", "created", "提出日期"), read_date),
    ), ("needs", "需求", "需求清单")),
    "resources": Layout("resources", "资源", Resource, (
        _ITEM_ID,
        Column("title", ("标题", "title", "名称", "资源名称", "资源事项", "资源内容", "事项"),
               required=True),
        _CATEGORY,
        Column("unit_id", ("提供单位", "unit_id", "单位编号", "单位名称", "驻区单位",
                           "提供单位名称"), read_id, required=True),
        _STREET,
        Column("capacity", ("数量", "capacity", "可提供数量", "容量", "提供数量", "资源数量"),
               read_number, required=True),
        _UOM,
        Column("mode", ("服务方式", "mode"), read_enum(SERVICE_MODE_ALIASES)),
        Column("reach_km", ("服务半径", "reach_km", "服务半径公里"), read_number),
        Column("seats", ("可容纳人数", "seats", "座位数", "容纳人数"), read_number),
        Column("restriction", ("限制条件", "restriction", "使用限制", "限制")),
        Column("also_categories", ("兼顾类别", "also_categories", "其他类别"), read_ids),
        _START, _END, _LAT, _LON, _DESCRIPTION,
        Column("status", ("状态", "status"), read_enum(RESOURCE_STATUS_ALIASES)),
    ), ("resources", "资源", "资源清单")),
}
