"""Pydantic validation errors as Chinese messages a clerk can act on.

The model (:mod:`graph.model`) rejects nonsense; pydantic reports it in English, keyed by
field. :func:`field_problems` turns a :class:`~pydantic.ValidationError` into one
:class:`FieldProblem` per error, with a Chinese message that says what is wrong and what was
received, and :data:`FIELD_LABELS` gives every model field the Chinese label a person knows
it by. Importers and the HTTP API both use it, so a mistake reads the same everywhere.

>>> from pydantic import ValidationError
>>> from graph.model import Need
>>> try:
...     Need(id="N1", title="助餐", category="养老", community_id="C1", street_id="S1",
...          quantity=-3, unit_of_measure="次")
... except ValidationError as e:
...     problems = field_problems(e)
>>> problems
[FieldProblem(field='quantity', message='须大于 0，收到 -3')]
>>> str(problems[0])
'数量：须大于 0，收到 -3'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from graph.model import (
    COMMUNITY_TYPE_NAMES,
    ID_PATTERN,
    MEMBER_CATEGORY_NAMES,
    ORG_LEVEL_NAMES,
    ROLE_NAMES,
    SERVICE_MODE_NAMES,
    UNIT_KIND_NAMES,
)

__all__ = ["ENUM_LABELS", "FIELD_LABELS", "FieldProblem", "describe_input", "field_problems",
           "message_for"]

FIELD_LABELS: dict[str, str] = {
    "id": "编号",
    "version": "版本",
    "name": "名称",
    "title": "标题",
    "description": "描述",
    "category": "类别",
    "level": "层级",
    "parent_id": "上级组织",
    "street_id": "所属街道",
    "community_id": "所属社区",
    "community_type": "社区类型",
    "weak": "软弱涣散",
    "households": "户数",
    "unit_id": "提供单位",
    "address": "地址",
    "lat": "纬度",
    "lon": "经度",
    "start": "开始日期",
    "end": "结束日期",
    "kind": "单位类型",
    "liaison_name": "联络员",
    "liaison_phone": "联系电话",
    "staff": "职工人数",
    "party_members": "党员人数",
    "org_id": "所在党组织",
    "work_unit_id": "工作单位",
    "home_community_id": "居住社区",
    "phone": "联系电话",
    "birth_year": "出生年份",
    "points": "积分",
    "quantity": "数量",
    "capacity": "数量",
    "unit_of_measure": "计量单位",
    "urgency": "紧急程度",
    "online_ok": "可线上",
    "people": "涉及人数",
    "seats": "可容纳人数",
    "restriction": "限制条件",
    "also_categories": "兼顾类别",
    "status": "状态",
    "created": "登记日期",
    "mode": "服务方式",
    "reach_km": "服务半径（公里）",
    "need_id": "需求",
    "resource_id": "资源",
    "score": "评分",
    "breakdown": "评分构成",
    "explanation": "说明",
    "match_run_id": "匹配批次",
    "pinned": "锁定",
    "project_ids": "共建项目",
    "unit_ids": "驻区单位",
    "terms": "协议条款",
    "signatures": "签署",
    "party_id": "签署方",
    "role": "角色",
    "signer": "签署人",
    "signed_at": "签署时间",
    "project_id": "共建项目",
    "date": "日期",
    "hours": "服务时长（小时）",
    "member_ids": "参与党员",
    "note": "备注",
    "target_id": "评议对象",
    "comment": "评语",
    "by_role": "评议人角色",
    "by_id": "评议人",
    "scope_id": "范围",
    "params": "参数",
    "input_hash": "输入摘要",
    "objective": "目标值",
    "summary": "摘要",
    "result": "结果",
    "target_kind": "对象类型",
    "action": "操作",
    "from_state": "原状态",
    "to_state": "新状态",
    "at": "时间",
    "src": "起点",
    "dst": "终点",
    "since": "起始日期",
    "props": "属性",
}

# Chinese names of enumerated values, so "只能是：…" lists words a clerk knows.
ENUM_LABELS: dict[str, str] = {
    **{str(k): v for k, v in ORG_LEVEL_NAMES.items()},
    **{str(k): v for k, v in COMMUNITY_TYPE_NAMES.items()},
    **{str(k): v for k, v in UNIT_KIND_NAMES.items()},
    **{str(k): v for k, v in MEMBER_CATEGORY_NAMES.items()},
    **{str(k): v for k, v in SERVICE_MODE_NAMES.items()},
    **{str(k): v for k, v in ROLE_NAMES.items()},
    "open": "开放", "withdrawn": "已撤回", "available": "可用",
}

_PATTERN_HINTS = {
    r"^[^\s]+$": "不能含空格或换行",
    ID_PATTERN: "只能由字母、数字和 - _ . : 组成，并以字母或数字开头",
    r"^[0-9+\-\s]{5,20}$": "只能含数字、+、- 和空格，5 到 20 位",
}


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field (``field`` is ``""`` for a rule across fields)."""

    field: str
    message: str

    @property
    def label(self) -> str:
        """The field's Chinese label (the field name itself when it has none)."""
        return FIELD_LABELS.get(self.field, self.field)

    def __str__(self) -> str:
        return f"{self.label}：{self.message}" if self.field else self.message


