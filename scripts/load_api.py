"""The API under load: concurrent clients on list and detail endpoints, loopback only.

Builds a throwaway data directory, loads the demo district scaled by ``--scale`` (the
streets grow with it, so its largest street is a city-size street), serves the app with
uvicorn on 127.0.0.1 at a free port, signs in as the district administrator, and drives
``--clients`` concurrent clients (8 by default) through a fixed mix of list endpoints
(needs, resources, organizations, units; first pages and deep pages, filtered by street)
and detail endpoints (one need, one resource), once on the demo district's street and
once on the largest street. Reports p50/p99 latency per endpoint and scope, and errors
(any non-2xx answer or transport failure). Bounded: at most ``MAX_REQUESTS`` requests per
scope; nothing leaves the loopback interface.

    .venv/bin/python scripts/load_api.py --scale 20 --requests 2000
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

MAX_REQUESTS = 20_000
MAX_CLIENTS = 32
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _prepare(data_dir: Path, scale: float) -> tuple[str, str, str, str]:
    """Load the demo district; returns (admin user, password, demo street, largest street)."""
    os.environ["GONGJIAN_DATA_DIR"] = str(data_dir)
    from api.accounts import Accounts, create_demo_accounts
    from api.composition import open_store
    from api.settings import load_settings
    from seed import generate_district, load_district

    settings = load_settings()
    store = open_store(settings)
    try:
        district = generate_district(seed=7, scale=scale)
        load_district(store, district)
        accounts = Accounts(settings.data_dir / "accounts.db")
        made = create_demo_accounts(accounts, store)
        per_street: dict[str, int] = defaultdict(int)
        for n in district.needs:
            per_street[n.street_id] += 1
    finally:
        store.close()
    admin = next(m for m in made if m[0] == "district")
    street = next(m for m in made if m[0].startswith("street-"))
    largest = max(per_street, key=lambda s: per_street[s])
    print(f"示范区规模 {scale}：需求 {sum(per_street.values()):,}；最大街道 {largest} 有需求 "
          f"{per_street[largest]:,}，示范街道 {street[3]} 有 {per_street[street[3]]:,}")
    return admin[0], admin[1], street[3], largest


def _serve(port: int) -> subprocess.Popen[bytes]:
    """``gongjian serve`` in its own process on the loopback address (the clients' threads
    would otherwise share its interpreter)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from api.cli import main; main()", "serve", "--host", HOST,
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while True:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("错误：服务没有启动") from None
            time.sleep(0.2)


def _plan(client: httpx.Client, street: str, n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(endpoint name, path) requests for one scope, in a fixed shuffled mix."""
    needs = client.get("/api/needs", params={"street_id": street, "size": 100}).json()
    res = client.get("/api/resources", params={"street_id": street, "size": 100}).json()
    need_ids = [x["id"] for x in needs["items"]]
    res_ids = [x["id"] for x in res["items"]]
    need_pages = max(1, needs.get("total", 0) // 50)
    res_pages = max(1, res.get("total", 0) // 50)
    kinds = [
        ("needs list", lambda: f"/api/needs?street_id={street}&size=50"),
        ("needs list (deep page)",
         lambda: f"/api/needs?street_id={street}&size=50&page={rng.randint(1, need_pages)}"),
        ("resources list", lambda: f"/api/resources?street_id={street}&size=50"),
        ("resources list (deep page)",
         lambda: f"/api/resources?street_id={street}&size=50&page={rng.randint(1, res_pages)}"),
        ("organizations list", lambda: "/api/organizations?size=50"),
        ("units list", lambda: "/api/units?size=50"),
        ("need detail", lambda: f"/api/needs/{rng.choice(need_ids)}"),
        ("resource detail", lambda: f"/api/resources/{rng.choice(res_ids)}"),
    ]
    return [(name, make()) for name, make in (kinds[i % len(kinds)] for i in range(n))]


def _drive(base: str, token: str, plan: list[tuple[str, str]], clients: int
           ) -> tuple[dict[str, list[float]], dict[str, int], float]:
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    chunks = [plan[i::clients] for i in range(clients)]

    def run(chunk: list[tuple[str, str]]) -> None:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                          timeout=30) as c:
            for name, path in chunk:
                t0 = time.perf_counter()
                try:
                    ok = c.get(path).is_success
                except httpx.HTTPError:
                    ok = False
                dt = time.perf_counter() - t0
                with lock:
                    times[name].append(dt)
                    if not ok:
                        errors[name] += 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(run, chunks))
    return times, errors, time.perf_counter() - t0


def _pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="接口压力测试（仅本机回环地址）")
    ap.add_argument("--scale", type=float, default=20.0, help="示范区规模倍数")
    ap.add_argument("--requests", type=int, default=2000, help="每个范围的请求数")
    ap.add_argument("--clients", type=int, default=8, help="并发客户端数")
    args = ap.parse_args(argv)
    if not 1 <= args.requests <= MAX_REQUESTS:
        print(f"错误：--requests 须在 1 到 {MAX_REQUESTS} 之间", file=sys.stderr)
        return 1
    if not 1 <= args.clients <= MAX_CLIENTS:
        print(f"错误：--clients 须在 1 到 {MAX_CLIENTS} 之间", file=sys.stderr)
        return 1
    if not 0 < args.scale <= 200:
        print("错误：--scale 须在 0 到 200 之间", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="gongjian-load-") as tmp:
        user, password, demo_street, big_street = _prepare(Path(tmp), args.scale)
        port = _free_port()
        server = _serve(port)
        base = f"http://{HOST}:{port}"
        try:
            with httpx.Client(base_url=base, timeout=30) as c:
                token = c.post("/api/auth/token", data={"username": user,
                                                         "password": password}).json()
                headers = {"Authorization": f"Bearer {token['access_token']}"}
                c.headers.update(headers)
                rng = random.Random(7)
                scopes = {"示范街道 " + demo_street: demo_street,
                          "最大街道 " + big_street: big_street}
                plans = {label: _plan(c, s, args.requests, rng) for label, s in scopes.items()}
            print(f"{args.clients} 个并发客户端，每个范围 {args.requests} 个请求")
            print(f"{'范围':<24}{'接口':<28}{'请求':>6}{'p50 ms':>9}{'p99 ms':>9}{'错误':>6}")
            for label, plan in plans.items():
                times, errors, wall = _drive(base, token["access_token"], plan, args.clients)
                for name in sorted(times):
                    t = times[name]
                    print(f"{label:<24}{name:<28}{len(t):>6}{1000 * _pct(t, 50):>9.1f}"
                          f"{1000 * _pct(t, 99):>9.1f}{errors.get(name, 0):>6}")
                every = [x for t in times.values() for x in t]
                print(f"{label:<24}{'全部':<28}{len(every):>6}{1000 * _pct(every, 50):>9.1f}"
                      f"{1000 * _pct(every, 99):>9.1f}{sum(errors.values()):>6}"
                      f"   {len(every) / wall:.0f} 请求/秒")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
