"""The domain model rejects nonsense with messages a person can act on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from graph import (
    NODE_TYPES,
    TAXONOMY,
    ModelError,
    Need,
    Organization,
    PartyMember,
    ResidentUnit,
    Resource,
    node_type,
)

NEED: dict[str, Any] = dict(id="N1", title="助餐", category="elderly_care", community_id="C1",
                            street_id="S1", quantity=3, unit_of_measure="次")
RESOURCE: dict[str, Any] = dict(id="R1", title="义诊", category="home_medical", unit_id="U1",
                                street_id="S1", capacity=5, unit_of_measure="次")


def test_a_valid_need_keeps_its_values() -> None:
    need = Need(**NEED, lat=34.66, lon=112.39)
    assert need.category == "elderly_care"
    assert need.ref_targets() == [("community_id", "RAISED_BY", "C1"),
                                  ("street_id", None, "S1")]


def test_chinese_category_names_and_aliases_map_to_codes() -> None:
    assert Need(**{**NEED, "category": "日间照料"}).category == "elderly_care"
    assert Need(**{**NEED, "category": "助老"}).category == "elderly_care"


def test_an_unknown_category_is_rejected_with_examples() -> None:
    with pytest.raises(ValidationError, match="未知的类别「修飞机」"):
        Need(**{**NEED, "category": "修飞机"})


def test_a_negative_capacity_is_rejected() -> None:
    with pytest.raises(ValidationError, match="capacity"):
        Resource(**{**RESOURCE, "capacity": -1})


def test_a_need_without_a_community_is_rejected() -> None:
    data = {k: v for k, v in NEED.items() if k != "community_id"}
    with pytest.raises(ValidationError, match="community_id"):
        Need(**data)


def test_coordinates_outside_china_are_rejected_and_swaps_are_named() -> None:
    with pytest.raises(ValidationError, match="不在中国境内，请检查是否填反"):
        Need(**NEED, lat=112.39, lon=34.66)


def test_half_a_coordinate_is_rejected() -> None:
    with pytest.raises(ValidationError, match="须同时填写"):
        Need(**NEED, lat=34.66)


def test_an_end_date_before_the_start_is_rejected() -> None:
    with pytest.raises(ValidationError, match="结束日期 2026-01-01 早于开始日期 2026-06-01"):
        Resource(**RESOURCE, start=dt.date(2026, 6, 1), end=dt.date(2026, 1, 1))


def test_an_unknown_unit_of_measure_is_rejected() -> None:
    with pytest.raises(ValidationError, match="未知的计量单位「公斤」"):
        Need(**{**NEED, "unit_of_measure": "公斤"})


def test_an_in_service_member_needs_a_work_unit() -> None:
    with pytest.raises(ValidationError, match="在职党员「M1」缺少工作单位"):
        PartyMember(id="M1", name="王", category="in_service", org_id="C1")


def test_a_community_needs_a_parent_and_a_type() -> None:
    with pytest.raises(ValidationError, match="缺少上级组织"):
        Organization(id="C1", name="唐村社区", level="community", community_type="old")
    with pytest.raises(ValidationError, match="缺少社区类型"):
        Organization(id="C1", name="唐村社区", level="community", parent_id="S1")


def test_ids_with_spaces_and_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError, match="pattern"):
        Need(**{**NEED, "id": "N 1"})
    with pytest.raises(ValidationError, match="colour"):
        ResidentUnit(id="U1", name="x", kind="school", street_id="S1", colour="red")


def test_node_type_lists_the_valid_kinds_for_an_unknown_one() -> None:
    assert node_type("Need") is Need
    with pytest.raises(ModelError, match="未知的节点类型 Widget；可用：Organization"):
        node_type("Widget")


def test_every_node_kind_has_a_chinese_label_and_known_reference_targets() -> None:
    for cls in NODE_TYPES.values():
        assert cls.LABEL and cls.LABEL != "节点"
        for field, (_, targets) in cls.REFS.items():
            assert field in cls.model_fields
            assert set(targets) <= set(NODE_TYPES)


def test_the_taxonomy_is_symmetric_and_covers_the_domain_list() -> None:
    for code, cat in TAXONOMY.items():
        for other in cat.related:
            assert code in TAXONOMY.related(other)
    names = {c.name for c in TAXONOMY.values()}
    assert {"家庭医疗", "日间照料", "法律服务", "心理服务", "微心愿", "资金"} <= names
    assert len(TAXONOMY) >= 25
