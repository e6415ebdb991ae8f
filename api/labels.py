"""Chinese labels beside codes, in one place: what responses show and what filters accept.

Each :class:`Vocabulary` pairs the codes of one field (a project's status, a category, a
role…) with their Chinese names from :mod:`graph`. :meth:`Vocabulary.parse` takes either
the code or the Chinese name (a clerk types ``已提议``, a program ``proposed``) and refuses
anything else with a message listing the valid values:

>>> PROJECT_STATUS.parse("已提议", "status")
'proposed'
>>> PROJECT_STATUS.label("claimed")
'单位已认领'
>>> CATEGORY.parse("义诊", "category")  # an alias of 家庭医疗
'home_medical'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from api.errors import InvalidRequest
from graph import (
    AGREEMENT,
    COMMUNITY_TYPE_NAMES,
    MEMBER_CATEGORY_NAMES,
    NEED_STATUS_NAMES,
    ORG_LEVEL_NAMES,
    PROJECT,
    RECORD_STATUS_NAMES,
    RESOURCE_STATUS_NAMES,
    ROLE_NAMES,
    SERVICE_MODE_NAMES,
    TAXONOMY,
    UNIT_KIND_NAMES,
)

__all__ = ["AGREEMENT_STATUS", "CATEGORY", "COMMUNITY_TYPE", "MEMBER_CATEGORY",
           "NEED_STATUS", "ORG_LEVEL", "PROJECT_STATUS", "RECORD_STATUS", "RESOURCE_STATUS",
           "ROLE", "SERVICE_MODE", "UNIT_KIND", "Vocabulary", "parse_filters"]


@dataclass(frozen=True)
class Vocabulary:
    name: str  # what the values are, in Chinese: 项目状态
    labels: Mapping[str, str]  # code -> Chinese name

    def label(self, code: str | None) -> str | None:
        """The Chinese name of ``code`` (the code itself when it has none)."""
        if code is None:
            return None
        return self.labels.get(str(code), str(code))

    def code_for(self, value: str) -> str | None:
        value = value.strip()
        if value in self.labels:
            return value
        return next((c for c, label in self.labels.items() if label == value), None)

    def parse(self, value: str | None, field: str) -> str | None:
        """The code given as code or Chinese name; ``None`` stays ``None``."""
        if value is None or value == "":
            return None
        code = self.code_for(value)
        if code is None:
            valid = "、".join(f"{label}（{c}）" for c, label in self.labels.items())
            raise InvalidRequest(f"{self.name}「{value}」无效；可用：{valid}", field=field)
        return code


@dataclass(frozen=True)
class _Categories(Vocabulary):
    def code_for(self, value: str) -> str | None:
        return TAXONOMY.code_for(value.strip())


def _str(names: Mapping[Any, str]) -> dict[str, str]:
    return {str(k): v for k, v in names.items()}


PROJECT_STATUS = Vocabulary("项目状态", PROJECT.states)
AGREEMENT_STATUS = Vocabulary("协议状态", AGREEMENT.states)
NEED_STATUS = Vocabulary("需求状态", _str(NEED_STATUS_NAMES))
RESOURCE_STATUS = Vocabulary("资源状态", _str(RESOURCE_STATUS_NAMES))
RECORD_STATUS = Vocabulary("记实状态", RECORD_STATUS_NAMES)
CATEGORY = _Categories("类别", {c: TAXONOMY[c].name for c in TAXONOMY})
ROLE = Vocabulary("角色", _str(ROLE_NAMES))
ORG_LEVEL = Vocabulary("组织层级", _str(ORG_LEVEL_NAMES))
COMMUNITY_TYPE = Vocabulary("社区类型", _str(COMMUNITY_TYPE_NAMES))
UNIT_KIND = Vocabulary("单位类型", _str(UNIT_KIND_NAMES))
MEMBER_CATEGORY = Vocabulary("党员类别", _str(MEMBER_CATEGORY_NAMES))
SERVICE_MODE = Vocabulary("服务方式", _str(SERVICE_MODE_NAMES))


# the coded fields each kind's listings may be filtered on, by node kind
FILTERS: dict[str, dict[str, Vocabulary]] = {
    "Project": {"status": PROJECT_STATUS, "category": CATEGORY},
    "Agreement": {"status": AGREEMENT_STATUS},
    "Need": {"status": NEED_STATUS, "category": CATEGORY},
    "Resource": {"status": RESOURCE_STATUS, "category": CATEGORY, "mode": SERVICE_MODE},
    "ServiceRecord": {"status": RECORD_STATUS},
    "Organization": {"level": ORG_LEVEL, "community_type": COMMUNITY_TYPE},
    "ResidentUnit": {"kind": UNIT_KIND},
    "PartyMember": {"category": MEMBER_CATEGORY},
    "Evaluation": {"by_role": ROLE},
    "AuditEntry": {"by_role": ROLE},
}


def parse_filters(kind: str, filters: Mapping[str, Any]) -> dict[str, Any]:
    """``filters`` with every coded value given as code or Chinese name turned into its code.

    >>> parse_filters("Project", {"status": "实施中", "street_id": "S1"})
    {'status': 'in_progress', 'street_id': 'S1'}
    """
    known = FILTERS.get(kind, {})
    return {k: known[k].parse(str(v), k) if k in known and v is not None else v
            for k, v in filters.items()}
