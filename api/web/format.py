"""How pages write dates, numbers and labels: 2026年3月1日, 1,200 小时, 已提议.

>>> zh_date(dt.date(2026, 3, 1))
'2026年3月1日'
>>> zh_number(1200.0, "小时")
'1,200 小时'
>>> zh_number(2.5, "km")
'2.5 km'
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph import (
    AGREEMENT,
    PROJECT,
    ROLE_NAMES,
    TAXONOMY,
    UNIT_KIND_NAMES,
    Role,
)

__all__ = ["NEED_STATUS", "RESOURCE_STATUS", "URGENCY", "category_name", "status_name",
           "zh_date", "zh_datetime", "zh_number"]

URGENCY = {1: "一般", 2: "较急", 3: "紧急"}
NEED_STATUS = {"open": "待满足", "withdrawn": "已撤回"}
RESOURCE_STATUS = {"available": "可提供", "withdrawn": "已撤回"}


def zh_date(value: dt.date | dt.datetime | str | None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return str(value)
    return f"{value.year}年{value.month}月{value.day}日"


def zh_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return "—"
    local = value.astimezone(dt.timezone(dt.timedelta(hours=8))) if value.tzinfo else value
    return f"{zh_date(local)} {local:%H:%M}"


def zh_number(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
    return f"{text} {unit}".strip()


def category_name(code: str) -> str:
    return TAXONOMY[code].name if code in TAXONOMY else code


def status_name(kind: str, status: Any) -> str:
    value = getattr(status, "value", status)
    table: dict[str, str] = {"Project": PROJECT.states, "Agreement": AGREEMENT.states,
                             "Need": NEED_STATUS, "Resource": RESOURCE_STATUS}.get(kind, {})
    return table.get(value, str(value))


def role_name(role: Role | str) -> str:
    return ROLE_NAMES.get(Role(role), str(role))


def unit_kind_name(kind: Any) -> str:
    return UNIT_KIND_NAMES.get(kind, str(kind))
