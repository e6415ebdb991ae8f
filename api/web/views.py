"""Dashboards as charts, the map (drawn on the server as SVG: no tile server needed), the
network view, and the offline interface docs."""

from __future__ import annotations

import math
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from api.errors import InvalidRequest
from api.runs.service import get_run_full
from api.services import account_admin
from api.services.browse import run_list
from api.services.cache import cached
from api.services.dashboards import dashboard
from api.services.figures import Figures, Row, figures, street_of_row
from api.services.graph_export import check_scope
from api.web.deps import CtxDep, FormDep, SessionDep, web_router
from api.web.render import page, redirect
from graph import GraphStore, MatchRun, Organization, Role

router = web_router()

CIRCLE_KM = 1.2  # a quarter-hour walk at about 4.8 km/h: the 15-minute circle
MAP_W, MAP_H = 900, 640
MAX_ZOOM, MAX_TILES = 19, 48  # tiles beneath the map, when a tile server is set


def _scope(request: Request, session: SessionDep, store: GraphStore) -> Organization:
    who = session.identity
    wanted = (request.query_params.get("scope") or who.street_id or who.scope_id)[:64]
    if who.role in (Role.COMMUNITY_ORG, Role.RESIDENT_UNIT):
        wanted = who.street_id or wanted
    return check_scope(store, who, wanted, "查看看板与地图")


def _streets(store: GraphStore, session: SessionDep) -> list[Organization]:
    if session.identity.role == Role.STREET_COMMITTEE:
        return []
    found = store.get_many(Organization, sorted(session.identity.street_ids))
    return sorted(found.values(), key=lambda o: o.id)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    org = _scope(request, session, ctx.store)
    board = dashboard(ctx.store, session.identity, org.id)
    peak = max([s.count for s in board.projects_by_status] or [1])
    hours_peak = max([s.service_hours for s in board.streets] or [1.0]) or 1.0
    return page(request, "dashboard.html", session, title=f"工作看板 · {org.name}",
                board=board, org=org, peak=peak, hours_peak=hours_peak,
                streets=_streets(ctx.store, session))


class Projection:
    """Longitude/latitude to SVG pixels over the box of the points, equal scale in km."""

    def __init__(self, points: list[tuple[float, float]], width: int = MAP_W,
                 height: int = MAP_H, pad: int = 30) -> None:
        lats = [p[0] for p in points] or [0.0]
        lons = [p[1] for p in points] or [0.0]
        self.lat0, self.lon0 = max(lats), min(lons)
        self.kx = 111.32 * math.cos(math.radians(sum(lats) / len(lats)))
        span_x = max((max(lons) - min(lons)) * self.kx, 0.5)
        span_y = max((max(lats) - min(lats)) * 110.57, 0.5)
        self.px_per_km = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
        self.pad = pad

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        x = self.pad + (lon - self.lon0) * self.kx * self.px_per_km
        y = self.pad + (self.lat0 - lat) * 110.57 * self.px_per_km
        return round(x, 1), round(y, 1)

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        """The latitude and longitude at SVG pixel (x, y)."""
        return (self.lat0 - (y - self.pad) / (110.57 * self.px_per_km),
                self.lon0 + (x - self.pad) / (self.kx * self.px_per_km))


def tiles(proj: Projection, template: str, width: int = MAP_W, height: int = MAP_H
          ) -> list[tuple[str, float, float, float, float]]:
    """The tiles of a tile server (web-mercator ``{z}/{x}/{y}``) under the drawing: each its
    URL and SVG box, at the zoom whose pixels are closest to the drawing's."""
    north, west = proj.inverse(0, 0)
    south, east = proj.inverse(width, height)
    lat_mid = math.radians((north + south) / 2)
    wanted = 40075.016 * math.cos(lat_mid) * proj.px_per_km / 256
    zoom = max(0, min(MAX_ZOOM, round(math.log2(max(wanted, 1.0)))))

    def tile_xy(lat: float, lon: float, n: int) -> tuple[float, float]:
        return ((lon + 180) / 360 * n,
                (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)

    def corner(tx: int, ty: int, n: int) -> tuple[float, float]:
        return (math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * ty / n)))),
                tx / n * 360 - 180)

    while True:
        n = 2 ** zoom
        (x0, y0), (x1, y1) = tile_xy(north, west, n), tile_xy(south, east, n)
        xs, ys = range(int(x0), int(x1) + 1), range(int(y0), int(y1) + 1)
        if len(xs) * len(ys) <= MAX_TILES or zoom == 0:
            break
        zoom -= 1
    out = []
    for tx in xs:
        for ty in ys:
            left, top = proj(*corner(tx, ty, n))
            right, bottom = proj(*corner(tx + 1, ty + 1, n))
            url = (template.replace("{z}", str(zoom)).replace("{x}", str(tx % n))
                   .replace("{y}", str(ty)))
            out.append((url, left, top, round(right - left, 1), round(bottom - top, 1)))
    return out


