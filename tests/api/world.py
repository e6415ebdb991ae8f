"""A small, hand-made district for the API tests: two streets, three communities, three
units, so every role has objects inside and outside its scope.

::

    410305 涧西区委 (district)
    ├── S1 410305001 湖北路街道     C1 410305001001 唐村社区 ← U1 (registered), member M1
    │                               C2 410305001002 天四社区 (weak) ← U2
    └── S2 410305002 天津路街道     C3 410305002001 南昌路社区 ← U3, member M3
"""

from __future__ import annotations

import datetime as dt
import secrets
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from fastapi import FastAPI

from api.accounts import Accounts
from api.auth import issue_token
from api.http import create_app
from api.identity import Identity, resolve_identity
from api.settings import Settings
from graph import (
    GraphStore,
    MemberCategory,
    Need,
    Organization,
    OrgLevel,
    PartyMember,
    Project,
    Relationship,
    ResidentUnit,
    Resource,
    Role,
    UnitKind,
)

with warnings.catch_warnings():
    # starlette 1.x prefers the httpx2 package for its test client; httpx works the same
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

D, S1, S2 = "410305", "410305001", "410305002"
C1, C2, C3 = "410305001001", "410305001002", "410305002001"
U1, U2, U3 = "U1", "U2", "U3"
TODAY = dt.date(2026, 3, 1)

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

# role -> (scope, username) of the accounts inside S1/C1/U1; the "other" ones sit in S2/C3/U3
ACCOUNTS = {
    "district": (Role.DISTRICT_ADMIN, D),
    "street": (Role.STREET_COMMITTEE, S1),
    "community": (Role.COMMUNITY_ORG, C1),
    "unit": (Role.RESIDENT_UNIT, U1),
    "researcher": (Role.RESEARCHER, D),
    "street2": (Role.STREET_COMMITTEE, S2),
    "community2": (Role.COMMUNITY_ORG, C3),
    "unit2": (Role.RESIDENT_UNIT, U3),
    "unit_c2": (Role.RESIDENT_UNIT, U2),
    "community_c2": (Role.COMMUNITY_ORG, C2),
}
PASSWORD = "correct-horse-battery-staple"


def load_world(store: GraphStore) -> None:
    orgs = [
        Organization(id=D, name="涧西区委", level=OrgLevel.DISTRICT),
        Organization(id=S1, name="湖北路街道党工委", level=OrgLevel.STREET, parent_id=D),
        Organization(id=S2, name="天津路街道党工委", level=OrgLevel.STREET, parent_id=D),
        Organization(id=C1, name="唐村社区", level=OrgLevel.COMMUNITY, parent_id=S1,
                     street_id=S1, community_type="old", lat=34.67, lon=112.38),
        Organization(id=C2, name="天四社区", level=OrgLevel.COMMUNITY, parent_id=S1,
                     street_id=S1, community_type="village_to_residence", weak=True,
                     lat=34.668, lon=112.385),
        Organization(id=C3, name="南昌路社区", level=OrgLevel.COMMUNITY, parent_id=S2,
                     street_id=S2, community_type="commodity", lat=34.66, lon=112.40),
    ]
    units = [
        ResidentUnit(id=U1, name="涧西区人民医院", kind=UnitKind.HOSPITAL, street_id=S1,
                     community_id=C1, lat=34.671, lon=112.381, liaison_name="王敏"),
        ResidentUnit(id=U2, name="洛阳第一中学", kind=UnitKind.SCHOOL, street_id=S1,
                     community_id=C2, lat=34.669, lon=112.386),
        ResidentUnit(id=U3, name="天津路律师事务所", kind=UnitKind.PRIVATE_ENTERPRISE,
                     street_id=S2, community_id=C3, lat=34.661, lon=112.401),
    ]
    members = [
        PartyMember(id="M1", name="张丽", category=MemberCategory.IN_SERVICE, org_id=C1,
                    street_id=S1, work_unit_id=U1, home_community_id=C1, phone="13800000001"),
        PartyMember(id="M2", name="李强", category=MemberCategory.RETIRED, org_id=C2,
                    street_id=S1, home_community_id=C2),
        PartyMember(id="M3", name="赵刚", category=MemberCategory.IN_SERVICE, org_id=C3,
                    street_id=S2, work_unit_id=U3, home_community_id=C3),
    ]
    needs = [
        Need(id="N1", title="老年人免费义诊", category="家庭医疗", community_id=C1, street_id=S1,
             quantity=12, unit_of_measure="次", created=dt.date(2025, 10, 1)),
        Need(id="N2", title="留守儿童课业辅导", category="社区教育", community_id=C2,
             street_id=S1, quantity=40, unit_of_measure="小时", created=dt.date(2025, 6, 1),
             end=dt.date(2026, 1, 31)),
        Need(id="N3", title="每月法律咨询", category="法律服务", community_id=C3, street_id=S2,
             quantity=12, unit_of_measure="次", created=dt.date(2025, 11, 1)),
    ]
    resources = [
        Resource(id="R1", title="医生每月义诊", category="家庭医疗", unit_id=U1, street_id=S1,
                 capacity=24, unit_of_measure="次"),
        Resource(id="R2", title="教师志愿辅导", category="社区教育", unit_id=U2, street_id=S1,
                 capacity=100, unit_of_measure="小时"),
        Resource(id="R3", title="律师驻点咨询", category="法律服务", unit_id=U3, street_id=S2,
                 capacity=24, unit_of_measure="次"),
    ]
    rels = [
        Relationship(kind="REGISTERED_WITH", src=U1, dst=C1, since=dt.date(2024, 1, 1)),
        Relationship(kind="REGISTERED_WITH", src=U2, dst=C2, since=dt.date(2024, 1, 1)),
        Relationship(kind="REGISTERED_WITH", src=U3, dst=C3, since=dt.date(2024, 1, 1)),
    ]
    store.upsert([*orgs, *units, *members, *needs, *resources], rels)


