"""A live app on a random loopback port over a small demo district, and one headless
Debian Chromium for the whole session, driven by Playwright (never ``playwright install``).

Each test gets a fresh browser context (no cookies) whose pages record console errors,
page errors and every request to a host other than the app; the test fails if there was
any.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from api.accounts import Accounts
from api.http.app import create_app
from api.runs import run_match
from api.settings import Settings
from graph import EmbeddedStore, Organization, OrgLevel, Project, Role
from seed import generate_district, load_district

CHROMIUM = Path("/usr/bin/chromium")
NO_CHROMIUM = not CHROMIUM.exists()
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
PASSWORD = "web-test-password-1"
STREET = "410305001"  # 湖北路街道: the first street of a small demo district


@dataclass
class Site:
    url: str
    data_dir: Path
    users: dict[str, str]  # role key -> user name
    unit_id: str
    community_id: str
    proposed: list[str]  # proposed projects of the unit, in its community first
    other_unit_project: str
    store: EmbeddedStore | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_site(data_dir: Path) -> tuple[Settings, dict[str, str], str, str, list[str], str]:
    """A small demo district (all 11 streets), one match run of the demo street, and an
    account per role with a known password."""
    # the site is embedded whatever NEO4J_URI says (CI sets it for the backend suites)
    settings = Settings(data_dir=data_dir).model_copy(update={"neo4j_uri": None})
    store = EmbeddedStore(settings.store_path)
    try:
        load_district(store, generate_district(seed=7, scale=0.15))
        run_match(store, STREET)
        proposed = store.list(Project, filters={"street_id": STREET, "status": "proposed"},
                              size=10_000).items
        today = dt.date.today()
        by_unit: dict[str, list[Project]] = {}
        for p in proposed:  # service can be recorded today: its window holds today
            if (p.start is None or p.start <= today) and (p.end is None or p.end >= today):
                by_unit.setdefault(p.unit_id, []).append(p)
        unit_id = max(sorted(by_unit), key=lambda u: len(by_unit[u]))
        mine = by_unit[unit_id]
        community_id = mine[0].community_id
        mine.sort(key=lambda p: (p.community_id != community_id, p.id))
        other = next(p.id for p in proposed if p.unit_id != unit_id)
        street = store.get(Organization, STREET)
        assert street.level == OrgLevel.STREET
    finally:
        store.close()
    accounts = Accounts(data_dir / "accounts.db")
    users = {"district": "web-district", "street": "web-street", "community": "web-community",
             "unit": "web-unit", "researcher": "web-researcher"}
    plan = {"district": (Role.DISTRICT_ADMIN, "410305", "涧西区"),
            "street": (Role.STREET_COMMITTEE, STREET, "湖北路街道党工委"),
            "community": (Role.COMMUNITY_ORG, community_id, "社区书记"),
            "unit": (Role.RESIDENT_UNIT, unit_id, "单位联络员"),
            "researcher": (Role.RESEARCHER, "410305", "研究人员")}
    for key, (role, scope, name) in plan.items():
        accounts.create(users[key], PASSWORD, role, scope, display_name=name)
    accounts.close()
    return settings, users, unit_id, community_id, [p.id for p in mine], other


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    import uvicorn

    data_dir = tmp_path_factory.mktemp("web-site")
    settings, users, unit_id, community_id, proposed, other = build_site(data_dir)
    app = create_app(settings)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:  # pragma: no cover - a broken start
            raise RuntimeError("the test server did not start within 30 s")
        time.sleep(0.05)
    yield Site(f"http://127.0.0.1:{port}", data_dir, users, unit_id, community_id, proposed,
               other)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """What a page did wrong: console errors, page errors, requests to other hosts."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.problems: list[str] = []

    def attach(self, page: Any) -> None:
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", self._request)

    def _request(self, request: Any) -> None:
        url = request.url
        if not (url.startswith(self.origin + "/") or url == self.origin
                or url.startswith(("data:", "blob:", "about:"))):
            self.problems.append(f"request to another host: {url}")


@pytest.fixture
def watch(site: Site) -> Watch:
    return Watch(site.url)


@pytest.fixture(scope="session")
def signed_in(browser: Any, site: Site) -> dict[str, Any]:
    """Cookies of one sign-in per role (signing in is slow on purpose: argon2)."""
    return {}


@pytest.fixture
def new_page(browser: Any, site: Site, watch: Watch, signed_in: dict[str, Any]
             ) -> Iterator[Any]:
    """A function that opens a fresh page (own context) at a viewport, signed in or not.
    The first page of a role signs in through the form; later ones reuse its session."""
    contexts: list[Any] = []

    def open_page(who: str | None = None, *, width: int = 1280, height: int = 800) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height},
                                      locale="zh-CN", accept_downloads=True,
                                      storage_state=signed_in.get(who) if who else None)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        watch.attach(page)
        if who and who not in signed_in:
            sign_in(page, site, who)
            signed_in[who] = context.storage_state()
        return page

    yield open_page
    for c in contexts:
        c.close()
    assert not watch.problems, "\n".join(watch.problems)


def sign_in(page: Any, site: Site, who: str) -> None:
    page.goto(f"{site.url}/login")
    page.fill("input[name=username]", site.users[who])
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/login" not in page.url, page.inner_text("body")


def flash_text(page: Any) -> str:
    loc = page.locator(".flash")
    return str(loc.first.inner_text()) if loc.count() else ""


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field on the page"
    return m.group(1)
