"""Load test of the list and detail endpoints: p50 / p99 / errors per role at N clients.

Loads the demo district (``seed.generate_district``, scale 1 unless told) into a fresh
temporary data directory, serves the API with uvicorn on 127.0.0.1 at a free port in a
process of its own (as ``gongjian serve`` does; the clients' threads do not share its
interpreter), and sends each role's list requests, then its detail requests (needs,
resources, projects and units it can see, ids taken from its own lists), from
``--clients`` threads. With
``--street-scale K`` it then does the same for the street committee of a *city-size
street*: the demo generator at scale K with every street merged into the demo street.
Loopback only and bounded: at most 2,000 requests per role and kind and ``--seconds``
each, whichever comes first.

    .venv/bin/python scripts/load.py --clients 8 --requests 400 --street-scale 10

Prints one line per role and kind: requests, errors (answers other than 200), p50, p99
and the slowest answer, in milliseconds, and the server process's CPU time per request
(what the answers cost, whatever else the machine is doing).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from api.accounts import DEMO_STREET, Accounts, create_demo_accounts
from api.auth import issue_token
from api.http import create_app, settle
from api.settings import Settings
from graph import EmbeddedStore, Node, OrgLevel, Relationship
from seed import District, generate_district, load_district

MAX_REQUESTS = 2000
# role -> the list requests its clients cycle through: 200 rows a page, as a page shows,
# and the next pages and filters a person turns to
_BROWSING = ["/api/needs?size=200", "/api/needs?size=50&page=2", "/api/needs?urgency=3",
             "/api/resources?size=200", "/api/resources?size=50&page=3",
             "/api/projects?size=200", "/api/projects?size=20&page=2"]
REQUESTS = {
    "street": _BROWSING,
    "unit": ["/api/needs?size=200", "/api/needs?size=50&page=2", "/api/resources?size=200",
             "/api/projects?size=200"],
    "district": [*_BROWSING, "/api/units?size=200", "/api/units?size=50&page=4"],
    "researcher": ["/api/needs?size=200", "/api/needs?size=50&page=5", "/api/needs?urgency=1",
                   "/api/units?size=200", "/api/units?size=100&page=2"],
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


DETAILS = {"needs": "/api/needs/{}", "resources": "/api/resources/{}",
           "projects": "/api/projects/{}", "units": "/api/units/{}"}


def _measure(base: str, token: str, paths: list[str], clients: int, total: int,
             seconds: float) -> tuple[list[float], int]:
    """Answer times of the 200s, and the number of other answers."""
    times: list[float] = []
    errors = [0]
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
                try:
                    ok = http.get(paths[i % len(paths)]).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        times.append(elapsed)
                    else:
                        errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


class Editor:
    """A clerk editing while the others read: every ``every`` seconds the district
    administrator changes one need's quantity (a versioned PATCH), so every cached answer
    is read afresh after it. Counts its edits and failures."""

    def __init__(self, base: str, token: str, every: float) -> None:
        self.base, self.token, self.every = base, token, every
        self.edits = self.failures = 0
        self._stop = threading.Event()
        self._thread = threading.Thread()

    def __enter__(self) -> Editor:
        """Start editing (again: once per measurement)."""
        self._stop.clear()
        if self.every > 0:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30,
                          headers={"Authorization": f"Bearer {self.token}"}) as http:
            need = http.get("/api/needs?size=1").json()["items"][0]
            while not self._stop.wait(self.every):
                answer = http.patch(f"/api/needs/{need['id']}", json={
                    "version": need["version"], "quantity": need["quantity"] % 50 + 1})
                if answer.status_code == 200:
                    need = answer.json()
                    self.edits += 1
                else:
                    self.failures += 1
                    need = http.get(f"/api/needs/{need['id']}").json()


def _detail_paths(base: str, token: str, lists: list[str]) -> list[str]:
    """Detail addresses of up to 25 items of each list the role can read."""
    out: list[str] = []
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"},
                      timeout=60) as http:
        for path in lists:
            kind = path.split("?")[0].rsplit("/", 1)[-1]
            if kind not in DETAILS:
                continue
            r = http.get(path)
            if r.status_code == 200:
                out += [DETAILS[kind].format(item["id"]) for item in r.json()["items"][:25]]
    return out


def city_street(district: District, street_id: str = DEMO_STREET) -> District:
    """``district`` with every street merged into ``street_id``: one city-size street."""
    streets = {o.id for o in district.organizations if o.level == OrgLevel.STREET}
    target = street_id if street_id in streets else sorted(streets)[0]

    def moved(node: Node) -> Node:
        update = {f: target for f in ("street_id", "parent_id")
                  if getattr(node, f, None) in streets}
        return node.model_copy(update=update) if update else node

    def rel(r: Relationship) -> Relationship:
        update = {f: target for f in ("src", "dst") if getattr(r, f) in streets}
        return r.model_copy(update=update) if update else r

    def kept(nodes: list[Any]) -> list[Any]:
        return [moved(n) for n in nodes if n.id == target or n.id not in streets]

    return District(
        seed=district.seed, scale=district.scale, organizations=kept(district.organizations),
        units=kept(district.units), unit_party_orgs=kept(district.unit_party_orgs),
        members=kept(district.members), needs=kept(district.needs),
        resources=kept(district.resources),
        registrations=[rel(r) for r in district.registrations],
        memberships=[rel(r) for r in district.memberships])


def _cpu_seconds(pid: int | None) -> float:
    """CPU time the process ``pid`` has used (Linux /proc; 0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _report(name: str, kind: str, times: list[float], errors: int, cpu: float) -> None:
    ms = sorted(t * 1000 for t in times)
    if not ms:
        print(f"{name:<12}{kind:<6}{0:>8}{errors:>6}{'—':>10}{'—':>10}{'—':>10}{'—':>10}")
        return
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{name:<12}{kind:<6}{len(ms):>8}{errors:>6}{statistics.median(ms):>10.1f}"
          f"{p99:>10.1f}{ms[-1]:>10.1f}{cpu * 1000 / (len(ms) + errors):>10.2f}")