def propose(store: GraphStore, pid: str, need: str, resource: str, quantity: int = 12
            ) -> Project:
    """A proposed project, as a match run would leave it."""
    n = store.get(Need, need)
    r = store.get(Resource, resource)
    p = Project(id=pid, title=f"{r.title} → {n.title}", need_id=n.id, resource_id=r.id,
                unit_id=r.unit_id, community_id=n.community_id, street_id=n.street_id,
                category=n.category, quantity=quantity, unit_of_measure=n.unit_of_measure,
                score=0.8, breakdown={"category": 1.0}, explanation="测试提议")
    store.upsert([p])
    return store.get(Project, pid)


def identity(store: GraphStore, name: str) -> Identity:
    role, scope = ACCOUNTS[name]
    return resolve_identity(store, role, scope, name, name)


@dataclass
class Api:
    """The app over a fresh world, with a signed-in client per account name."""

    app: FastAPI
    client: TestClient
    store: GraphStore
    accounts: Accounts
    secret: str
    clock: list[float] = field(default_factory=lambda: [1_000_000.0])
    tokens: dict[str, str] = field(default_factory=dict)

    def headers(self, name: str) -> dict[str, str]:
        if name not in self.tokens:
            account = self.accounts.get(name)
            assert account is not None
            self.tokens[name] = issue_token(account, self.secret).access_token
        return {"Authorization": f"Bearer {self.tokens[name]}"}

    def finish(self, who: str, answer: Any) -> dict[str, Any]:
        """A run the API started (202, running), once its worker ended it, read by GET."""
        assert answer.status_code == 202, answer.text
        run = answer.json()
        assert self.app.state.ctx.runs.wait(run["id"], timeout=120)
        got = self.client.get(f"/api/match-runs/{run['id']}", headers=self.headers(who))
        assert got.status_code == 200, got.text
        done: dict[str, Any] = got.json()
        assert done["state"] == "done", done
        return done


def make_api(tmp_path: Path, backend: Mapping[str, Any] | None = None, **settings: Any) -> Api:
    """The API over the hand-made district, on the backend whose settings ``backend``
    holds (the ``backend`` fixture; embedded by default). ``settings``: fields of
    :class:`Settings` to change (small limits, say)."""
    clock = [1_000_000.0]
    accounts = Accounts(tmp_path / "accounts.db", clock=lambda: clock[0], hasher=FAST_HASHER)
    secret = secrets.token_urlsafe(48)
    chosen = Settings(data_dir=tmp_path, **{**(backend or {"neo4j_uri": None}), **settings})
    app = create_app(chosen, accounts=accounts, secret=secret)
    store = app.state.ctx.store
    load_world(store)
    for name, (role, scope) in ACCOUNTS.items():
        accounts.create(name, PASSWORD, role, scope, subject_id=name, display_name=name)
    client = TestClient(app, raise_server_exceptions=False)
    return Api(app, client, store, accounts, secret, clock)
