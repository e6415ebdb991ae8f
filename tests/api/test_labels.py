"""Chinese labels beside codes in responses; filters take the code or the Chinese name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.world import Api, make_api, propose


@pytest.fixture
def api(tmp_path: Path) -> Api:
    made = make_api(tmp_path)
    propose(made.store, "P1", "N1", "R1")
    return made


def get(api: Api, path: str, **params: str) -> dict:  # type: ignore[type-arg]
    r = api.client.get(path, params=params, headers=api.headers("district"))
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_responses_carry_the_chinese_label_beside_each_code(api: Api) -> None:
    project = get(api, "/api/projects/P1")
    assert (project["status"], project["status_label"]) == ("proposed", "已提议")
    assert (project["category"], project["category_label"]) == ("home_medical", "家庭医疗")
    need = get(api, "/api/needs")["items"][0]
    assert need["status_label"] == "有效" and need["category_label"]
    unit = get(api, "/api/units/U1")
    assert (unit["kind"], unit["kind_label"]) == ("hospital", "公立医院")
    org = get(api, "/api/organizations/410305001001")
    assert (org["level_label"], org["community_type_label"]) == ("社区党组织", "老旧社区")
    resource = get(api, "/api/resources/R1")
    assert resource["mode_label"] == "到社区服务"


@pytest.mark.parametrize(("path", "field", "code", "label"), [
    ("/api/projects", "status", "proposed", "已提议"),
    ("/api/projects", "category", "home_medical", "家庭医疗"),
    ("/api/needs", "category", "legal_advice", "法律服务"),
    ("/api/needs", "status", "open", "有效"),
    ("/api/units", "kind", "school", "学校"),
    ("/api/organizations", "level", "street", "街道党工委"),
    ("/api/members", "category", "in_service", "在职党员"),
])
def test_a_filter_takes_the_code_or_the_chinese_name_alike(api: Api, path: str, field: str,
                                                           code: str, label: str) -> None:
    by_code = get(api, path, **{field: code})
    by_label = get(api, path, **{field: label})
    assert by_code["total"] > 0 and by_code == by_label


def test_an_unknown_filter_value_is_a_422_naming_the_valid_ones(api: Api) -> None:
    r = api.client.get("/api/projects", params={"status": "已提交"},
                       headers=api.headers("district"))
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["field"] == "status"
    assert "项目状态「已提交」无效" in error["message"] and "已提议（proposed）" in error["message"]
    r = api.client.get("/api/units", params={"kind": "hospitals"},
                       headers=api.headers("district"))
    assert r.status_code == 422 and "公立医院（hospital）" in r.json()["error"]["message"]