def _map_data(fig: Figures, run: MatchRun | None, tile_url: str | None = None
              ) -> dict[str, Any]:
    communities = [o for o in fig.communities if o["lat"] is not None and o["lon"] is not None]
    units = [u for u in fig.units if u["lat"] is not None and u["lon"] is not None]
    proj = Projection([(o["lat"], o["lon"]) for o in communities if o["lat"] and o["lon"]]
                      + [(u["lat"], u["lon"]) for u in units if u["lat"] and u["lon"]])
    where = {o["id"]: proj(o["lat"], o["lon"]) for o in communities if o["lat"] and o["lon"]}
    where.update({u["id"]: proj(u["lat"], u["lon"]) for u in units if u["lat"] and u["lon"]})
    lines = []
    of_run = set(run.proposals) if run is not None else set()  # kept when not rewritten
    for p in fig.projects:
        if run is not None and p["id"] not in of_run and p["match_run_id"] != run.id:
            continue
        if p["status"] in ("declined", "rejected", "cancelled", "superseded"):
            continue
        if p["unit_id"] in where and p["community_id"] in where:
            lines.append((where[p["unit_id"]], where[p["community_id"]], p["status"]))
    return {"communities": [(o, where[o["id"]]) for o in communities if o["id"] in where],
            "units": [(u, where[u["id"]]) for u in units if u["id"] in where],
            "lines": lines[:3000], "radius": round(CIRCLE_KM * proj.px_per_km, 1),
            "tiles": tiles(proj, tile_url) if tile_url else [],
            "km_bar": round(proj.px_per_km, 1), "width": MAP_W, "height": MAP_H}


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    org = _scope(request, session, ctx.store)
    who = session.identity
    runs = run_list(ctx.store, who, 1, 20).items
    run_id = (request.query_params.get("run") or (runs[0]["id"] if runs else ""))[:100] or None
    if run_id and run_id not in {r["id"] for r in runs}:  # one of those listed: readable
        get_run_full(ctx.store, who, run_id)  # else NotFound / Forbidden as for the API

    def draw() -> dict[str, Any]:
        run = get_run_full(ctx.store, who, run_id) if run_id else None
        return _map_data(figures(ctx.store, org.id), run, ctx.map_tile_url)

    data = cached(ctx.store, ("map", org.id, run_id, ctx.map_tile_url), draw)
    return page(request, "map.html", session, title=f"地图 · {org.name}", org=org,
                data=data, runs=runs, run_id=run_id,
                focus=request.query_params.get("community"),
                streets=_streets(ctx.store, session))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    org = _scope(request, session, ctx.store)
    drawn = cached(ctx.store, ("network", org.id),
                   lambda: _network(figures(ctx.store, org.id)))
    return page(request, "network.html", session, title=f"关系网络 · {org.name}", org=org,
                **drawn, width=MAP_W, height=MAP_H, streets=_streets(ctx.store, session))


def ring_layout(g: Any, communities: dict[str, Row]
                ) -> dict[str, tuple[float, float]]:
    """Communities on a ring, street by street (a gap between streets); each unit inside
    it, at the middle of the communities it is tied to, units with the same ties spread
    along the radius. Linear in the graph's size (a force layout of a district's few
    hundred nodes takes seconds), and the same graph always draws the same."""
    order = sorted(communities.values(), key=lambda o: (street_of_row(o), o["id"]))
    streets = len({street_of_row(o) for o in order})
    slots = len(order) + (streets if streets > 1 else 0)  # a gap after each street
    layout: dict[str, tuple[float, float]] = {}
    slot, street = 0, None
    for o in order:
        if street is not None and street_of_row(o) != street:
            slot += 1  # only when there are several streets
        street = street_of_row(o)
        angle = 2 * math.pi * slot / max(slots, 1)
        layout[o["id"]] = (math.cos(angle), math.sin(angle))
        slot += 1
    same: dict[tuple[str, ...], int] = {}
    for n in sorted(g.nodes):
        if n in communities:
            continue
        ties = tuple(sorted(m for m in g.neighbors(n) if m in layout))
        if not ties:
            continue
        k = same[ties] = same.get(ties, -1) + 1
        x = sum(layout[m][0] for m in ties) / len(ties)
        y = sum(layout[m][1] for m in ties) / len(ties)
        pull = max(0.2, 0.8 - 0.06 * k) if len(ties) == 1 else max(0.1, 0.9 - 0.06 * k)
        layout[n] = (x * pull, y * pull)
    return layout