def _serve(data: Path, secret: str, port: int) -> None:
    """The server process: the app over ``data``, as ``gongjian serve`` runs it."""
    app = create_app(Settings(data_dir=data), secret=secret)
    settle()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _wait_until_up(base: str, server: multiprocessing.process.BaseProcess) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.is_alive():
        try:
            httpx.get(f"{base}/api/auth/me", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("错误：服务进程没有在 120 秒内启动")


def _run(district: District, roles: dict[str, str], args: argparse.Namespace,
         title: str) -> int:
    """Serve ``district`` and measure each role's lists and details; the errors."""
    errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        store = EmbeddedStore(data / "gongjian.db")
        load_district(store, district)
        accounts = Accounts(data / "accounts.db")
        made = {m[2].value: m[0] for m in create_demo_accounts(accounts, store)}
        store.close()
        secret = "load-" + "".join(chr(ord("a") + i % 26) for i in range(7, 47))
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(data, secret, port), daemon=True)
        server.start()
        _wait_until_up(base, server)
        print(f"{title}：{len(district.needs):,} 条需求、{len(district.resources):,} 项资源，"
              f"{args.clients} 个并发客户端，每个角色每类最多 {args.requests} 次请求"
              f"（{args.seconds:g} 秒内）")
        print(f"{'角色':<12}{'类别':<6}{'请求数':>8}{'错误':>6}{'p50 ms':>10}{'p99 ms':>10}"
              f"{'最慢 ms':>10}{'服务CPU ms':>10}")
        admin = accounts.get(made["district_admin"])
        assert admin is not None
        editor = Editor(base, issue_token(admin, secret).access_token, args.edit_every)
        try:
            for name, role in roles.items():
                account = accounts.get(made[role])
                assert account is not None
                token = issue_token(account, secret).access_token
                _measure(base, token, REQUESTS[name][:1], 1, 3, 10)  # warm up
                for kind, paths in (("列表", REQUESTS[name]),
                                    ("详情", _detail_paths(base, token, REQUESTS[name]))):
                    if not paths:
                        continue
                    used = _cpu_seconds(server.pid)
                    with editor:
                        times, failed = _measure(base, token, paths, args.clients,
                                                 args.requests, args.seconds)
                    errors += failed
                    _report(name, kind, times, failed, _cpu_seconds(server.pid) - used)
            print(f"测量期间区管理员每 {args.edit_every:g} 秒修改一条需求（缓存的答复随之作废）："
                  f"修改 {editor.edits} 次，失败 {editor.failures} 次" if args.edit_every
                  else "测量期间没有写入（--edit-every 0）")
        finally:
            server.terminate()
            server.join(timeout=30)
    return errors + editor.failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="列表接口的并发负载测量（仅本机回环）")
    parser.add_argument("--clients", type=int, default=8, help="并发客户端数（1–32）")
    parser.add_argument("--requests", type=int, default=400, help="每个角色的请求数（≤2000）")
    parser.add_argument("--seconds", type=float, default=60, help="每个角色的时间上限（秒，≤300）")
    parser.add_argument("--edit-every", type=float, default=1.0,
                        help="测量期间每隔多少秒修改一条需求（0 为不修改）")
    parser.add_argument("--scale", type=float, default=1.0, help="示范区规模倍数（≤2）")
    parser.add_argument("--street-scale", type=float, default=0.0,
                        help="另测一个城市规模街道：示范区按此倍数生成后并为一个街道"
                             "（≤40，0 为不测）")
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 32 and 1 <= args.requests <= MAX_REQUESTS
            and 0 < args.seconds <= 300 and 0 < args.scale <= 2
            and 0 <= args.street_scale <= 40 and 0 <= args.edit_every <= 60):
        print("错误：--clients 1–32，--requests 1–2000，--seconds ≤300，--scale ≤2，"
              "--street-scale 0–40，--edit-every 0–60", file=sys.stderr)
        return 1
    roles = {"street": "street_committee", "unit": "resident_unit",
             "district": "district_admin", "researcher": "researcher"}
    errors = _run(generate_district(seed=7, scale=args.scale), roles, args,
                  f"示范区规模 {args.scale:g}")
    if args.street_scale:
        city = city_street(generate_district(seed=7, scale=args.street_scale))
        errors += _run(city, {"street": "street_committee"}, args,
                       f"城市规模街道（规模 {args.street_scale:g} 的全部街道并为一个）")
    print(f"错误合计：{errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
