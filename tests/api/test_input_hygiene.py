"""Text hygiene where input enters: control characters refused naming the field, ids of a
safe alphabet, no true/false for numbers, numeric query parameters bounded."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph import Need, Organization
from tests.api.world import C1, S1, Api


def _need(**change: object) -> dict[str, object]:
    return {"title": "助餐服务", "category": "家庭医疗", "community_id": C1, "quantity": 2,
            "unit_of_measure": "次", **change}


@pytest.mark.parametrize("field, value", [("title", "a\u0001b"), ("description", "x\x1by"),
                                          ("title", "a\u2028b")])
def test_a_control_character_in_a_text_is_refused_naming_the_field(api: Api, field: str,
                                                                   value: str) -> None:
    r = api.client.post("/api/needs", headers=api.headers("community"),
                        json=_need(**{field: value}))
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["field"] == field and "控制字符" in error["message"]
    assert api.store.list(Need, filters={"community_id": C1}).total == 1


def test_tabs_and_line_breaks_are_kept(api: Api) -> None:
    r = api.client.post("/api/needs", headers=api.headers("community"),
                        json=_need(description="第一行\n第二行\t完"))
    assert r.status_code == 201, r.text
    assert r.json()["description"] == "第一行\n第二行\t完"


def test_the_model_refuses_control_characters_in_every_text_field() -> None:
    with pytest.raises(ValidationError, match="控制字符 U\\+0001"):
        Organization(id="X1", name="a\u0001b", level="district")
    with pytest.raises(ValidationError, match="控制字符"):
        Need(id="N1", title="助餐", category="家庭医疗", community_id=C1, street_id=S1,
             quantity=1, unit_of_measure="次", description="\x00")


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "a/b", "N 1", "-N1", "需求1", "N1?x"])
def test_an_id_outside_the_safe_alphabet_is_refused(api: Api, bad_id: str) -> None:
    r = api.client.post("/api/needs", headers=api.headers("community"), json=_need(id=bad_id))
    assert r.status_code == 422, r.text
    assert r.json()["error"]["field"] == "id"
    with pytest.raises(ValidationError, match="string_pattern_mismatch"):
        Need(id=bad_id, title="助餐", category="家庭医疗", community_id=C1, street_id=S1,
             quantity=1, unit_of_measure="次")


def test_true_is_refused_where_a_number_belongs(api: Api) -> None:
    r = api.client.post("/api/needs", headers=api.headers("community"), json=_need(quantity=True))
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["field"] == "quantity" and "不能是 true" in error["message"]
    with pytest.raises(ValidationError, match="须为数字，不能是 true"):
        Need(id="N1", title="助餐", category="家庭医疗", community_id=C1, street_id=S1,
             quantity=True, unit_of_measure="次")
    assert Need(id="N1", title="助餐", category="家庭医疗", community_id=C1, street_id=S1,
                quantity=1, unit_of_measure="次", online_ok=True).online_ok is True


@pytest.mark.parametrize("urgency", ["9223372036854775808", "0", "4", "-1"])
def test_a_numeric_query_parameter_out_of_its_range_is_a_422(api: Api, urgency: str) -> None:
    r = api.client.get("/api/needs", headers=api.headers("district"),
                       params={"urgency": urgency})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["field"] == "urgency"