def _network(fig: Figures) -> dict[str, Any]:
    """Communities and units laid out by their registrations and active projects."""
    import networkx as nx

    g = nx.Graph()
    communities = {o["id"]: o for o in fig.communities}
    units = {u["id"]: u for u in fig.units}
    for unit, community, _ in fig.registrations:
        if unit in units and community in communities:
            g.add_edge(unit, community, kind="registered")
    for p in fig.projects:
        if p["status"] in ("agreed", "in_progress", "completed", "evaluated") and \
                p["unit_id"] in units and p["community_id"] in communities:
            g.add_edge(p["unit_id"], p["community_id"], kind="project")
    for cid in communities:
        g.add_node(cid)
    layout = ring_layout(g, communities)
    xs = [v[0] for v in layout.values()] or [0.0]
    ys = [v[1] for v in layout.values()] or [0.0]
    x0, y0 = min(xs), min(ys)
    kx, ky = (MAP_W - 60) / ((max(xs) - x0) or 1), (MAP_H - 60) / ((max(ys) - y0) or 1)

    def at(n: str) -> tuple[float, float]:
        x, y = layout[n]
        return round(30 + (x - x0) * kx, 1), round(30 + (y - y0) * ky, 1)

    edges = [(at(a), at(b), d["kind"]) for a, b, d in g.edges(data=True)]
    nodes = [(at(n), n in communities, communities[n]["name"] if n in communities
              else units[n]["name"], g.degree(n)) for n in g.nodes]
    isolated = [communities[c] for c in sorted(communities) if g.degree(c) == 0]
    return {"edges": edges, "nodes": nodes, "isolated": isolated}


# -- district administration: accounts ------------------------------------------------------

ACCOUNT_ROLES = {Role.STREET_COMMITTEE: "街道党工委", Role.COMMUNITY_ORG: "社区党组织",
                 Role.RESIDENT_UNIT: "驻区单位"}


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(request: Request, session: SessionDep, ctx: CtxDep) -> Response:
    rows = account_admin.list_accounts(ctx.accounts, ctx.store, session.identity)
    return page(request, "accounts.html", session, title="账号管理", rows=rows,
                roles=ACCOUNT_ROLES)


def _role(value: str) -> Role:
    try:
        role = Role(value)
    except ValueError:
        role = None
    if role not in ACCOUNT_ROLES:
        raise InvalidRequest("请选择账号角色：街道党工委、社区党组织或驻区单位", field="role")
    return role


@router.post("/accounts")
async def create_account(request: Request, session: SessionDep, form: FormDep, ctx: CtxDep
                         ) -> Response:
    account, password = account_admin.create_account(
        ctx.accounts, ctx.store, session.identity, str(form.get("username") or "").strip(),
        _role(str(form.get("role") or "")), str(form.get("scope_id") or "").strip()[:64])
    return redirect("/accounts", secret=ctx.secret,
                    message=f"已创建账号 {account.username}（{account.display_name}），"
                            f"初始密码：{password}（只显示这一次，请当面交给使用人）")


@router.post("/accounts/{username}/reset")
async def reset_password(request: Request, username: str, session: SessionDep,
                         form: FormDep, ctx: CtxDep) -> Response:
    password = account_admin.reset_password(ctx.accounts, ctx.store, session.identity,
                                            username[:64])
    return redirect("/accounts", secret=ctx.secret,
                    message=f"账号 {username[:64]} 的新密码：{password}（只显示这一次）")


@router.post("/accounts/{username}/deactivate")
async def deactivate(request: Request, username: str, session: SessionDep, form: FormDep,
                     ctx: CtxDep) -> Response:
    account_admin.deactivate(ctx.accounts, ctx.store, session.identity, username[:64])
    return redirect("/accounts", secret=ctx.secret,
                    message=f"账号 {username[:64]} 已停用，已登录的会话随即失效")
