"""The map's tile setting over plain HTTP: off, the map references nothing outside the
app; on, the tiles beneath it come from that server only and sit where they belong."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from api.settings import Settings
from api.web.views import MAP_H, MAP_W, Projection, tiles
from tests.api.world import PASSWORD, make_api
from tests.web.conftest import csrf_of

TILES = "https://tiles.example.gov.cn/base/{z}/{x}/{y}.png"


def _map_page(tmp_path: Path, **settings: object) -> str:
    api = make_api(tmp_path, **settings)
    with api.client as c:
        form = c.get("/login")
        r = c.post("/login", data={"csrf": csrf_of(form.text), "username": "street",
                                   "password": PASSWORD}, follow_redirects=False)
        assert r.status_code == 303, r.text
        page = c.get("/map")
    assert page.status_code == 200, page.text
    return page.text


def _addresses(html: str) -> list[str]:
    return re.findall(r'(?:href|src|action)="([^"]*)"', html)


def test_without_a_tile_setting_the_map_references_nothing_outside_the_app(
        tmp_path: Path) -> None:
    html = _map_page(tmp_path)
    assert "<image" not in html and "无需联网或瓦片服务" in html
    outside = [a for a in _addresses(html) if not a.startswith(("/", "#", "?"))]
    assert outside == []


def test_with_a_tile_setting_the_tiles_come_from_that_server_only(tmp_path: Path) -> None:
    html = _map_page(tmp_path, map_tile_url=TILES)
    images = re.findall(r'<image href="([^"]+)" x="([-\d.]+)" y="([-\d.]+)" '
                        r'width="([\d.]+)" height="([\d.]+)"', html)
    assert images and "底图来自本单位设置的瓦片服务" in html
    outside = [a for a in _addresses(html) if not a.startswith(("/", "#", "?"))]
    assert outside and all(a.startswith("https://tiles.example.gov.cn/base/") for a in outside)
    zooms = {int(re.search(r"/base/(\d+)/", href).group(1)) for href, *_ in images}  # type: ignore[union-attr]
    assert len(zooms) == 1 and 10 <= zooms.pop() <= 19
    boxes = [(float(x), float(y), float(w), float(h)) for _, x, y, w, h in images]
    # together they cover the whole drawing
    assert min(x for x, *_ in boxes) <= 0 and min(y for _, y, *_ in boxes) <= 0
    assert max(x + w for x, _, w, _ in boxes) >= MAP_W
    assert max(y + h for _, y, _, h in boxes) >= MAP_H


def test_a_place_lies_inside_the_tile_the_tile_server_would_draw_it_on() -> None:
    points = [(34.67, 112.38), (34.668, 112.385), (34.66, 112.40)]
    proj = Projection(points)
    found = tiles(proj, "/t/{z}/{x}/{y}")
    zoom = int(found[0][0].split("/")[2])
    n = 2 ** zoom
    for lat, lon in points:
        tx = int((lon + 180) / 360 * n)
        ty = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
        box = next(b for b in found if b[0] == f"/t/{zoom}/{tx}/{ty}")
        x, y = proj(lat, lon)
        assert box[1] <= x <= box[1] + box[3] and box[2] <= y <= box[2] + box[4]


@pytest.mark.parametrize("bad", ["ftp://tiles/{z}/{x}/{y}", "https://tiles/{z}/{x}.png"])
def test_a_tile_setting_without_a_scheme_or_placeholders_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="瓦片地址须以 http"):
        Settings(map_tile_url=bad)
