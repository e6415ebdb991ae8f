"""Server-side render time of every page of the workbench on the demo district.

Loads the demo district (scale 1, with its past year) into a fresh data directory and runs
one match per street (or uses ``--data-dir`` where ``gongjian demo`` and ``gongjian match
--all`` have run), signs in as each demo role and requests every page that role has,
``--rounds`` times each, in process (no network). Prints per page the median and the 95th
percentile in milliseconds (over every request, the first included) and whether the p95 is
under the 200 ms target, and the first request's time. Before the first request of each
page another connection commits a write (a need's quantity changed and changed back), so
that request finds nothing computed for the data as it is now: what is computed once per
change of the data (``GraphStore.data_version``: dashboards, map, network, run lists) is
computed again, and the first request is what a page costs right after a write.

    .venv/bin/python scripts/web_render_p95.py [--rounds 20] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

TARGET_MS = 200.0
PASSWORD = "render-bench-password"


def _write(data_dir: Path, need_id: str) -> None:
    """A committed write by another connection: the need's quantity up by one and back."""
    from graph import EmbeddedStore, Need

    store = EmbeddedStore(data_dir / "gongjian.db")
    try:
        need = store.get(Need, need_id)
        changed = store.transition(Need, need_id, need.version, {"quantity": need.quantity + 1})
        store.transition(Need, need_id, changed.version, {"quantity": need.quantity})
    finally:
        store.close()


def _prepare(data_dir: Path) -> tuple[dict[str, tuple[str, list[str]]], str]:
    from api.accounts import Accounts
    from api.runs import run_match
    from graph import EmbeddedStore, MatchRun, Need, Organization, Project, Role
    from seed import generate_district, load_district
    from seed.history import past_year

    fresh = not (data_dir / "gongjian.db").exists()
    store = EmbeddedStore(data_dir / "gongjian.db")
    try:
        if fresh:  # else: a data directory where demo and match --all have run
            district = generate_district(seed=7, scale=1.0)
            load_district(store, district)
            store.upsert(past_year(district, today=dt.date.today()).nodes())
            for s in sorted(s.id for s in district.streets):
                run_match(store, s)
        street = "410305008"
        community = sorted(o.id for o in store.list(
            Organization, scope=street, filters={"level": "community"}, size=1000).items)[0]
        project = store.list(Project, filters={"street_id": street, "status": "in_progress"},
                             size=1).items[0]
        need = store.list(Need, filters={"community_id": community}, size=1).items[0]
        unit = project.unit_id
        runs = store.list(MatchRun, scope=street, size=100).items
        run = max(runs, key=lambda r: r.created).id
    finally:
        store.close()
    accounts = Accounts(data_dir / "accounts.db")
    plan = {"district": (Role.DISTRICT_ADMIN, "410305"),
            "street": (Role.STREET_COMMITTEE, street),
            "community": (Role.COMMUNITY_ORG, project.community_id),
            "unit": (Role.RESIDENT_UNIT, unit)}
    for name, (role, scope) in plan.items():
        accounts.create(f"bench-{name}", PASSWORD, role, scope, display_name=name)
    accounts.close()
    admin = ["/work", "/needs", "/needs?q=老人&sort=urgent", "/resources", "/import",
             "/runs", f"/runs/{run}", f"/runs/{run}?tab=unmatched",
             f"/runs/{run}?tab=scarcity", "/projects", "/projects?status=in_progress",
             f"/projects/{project.id}", "/agreements", "/dashboard", "/map", "/network",
             f"/needs/{need.id}", "/needs/export.xlsx"]
    return {"district": ("bench-district", [*admin, "/dashboard?scope=410305008"]),
            "street": ("bench-street", admin),
            "community": ("bench-community", ["/community", "/needs?mine=1", "/projects",
                                              f"/projects/{project.id}", "/agreements"]),
            "unit": ("bench-unit", ["/unit", "/projects", "/resources",
                                    f"/projects/{project.id}", "/agreements"])}, need.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from api.http.app import create_app, settle
    from api.settings import Settings

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="gongjian-render-"))
    print(f"载入示范区到 {data_dir} …", file=sys.stderr)
    roles, need_id = _prepare(data_dir)
    app = create_app(Settings(data_dir=data_dir).model_copy(update={"neo4j_uri": None}))
    settle()  # as ``gongjian serve`` does before it serves
    rows: list[tuple[str, str, float, float, float]] = []
    with TestClient(app) as client:
        for role, (user, paths) in roles.items():
            client.cookies.clear()
            form = client.get("/login").text
            nonce = re.search(r'name="csrf" value="([^"]+)"', form)
            assert nonce
            r = client.post("/login", data={"csrf": nonce.group(1), "username": user,
                                            "password": PASSWORD}, follow_redirects=False)
            assert r.status_code == 303, r.text
            for path in paths:
                times = []
                _write(data_dir, need_id)
                for _ in range(args.rounds):
                    t0 = time.perf_counter()
                    r = client.get(path)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, (path, r.status_code, r.text[:300])
                first = times[0]  # what the page costs right after a write
                times.sort()
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                rows.append((role, path, statistics.median(times), p95, first))
    print(f"| 角色 | 页面 | 首次 ms | 中位数 ms | p95 ms | p95 < {TARGET_MS:.0f} ms |")
    print("|---|---|---:|---:|---:|---|")
    for role, path, med, p95, first in rows:
        print(f"| {role} | `{path}` | {first:.1f} | {med:.1f} | {p95:.1f} | "
              f"{'是' if p95 < TARGET_MS else '否'} |")
    slow = [r for r in rows if r[3] >= TARGET_MS]
    print(f"\n{len(rows)} 个页面，{len(rows) - len(slow)} 个 p95 低于 {TARGET_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
