"""A list page's JSON, built from the store's nodes without validating them again
(:meth:`api.http.schemas.PageOut.json_of`), is the response model's own JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from api.http import schemas
from api.identity import resolve_identity
from api.services._common import scoped_page
from graph import (
    Agreement,
    AuditEntry,
    EmbeddedStore,
    Evaluation,
    Need,
    Organization,
    Project,
    ResidentUnit,
    Resource,
    Role,
    ServiceRecord,
)
from seed import generate_district, load_district
from seed.history import past_year
from tests.api.world import Api

PAGES: list[tuple[type[Any], Any]] = [
    (Need, schemas.NeedPage), (Resource, schemas.ResourcePage),
    (Project, schemas.ProjectPage), (Agreement, schemas.AgreementPage),
    (ServiceRecord, schemas.ServiceRecordPage), (Evaluation, schemas.EvaluationPage),
    (AuditEntry, schemas.AuditEntryPage), (Organization, schemas.OrganizationPage),
    (ResidentUnit, schemas.UnitPage)]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    store = EmbeddedStore(Path(tmp_path_factory.mktemp("demo")) / "gongjian.db")
    district = generate_district(seed=7, scale=0.3)
    load_district(store, district)
    store.upsert(past_year(district, today=dt.date(2026, 12, 1)).nodes())
    return store


# researchers read pseudonymized views of everything but the audit trail
CASES = [(role, kind, page) for role in (Role.DISTRICT_ADMIN, Role.RESEARCHER)
         for kind, page in PAGES if (role, kind) != (Role.RESEARCHER, AuditEntry)]


@pytest.mark.parametrize(("role", "kind", "page_type"), CASES,
                         ids=[f"{r.value}-{k.KIND}" for r, k, _ in CASES])
def test_a_page_of_stored_nodes_answers_the_response_models_own_json(
        demo: EmbeddedStore, role: Role, kind: type[Any], page_type: Any) -> None:
    who = resolve_identity(demo, role, "410305", "t", "t")
    page = scoped_page(demo, who, kind, page=1, size=200)
    assert page.items, f"the demo has no {kind.KIND} to list"
    fast = json.loads(page_type.json_of(page))
    slow = page_type.model_validate({"items": page.items, "total": page.total,
                                     "page": page.page, "size": page.size})
    assert fast == slow.model_dump(mode="json")
    labels = {out for out in getattr(page_type.model_fields["items"].annotation.__args__[0],
                                     "LABELS", {})}
    assert labels and labels <= set(fast["items"][0])


def test_a_page_of_another_shape_is_validated_as_before(demo: EmbeddedStore) -> None:
    who = resolve_identity(demo, Role.DISTRICT_ADMIN, "410305", "t", "t")
    page = scoped_page(demo, who, Need, page=1, size=3)
    foreign = type(page)([n.model_dump() for n in page.items], page.total, 1, 3)
    fast = json.loads(schemas.NeedPage.json_of(foreign))
    assert [i["id"] for i in fast["items"]] == [n.id for n in page.items]
    assert fast["items"][0]["category_label"]


def test_a_list_read_again_is_the_same_until_a_write_and_never_shared_across_scopes(
        api: Api) -> None:
    def titles(who: str, query: str = "") -> list[str]:
        answer = api.client.get(f"/api/needs{query}", headers=api.headers(who))
        assert answer.status_code == 200, answer.text
        return [n["title"] for n in answer.json()["items"]]

    first = titles("street")
    assert first == titles("street") and titles("street2") == ["每月法律咨询"]
    assert titles("street", "?category=社区教育") == ["留守儿童课业辅导"]
    need = api.client.get("/api/needs/N1", headers=api.headers("street")).json()
    changed = api.client.patch("/api/needs/N1", headers=api.headers("street"),
                               json={"version": need["version"], "title": "老年人上门义诊"})
    assert changed.status_code == 200, changed.text
    assert titles("street") == ["老年人上门义诊", *first[1:]]
    assert titles("community")[0] == "老年人上门义诊"
    assert titles("district") == ["老年人上门义诊", "留守儿童课业辅导", "每月法律咨询"]


@pytest.mark.parametrize(("kind", "page_type"), PAGES, ids=[k.KIND for k, _ in PAGES])
def test_one_stored_node_answers_its_detail_models_own_json(
        demo: EmbeddedStore, kind: type[Any], page_type: Any) -> None:
    item = page_type.model_fields["items"].annotation.__args__[0]
    node = demo.list(kind, page=1, size=1).items[0]
    fast = json.loads(schemas.public_response(item, node).body)
    assert fast == item.model_validate(node).model_dump(mode="json")
    assert set(item.LABELS) <= set(fast)
