"""The pages' safety rules over plain HTTP (no browser needed): the session cookie, CSRF,
scope on every page and form, expiry, escaping."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from openpyxl import load_workbook

from api.accounts import Accounts
from api.auth import issue_token
from api.web.format import category_name
from graph import EmbeddedStore, Project
from tests.web.conftest import PASSWORD, Site, csrf_of


@contextmanager
def _client(site: Site, who: str | None) -> Iterator[httpx.Client]:
    client = httpx.Client(base_url=site.url, follow_redirects=False, timeout=30)
    try:
        if who:
            _sign_in(client, site, who)
        yield client
    finally:
        client.close()


def _sign_in(client: httpx.Client, site: Site, who: str) -> None:
    if who:
        r = client.get("/login")
        r = client.post("/login", data={"csrf": csrf_of(r.text), "username": site.users[who],
                                        "password": PASSWORD})
        assert r.status_code == 303, r.text


@pytest.fixture(scope="module")
def unit(site: Site) -> Iterator[httpx.Client]:
    with _client(site, "unit") as c:
        yield c


def _project(site: Site, project_id: str) -> Project:
    store = EmbeddedStore(site.data_dir / "gongjian.db")
    try:
        return store.get(Project, project_id)
    finally:
        store.close()


def test_the_session_cookie_is_httponly_and_samesite(site: Site) -> None:
    with httpx.Client(base_url=site.url, timeout=30) as c:
        r = c.get("/login")
        r = c.post("/login", data={"csrf": csrf_of(r.text), "username": site.users["street"],
                                   "password": PASSWORD}, follow_redirects=False)
    cookie = next(v for k, v in r.headers.multi_items()
                  if k == "set-cookie" and v.startswith("gj_session="))
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()


def test_a_wrong_password_is_refused_with_a_message(site: Site) -> None:
    with httpx.Client(base_url=site.url, timeout=30, follow_redirects=True) as c:
        r = c.get("/login")
        r = c.post("/login", data={"csrf": csrf_of(r.text), "username": "nobody-here",
                                   "password": "not-the-password"})
        assert "/login" in str(r.url)
        assert "用户名或密码不正确" in r.text
        assert c.get("/work", follow_redirects=False).status_code == 303


def test_a_form_without_its_csrf_token_is_refused_and_writes_nothing(
        site: Site, unit: httpx.Client) -> None:
    project = site.proposed[-1]
    before = _project(site, project)
    r = unit.post(f"/projects/{project}/act", data={"action": "claim",
                                                    "version": str(before.version)})
    assert r.status_code == 403
    assert "安全校验码" in r.text
    r = unit.post(f"/projects/{project}/act", data={"action": "claim", "csrf": "forged",
                                                    "version": str(before.version)})
    assert r.status_code == 403
    assert _project(site, project).version == before.version


def test_the_sign_in_form_without_its_token_is_refused(site: Site) -> None:
    with httpx.Client(base_url=site.url, timeout=30) as c:
        r = c.post("/login", data={"username": site.users["street"], "password": PASSWORD})
        assert r.status_code == 403


def test_a_unit_changing_an_id_in_the_url_sees_404_as_for_a_missing_id(
        site: Site, unit: httpx.Client) -> None:
    other = site.other_unit_project
    assert unit.get(f"/projects/{other}").status_code == 404
    assert unit.get("/projects/PJ-no-such-project").status_code == 404
    assert unit.get("/agreements/AG-no-such").status_code == 404
    page = unit.get(f"/projects/{site.proposed[-1]}")
    assert page.status_code == 200
    before = _project(site, other)
    r = unit.post(f"/projects/{other}/act", data={"action": "claim", "csrf": csrf_of(page.text),
                                                  "version": str(before.version)},
                  headers={"referer": f"{site.url}/projects/{site.proposed[-1]}"})
    assert r.status_code == 303  # back to the form, with the refusal as its message
    assert _project(site, other).version == before.version
    shown = unit.get(r.headers["location"])
    assert f"没有编号为 {other} 的共建项目" in shown.text
    assert unit.get("/runs").status_code == 403
    assert unit.get("/dashboard").status_code == 403


def test_an_expired_session_sends_to_the_sign_in_page_with_a_clear_message(site: Site
                                                                           ) -> None:
    accounts = Accounts(site.data_dir / "accounts.db")
    try:
        account = accounts.get(site.users["street"])
        assert account is not None
        secret = (site.data_dir / "secret.key").read_text(encoding="utf-8").strip()
        old = issue_token(account, secret, now=dt.datetime.now(dt.UTC)
                          - dt.timedelta(hours=2)).access_token
    finally:
        accounts.close()
    with httpx.Client(base_url=site.url, timeout=30, cookies={"gj_session": old}) as c:
        r = c.get("/work", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
        assert "登录已过期" in c.get(r.headers["location"]).text


def test_signing_out_ends_the_session(site: Site) -> None:
    with _client(site, "researcher") as c:
        page = c.get("/dashboard")
        assert page.status_code == 200
        r = c.post("/logout", data={"csrf": csrf_of(page.text)})
        assert r.status_code == 303
        assert c.get("/dashboard").status_code == 303


def test_user_text_is_escaped_on_every_list(site: Site) -> None:
    with _client(site, "community") as c:
        form = c.get("/needs/new")
        r = c.post("/needs/new", data={"csrf": csrf_of(form.text),
                                       "title": "<img src=x onerror=alert(1)>",
                                       "category": "elderly_care", "quantity": "1",
                                       "unit_of_measure": "次", "urgency": "2"})
        assert r.status_code == 303, r.text
        page = c.get("/needs", params={"mine": "1", "q": "onerror"})
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.text
    assert not re.search(r"<img src=x", page.text)


def test_documents_and_exports_open_from_plain_links_with_the_session(
        site: Site, unit: httpx.Client) -> None:
    r = unit.get("/needs/export.xlsx", params={"category": "elderly_care"})
    assert r.status_code == 200 and r.content[:2] == b"PK"
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "标题", "类别") and len(rows) > 1
    assert {row[2] for row in rows[1:]} == {category_name("elderly_care")}
    r = unit.get("/import/template-needs.xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    with httpx.Client(base_url=site.url, timeout=30) as anonymous:
        r = anonymous.get("/needs/export.xlsx", follow_redirects=False)
        assert r.status_code == 303


def _flash_after(client: httpx.Client, r: httpx.Response) -> str:
    assert r.status_code == 303, r.text
    page = client.get(r.headers["location"])
    m = re.search(r'class="flash flash-(\w+)"[^>]*>([^<]+)<', page.text)
    assert m, page.text[:500]
    return f"{m.group(1)}:{m.group(2)}"


def test_the_district_hands_out_resets_and_withdraws_an_account(site: Site) -> None:
    with _client(site, "district") as admin:
        page = admin.get("/accounts")
        token = csrf_of(page.text)
        shown = _flash_after(admin, admin.post("/accounts", data={
            "csrf": token, "username": "web-new-unit", "role": "resident_unit",
            "scope_id": site.unit_id}))
        password = re.search(r"初始密码：(\S+)（", shown)
        assert shown.startswith("ok:") and password
        wrong = _flash_after(admin, admin.post("/accounts", data={
            "csrf": token, "username": "web-bad", "role": "street_committee",
            "scope_id": site.community_id}, headers={"referer": f"{site.url}/accounts"}))
        assert wrong.startswith("error:") and "不是街道" in wrong
        with _client(site, None) as newcomer:
            r = newcomer.get("/login")
            r = newcomer.post("/login", data={"csrf": csrf_of(r.text), "username": "web-new-unit",
                                             "password": password.group(1)})
            assert r.headers["location"] == "/unit"
            assert newcomer.get("/unit").status_code == 200
            reset = _flash_after(admin, admin.post("/accounts/web-new-unit/reset",
                                                   data={"csrf": token}))
            assert "新密码" in reset
            gone = _flash_after(admin, admin.post("/accounts/web-new-unit/deactivate",
                                                  data={"csrf": token}))
            assert "已停用" in gone
            r = newcomer.get("/unit")
            assert r.status_code == 303
            assert "账号已停用" in newcomer.get(r.headers["location"]).text
    with _client(site, "street") as street:
        assert street.get("/accounts").status_code == 403


def test_the_unit_adds_edits_and_withdraws_its_resource_but_no_one_elses(
        site: Site, unit: httpx.Client) -> None:
    form = unit.get("/resources/new")
    token = csrf_of(form.text)
    r = unit.post("/resources/new", data={
        "csrf": token, "title": "周末法律咨询", "category": "legal_advice", "capacity": "4",
        "unit_of_measure": "次", "reach_km": "3"})
    assert r.status_code == 303, r.text
    url = r.headers["location"]
    page = unit.get(url)
    assert "周末法律咨询" in page.text and "4 次" in page.text
    version = re.search(r'name="version" value="(\d+)"', page.text)
    assert version
    r = unit.post(f"{url}/edit", data={"csrf": token, "version": version.group(1),
                                       "title": "周末法律咨询（线上）", "capacity": "6",
                                       "category": "legal_advice", "unit_of_measure": "次"})
    assert r.status_code == 303
    page = unit.get(url)
    assert "周末法律咨询（线上）" in page.text and "6 次" in page.text
    stale = _flash_after(unit, unit.post(f"{url}/withdraw", data={
        "csrf": token, "version": version.group(1)}, headers={"referer": site.url + url}))
    assert stale.startswith("error:") and "已被他人修改" in stale  # the version it saw
    fresh = re.search(r'name="version" value="(\d+)"', unit.get(url).text)
    assert fresh
    r = unit.post(f"{url}/withdraw", data={"csrf": token, "version": fresh.group(1),
                                           "note": "场地改作他用"})
    assert "已撤回" in unit.get(r.headers["location"]).text
    store = EmbeddedStore(site.data_dir / "gongjian.db")
    try:
        from graph import Resource

        others = [x for x in store.list(Resource, size=1000).items
                  if x.unit_id != site.unit_id]
    finally:
        store.close()
    other = others[0]
    assert unit.get(f"/resources/{other.id}").status_code == 404  # as a missing id
    r = unit.post(f"/resources/{other.id}/withdraw", data={
        "csrf": token, "version": str(other.version)},
        headers={"referer": site.url + url})
    assert _flash_after(unit, r).startswith("error:")
