"""Pseudonyms that hold for researchers: member ids in service records and signers' names
are the pseudonyms the member list uses; free-text notes and comments are withheld."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import Agreement, ServiceRecord, pseudonym
from graph.model import Signature
from tests.api.world import C1, S1, U1, Api, make_api, propose


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    a = make_api(tmp_path)
    propose(a.store, "P1", "N1", "R1")
    a.store.upsert([
        Agreement(id="AG1", title="共建协议", project_ids=["P1"], community_id=C1,
                  street_id=S1, unit_ids=[U1], status="signed",
                  signatures=[Signature(party_id=U1, role="resident_unit", signer="王敏",
                                        signed_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))]),
        ServiceRecord(id="SR1", project_id="P1", street_id=S1, unit_id=U1, community_id=C1,
                      date=dt.date(2026, 3, 2), hours=2, member_ids=["M1"],
                      note="张丽上门为李大爷量血压")])
    with a.client:
        yield a


def test_researchers_see_member_ids_as_the_member_lists_pseudonyms(api: Api) -> None:
    salt = api.app.state.ctx.salt
    members = api.client.get("/api/members", headers=api.headers("researcher")).json()
    alias = pseudonym("M1", salt)
    assert alias in [m["id"] for m in members["items"]]
    for url in ("/api/service-records", "/api/service-records/SR1"):
        r = api.client.get(url, headers=api.headers("researcher"))
        assert r.status_code == 200, r.text
        record = r.json()["items"][0] if "items" in r.json() else r.json()
        assert record["member_ids"] == [alias] and record["note"] == ""
        assert "M1" not in r.text and "张丽" not in r.text
    district = api.client.get("/api/service-records/SR1", headers=api.headers("district")).json()
    assert district["member_ids"] == ["M1"] and "张丽" in district["note"]


def test_researchers_see_signers_as_pseudonyms(api: Api) -> None:
    salt = api.app.state.ctx.salt
    for url in ("/api/agreements", "/api/agreements/AG1"):
        r = api.client.get(url, headers=api.headers("researcher"))
        assert r.status_code == 200, r.text
        assert "王敏" not in r.text and pseudonym("王敏", salt) in r.text
    assert "王敏" in api.client.get("/api/agreements/AG1", headers=api.headers("street")).text


@pytest.mark.parametrize("fmt", ["json", "gexf", "graphml"])
def test_a_researchers_export_has_no_real_member_id_and_no_note(api: Api, fmt: str) -> None:
    def export(who: str) -> str:
        r = api.client.get(f"/api/export/{S1}", params={"format": fmt},
                           headers=api.headers(who))
        assert r.status_code == 200, r.text
        return r.text

    district = export("district")
    assert '"M1"' in district and "张丽" in district and "王敏" in district
    research = export("researcher")
    assert "SR1" in research and "members_served" in research
    assert '"M1"' not in research and ">M1<" not in research
    assert "张丽" not in research and "王敏" not in research
    assert pseudonym("王敏", api.app.state.ctx.salt) in research
