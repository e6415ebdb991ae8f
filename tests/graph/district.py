"""A tiny hand-built district for store tests: two streets, three communities."""

from __future__ import annotations

import datetime as dt

from graph import (
    Need,
    Node,
    Organization,
    PartyMember,
    Relationship,
    ResidentUnit,
    Resource,
)


def tiny_district() -> tuple[list[Node], list[Relationship]]:
    nodes: list[Node] = [
        Organization(id="D", name="涧西区委", level="district"),
        Organization(id="S1", name="武汉路街道党工委", level="street", parent_id="D",
                     street_id="S1"),
        Organization(id="S2", name="湖北路街道党工委", level="street", parent_id="D",
                     street_id="S2"),
        Organization(id="C1", name="武汉路社区", level="community", parent_id="S1",
                     street_id="S1", community_id="C1", community_type="old",
                     lat=34.66, lon=112.39),
        Organization(id="C2", name="秦岭路社区", level="community", parent_id="S1",
                     street_id="S1", community_id="C2", community_type="commodity",
                     weak=True, lat=34.67, lon=112.40),
        Organization(id="C3", name="唐村社区", level="community", parent_id="S2",
                     street_id="S2", community_id="C3",
                     community_type="village_to_residence", lat=34.68, lon=112.36),
        Organization(id="B1", name="一号院党支部", level="compound_branch", parent_id="C1",
                     street_id="S1", community_id="C1"),
        ResidentUnit(id="U1", name="洛阳市第二中学", kind="school", street_id="S1",
                     community_id="C1", lat=34.661, lon=112.391),
        ResidentUnit(id="U2", name="涧西区人民医院", kind="hospital", street_id="S2",
                     community_id="C3", lat=34.681, lon=112.361),
        Organization(id="P1", name="洛阳市第二中学党委", level="unit_party_org", parent_id="S1",
                     street_id="S1", unit_id="U1"),
        PartyMember(id="M1", name="张卫国", category="in_service", org_id="P1",
                    work_unit_id="U1", home_community_id="C2", street_id="S1"),
        PartyMember(id="M2", name="李秀兰", category="retired", org_id="C3",
                    home_community_id="C3", street_id="S2"),
        Need(id="N1", title="独居老人助餐", category="elderly_care", community_id="C1",
             street_id="S1", quantity=20, unit_of_measure="次", lat=34.66, lon=112.39),
        Need(id="N2", title="每月一次法律咨询", category="legal_advice", community_id="C3",
             street_id="S2", quantity=12, unit_of_measure="次", online_ok=True,
             start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)),
        Resource(id="R1", title="教师志愿者课业辅导", category="child_education", unit_id="U1",
                 street_id="S1", capacity=40, unit_of_measure="小时", lat=34.661, lon=112.391),
        Resource(id="R2", title="家庭医生义诊", category="home_medical", unit_id="U2",
                 street_id="S2", capacity=12, unit_of_measure="次", reach_km=5),
    ]
    rels = [
        Relationship(kind="REGISTERED_WITH", src="U1", dst="C1", since=dt.date(2025, 3, 1)),
        Relationship(kind="REGISTERED_WITH", src="U2", dst="C2"),
        Relationship(kind="REGISTERED_WITH", src="M1", dst="C2"),
    ]
    return nodes, rels
