"""Load test of the list endpoints on the demo district: p50 / p99 per role at N clients.

Loads the demo district (``seed.generate_district``, scale 1 unless told) into a fresh
temporary data directory, serves the API with uvicorn on 127.0.0.1 at a free port, and
sends each role's list requests from ``--clients`` threads. Loopback only and bounded:
at most 2,000 requests per role and ``--seconds`` per role, whichever comes first.

    .venv/bin/python scripts/load.py --clients 8 --requests 400

Prints one line per role: requests, p50, p99 and the slowest answer, in milliseconds.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from api.accounts import Accounts, create_demo_accounts
from api.auth import issue_token
from api.http import create_app
from api.settings import Settings
from graph import EmbeddedStore
from seed import generate_district, load_district

MAX_REQUESTS = 2000
# role -> the list requests its clients cycle through (200 rows a page, as a page shows)
REQUESTS = {
    "street": ["/api/needs?size=200", "/api/resources?size=200", "/api/projects?size=200"],
    "unit": ["/api/needs?size=200", "/api/resources?size=200", "/api/projects?size=200"],
    "district": ["/api/needs?size=200", "/api/resources?size=200", "/api/projects?size=200",
                 "/api/units?size=200"],
    "researcher": ["/api/needs?size=200", "/api/units?size=200"],
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _measure(base: str, token: str, paths: list[str], clients: int, total: int,
             seconds: float) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    counter = iter(range(total))

    def client() -> None:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                          timeout=30) as http:
            while time.monotonic() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                started = time.perf_counter()
                r = http.get(paths[i % len(paths)])
                elapsed = time.perf_counter() - started
                if r.status_code != 200:
                    raise SystemExit(f"错误：{paths[i % len(paths)]} 答复 {r.status_code}")
                with lock:
                    times.append(elapsed)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="列表接口的并发负载测量（仅本机回环）")
    parser.add_argument("--clients", type=int, default=8, help="并发客户端数（1–32）")
    parser.add_argument("--requests", type=int, default=400, help="每个角色的请求数（≤2000）")
    parser.add_argument("--seconds", type=float, default=60, help="每个角色的时间上限（秒，≤300）")
    parser.add_argument("--scale", type=float, default=1.0, help="示范区规模倍数（≤2）")
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 32 and 1 <= args.requests <= MAX_REQUESTS
            and 0 < args.seconds <= 300 and 0 < args.scale <= 2):
        print("错误：--clients 1–32，--requests 1–2000，--seconds ≤300，--scale ≤2",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        store = EmbeddedStore(data / "gongjian.db")
        load_district(store, generate_district(seed=7, scale=args.scale))
        accounts = Accounts(data / "accounts.db")
        made = {m[2].value: m[0] for m in create_demo_accounts(accounts, store)}
        store.close()
        secret = "load-" + "".join(chr(ord("a") + i % 26) for i in range(7, 47))
        app = create_app(Settings(data_dir=data), accounts=accounts, secret=secret)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                               log_level="warning", access_log=False))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        roles = {"street": "street_committee", "unit": "resident_unit",
                 "district": "district_admin", "researcher": "researcher"}
        base = f"http://127.0.0.1:{port}"
        print(f"示范区规模 {args.scale:g}，{args.clients} 个并发客户端，每个角色最多 "
              f"{args.requests} 次请求（{args.seconds:g} 秒内）")
        print(f"{'角色':<12}{'请求数':>8}{'p50 ms':>10}{'p99 ms':>10}{'最慢 ms':>10}")
        try:
            for name, role in roles.items():
                account = accounts.get(made[role])
                assert account is not None
                token = issue_token(account, secret).access_token
                _measure(base, token, REQUESTS[name][:1], 1, 3, 10)  # warm up
                times = sorted(_measure(base, token, REQUESTS[name], args.clients,
                                        args.requests, args.seconds))
                ms = [t * 1000 for t in times]
                p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
                print(f"{name:<12}{len(ms):>8}{statistics.median(ms):>10.1f}{p99:>10.1f}"
                      f"{ms[-1]:>10.1f}")
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