def field_problems(error: ValidationError) -> list[FieldProblem]:
    """One :class:`FieldProblem` per error in ``error``, in pydantic's order.

    The field is the top-level field name (``"lat"``, ``"signatures"``); errors of a rule
    that spans fields (a model validator) have the field ``""``.

    >>> from graph.model import Organization
    >>> try:
    ...     Organization(id="S 1", name="武汉路街道党工委", level="街道")
    ... except ValidationError as e:
    ...     for p in field_problems(e):
    ...         print(p)
    编号：只能由字母、数字和 - _ . : 组成，并以字母或数字开头，收到「S 1」
    层级：只能是：市委（city）、区委（district）、街道党工委（street）、...
    """
    out = []
    for err in error.errors(include_url=False):
        loc = err.get("loc", ())
        field = str(loc[0]) if loc else ""
        out.append(FieldProblem(field, message_for(err["type"], err.get("input"),
                                                   err.get("ctx") or {}, err.get("msg", ""))))
    return out


def describe_input(value: Any) -> str:
    """How a received value is quoted in a message: numbers bare, text in 「」."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = str(value)
    if len(text) > 40:
        text = text[:40] + "…"
    return f"「{text}」"


def message_for(kind: str, value: Any = None, ctx: dict[str, Any] | None = None,
                fallback: str = "") -> str:
    """The Chinese message for a pydantic error ``kind`` on input ``value``.

    >>> message_for("int_parsing", "abc")
    '须为整数，收到「abc」'
    >>> message_for("value_error", None, {}, "Value error, 结束日期早于开始日期")
    '结束日期早于开始日期'
    """
    ctx = ctx or {}
    shown_value = describe_input(value)
    got = "，收到" + (shown_value if shown_value.startswith("「") else f" {shown_value}")
    simple = {
        "missing": "必填",
        "int_parsing": "须为整数" + got,
        "int_type": "须为整数" + got,
        "int_from_float": "须为整数，不能有小数" + got,
        "float_parsing": "须为数字" + got,
        "float_type": "须为数字" + got,
        "finite_number": "须为有限的数字" + got,
        "bool_parsing": "只能填 是 或 否" + got,
        "bool_type": "只能填 是 或 否" + got,
        "date_parsing": "日期格式应为 2026-03-01" + got,
        "date_from_datetime_parsing": "日期格式应为 2026-03-01" + got,
        "date_from_datetime_inexact": "只能填日期，不能带时间" + got,
        "date_type": "日期格式应为 2026-03-01" + got,
        "datetime_parsing": "时间格式应为 2026-03-01 09:30" + got,
        "datetime_from_date_parsing": "时间格式应为 2026-03-01 09:30" + got,
        "datetime_type": "时间格式应为 2026-03-01 09:30" + got,
        "string_type": "须为文字" + got,
        "list_type": "须为列表" + got,
        "dict_type": "格式不对" + got,
        "model_type": "格式不对" + got,
        "model_attributes_type": "格式不对" + got,
        "extra_forbidden": "不是可识别的字段",
        "frozen_field": "不能修改",
        "json_invalid": "不是有效的 JSON",
    }
    if kind in simple:
        return simple[kind]
    if kind == "greater_than":
        return f"须大于 {ctx.get('gt')}" + got
    if kind == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}" + got
    if kind == "less_than":
        return f"须小于 {ctx.get('lt')}" + got
    if kind == "less_than_equal":
        return f"不能大于 {ctx.get('le')}" + got
    if kind in ("enum", "literal_error"):
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        shown = "、".join(f"{ENUM_LABELS[o]}（{o}）" if o in ENUM_LABELS else o
                         for o in options)
        return f"只能是：{shown}" + got
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        return "不能为空" if n == 1 else f"至少 {n} 个字" + got
    if kind == "string_too_long":
        return f"不能超过 {ctx.get('max_length')} 个字（现有 {len(str(value))} 个字）"
    if kind == "too_short":
        return f"至少要有 {ctx.get('min_length')} 项"
    if kind == "too_long":
        return f"最多 {ctx.get('max_length')} 项"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return _PATTERN_HINTS.get(pattern, f"格式不符合要求（{pattern}）") + got
    if kind in ("value_error", "assertion_error"):
        for prefix in ("Value error, ", "Assertion failed, "):
            if fallback.startswith(prefix):
                return fallback[len(prefix):]
        return fallback
    return fallback or kind
