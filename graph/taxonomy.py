"""The category taxonomy of needs and resources, built from DOMAIN.md's list.

Each category has a stable English code (used in data and code), a Chinese name (shown to
people) and a set of related categories: a resource of a related category can serve a need
at a lower fit. Relations are symmetric; :data:`TAXONOMY` closes them on import.

>>> TAXONOMY["legal_advice"].name
'法律服务'
>>> "dispute_mediation" in TAXONOMY.related("legal_advice")
True
>>> TAXONOMY.code_for("法律服务")
'legal_advice'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Category:
    """One category: code, Chinese name, other Chinese names it is known by."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    related: frozenset[str] = field(default_factory=frozenset)


# code, Chinese name, aliases, related codes (one direction is enough).
_RAW: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("home_medical", "家庭医疗", ("家庭医生", "义诊", "医疗服务", "健康服务"),
     ("elderly_care", "nursing", "psychological", "epidemic_prevention")),
    ("elderly_care", "日间照料", ("养老", "助老", "为老服务", "助餐"),
     ("nursing", "hardship_assistance", "smartphone_training")),
    ("child_education", "亲子早教", ("托幼", "儿童之家", "四点半课堂", "课业辅导"),
     ("community_education", "culture_arts")),
    ("sports_leisure", "运动休闲", ("文体活动", "健身"), ("culture_arts", "venue")),
    ("tailoring", "裁缝修补", ("缝纫", "便民维修", "修补"), ("housekeeping",)),
    ("housekeeping", "家政护理", ("家政", "家政服务"), ("nursing", "elderly_care")),
    ("nursing", "护理服务", ("陪护", "康复护理"), ()),
    ("hairdressing", "美容美发", ("理发", "义剪"), ("elderly_care",)),
    ("delivery", "物流快递", ("快递", "配送", "跑腿"), ("materials",)),
    ("legal_advice", "法律服务", ("法律咨询", "一居一法律顾问", "普法"),
     ("dispute_mediation",)),
    ("dispute_mediation", "矛盾纠纷调解", ("纠纷调解", "调解"),
     ("psychological", "property_management")),
    ("psychological", "心理服务", ("心理咨询", "心理疏导"), ()),
    ("hardship_assistance", "困难帮扶", ("扶危济困", "帮困", "救助"),
     ("funds", "materials", "micro_wish")),
    ("employment", "就业创业", ("就业", "创业", "技能培训"), ("community_education",)),
    ("environment", "环境整治", ("环境卫生", "垃圾分类", "绿化"), ("property_management",)),
    ("property_management", "物业管理", ("红色物业", "物业服务"), ("public_safety",)),
    ("public_safety", "平安建设", ("平安", "治安", "安全巡逻", "消防安全"),
     ("epidemic_prevention",)),
    ("epidemic_prevention", "疫情防控", ("防疫",), ()),
    ("community_education", "社区教育", ("社区学校", "讲座"),
     ("smartphone_training", "reading_room", "party_lecture")),
    ("smartphone_training", "智能手机应用", ("智能手机培训", "数字助老"), ()),
    ("culture_arts", "文化艺术", ("书画", "舞蹈", "声乐", "文艺演出"), ("venue",)),
    ("party_lecture", "党课讲习", ("党课", "讲习", "理论宣讲"), ("reading_room", "venue")),
    ("reading_room", "党建书屋", ("城市书房", "图书", "阅读"), ()),
    ("venue", "场地阵地", ("场地", "阵地", "活动室", "会议室"), ()),
    ("materials", "物资", ("物资捐赠", "设备"), ("micro_wish",)),
    ("funds", "资金", ("资金支持", "经费"), ("micro_wish",)),
    ("micro_wish", "微心愿", ("心愿",), ()),
    ("volunteering", "志愿服务", ("志愿者", "志愿活动"),
     ("environment", "elderly_care", "public_safety", "epidemic_prevention")),
)


class Taxonomy(Mapping[str, Category]):
    """Categories by code, with symmetric relations and lookup by Chinese name."""

    def __init__(self, categories: list[Category]) -> None:
        related: dict[str, set[str]] = {c.code: set(c.related) for c in categories}
        for c in categories:
            for other in c.related:
                if other not in related:
                    raise ValueError(f"category {c.code} is related to unknown {other}")
                related[other].add(c.code)
        self._by_code = {
            c.code: Category(c.code, c.name, c.aliases, frozenset(related[c.code]))
            for c in categories
        }
        self._by_name: dict[str, str] = {}
        for c in categories:
            for label in (c.code, c.name, *c.aliases):
                self._by_name.setdefault(label, c.code)

    def __getitem__(self, code: str) -> Category:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def related(self, code: str) -> frozenset[str]:
        """Codes related to ``code`` (not including itself)."""
        return self._by_code[code].related

    def code_for(self, label: str) -> str | None:
        """The code for a code, Chinese name or alias; ``None`` when unknown."""
        return self._by_name.get(label.strip())

    def nearest(self, text: str, n: int = 3) -> list[str]:
        """The Chinese names closest to ``text``, for a "did you mean" (best first).

        >>> TAXONOMY.nearest("法律咨询")[0]
        '法律服务'
        """
        from difflib import SequenceMatcher

        scores: dict[str, float] = {}
        for c in self._by_code.values():
            for label in (c.name, *c.aliases):
                shared = len(set(text) & set(label)) / max(len(set(label)), 1)
                score = max(SequenceMatcher(None, text, label).ratio(), shared)
                scores[c.name] = max(scores.get(c.name, 0.0), score)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [name for name, score in ranked[:n] if score > 0]

    def related_map(self) -> dict[str, set[str]]:
        """Plain ``{code: related codes}``, the form the matcher takes."""
        return {code: set(c.related) for code, c in self._by_code.items()}


TAXONOMY = Taxonomy([Category(code, name, aliases, frozenset(rel))
                     for code, name, aliases, rel in _RAW])
