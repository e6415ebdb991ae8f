"""Templates, the menu of each role, and the answers pages give (HTML, redirects, errors).

Jinja2 with autoescaping on for every template: whatever a person typed is shown as text.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.errors import problem_for
from api.web import format as fmt
from api.web.session import Session, flash
from graph import Role

__all__ = ["MENUS", "env", "error_page", "page", "pager", "redirect", "wants_page"]

HERE = Path(__file__).resolve().parent

env = Environment(loader=FileSystemLoader(HERE / "templates"),
                  autoescape=select_autoescape(default=True, default_for_string=True),
                  trim_blocks=True, lstrip_blocks=True)
env.filters.update(date=fmt.zh_date, datetime=fmt.zh_datetime, num=fmt.zh_number,
                   category=fmt.category_name, role=fmt.role_name,
                   unit_kind=fmt.unit_kind_name)
env.globals.update(status_name=fmt.status_name, urgency=fmt.URGENCY)

# (group, [(label, path)]) per role: a left menu by task
_STREET = [
    ("工作台", [("工作台首页", "/work")]),
    ("三张清单", [("需求清单", "/needs"), ("资源清单", "/resources"), ("导入清单", "/import")]),
    ("匹配", [("匹配批次", "/runs")]),
    ("项目与协议", [("共建项目", "/projects"), ("共建协议", "/agreements")]),
    ("看板", [("工作看板", "/dashboard"), ("地图", "/map"), ("关系网络", "/network")]),
]
MENUS: dict[Role, list[tuple[str, list[tuple[str, str]]]]] = {
    Role.DISTRICT_ADMIN: [*_STREET, ("管理", [("账号管理", "/accounts")])],
    Role.STREET_COMMITTEE: _STREET,
    Role.COMMUNITY_ORG: [
        ("本社区", [("首页", "/community"), ("我的需求", "/needs?mine=1"),
                 ("待确认的项目", "/projects?status=claimed")]),
        ("项目与协议", [("共建项目", "/projects"), ("共建协议", "/agreements"),
                   ("待评议", "/projects?status=completed")]),
    ],
    Role.RESIDENT_UNIT: [
        ("本单位", [("首页", "/unit"), ("我的项目", "/projects"), ("我的资源", "/resources"),
                 ("我的协议", "/agreements")]),
        ("了解需求", [("街道需求清单", "/needs")]),
    ],
    Role.RESEARCHER: [
        ("看板", [("工作看板", "/dashboard"), ("地图", "/map"), ("关系网络", "/network")]),
        ("清单", [("需求清单", "/needs"), ("资源清单", "/resources")]),
    ],
}
HOMES = {Role.DISTRICT_ADMIN: "/work", Role.STREET_COMMITTEE: "/work",
         Role.COMMUNITY_ORG: "/community", Role.RESIDENT_UNIT: "/unit",
         Role.RESEARCHER: "/dashboard"}


def page(request: Request, template: str, session: Session | None, *, title: str,
         status: int = 200, **values: Any) -> HTMLResponse:
    """The page ``template`` inside the layout (menu, signed-in organisation, flash)."""
    response = HTMLResponse("", status_code=status)
    message = None
    if session is not None:
        from api.web.session import read_flash

        message = read_flash(request, response, request.app.state.ctx.secret)
    menu = MENUS.get(session.identity.role, []) if session else []
    body = env.get_template(template).render(
        request=request, session=session, who=session.identity if session else None,
        menu=menu, here=request.url.path, title=title, flash=message,
        today=dt.date.today(), **values)
    response.body = body.encode()
    response.headers["content-length"] = str(len(response.body))
    response.headers["cache-control"] = "no-store"
    return response


def redirect(url: str, *, secret: str | None = None, message: str | None = None,
             kind: str = "ok") -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    if secret and message:
        flash(response, secret, message, kind)
    return response


def wants_page(request: Request) -> bool:
    """A browser asking for an address outside the API: it gets a page, not JSON."""
    path = request.url.path
    return (request.method in ("GET", "HEAD") and "text/html" in request.headers.get("accept", "")
            and not path.startswith(("/api/", "/static/", "/openapi.json")))


def error_page(request: Request, session: Session | None, exc: BaseException) -> Response:
    """An error as a page: its status and its one Chinese message."""
    status, body, _ = problem_for(exc)
    err = body["error"]
    return page(request, "error.html", session, title=err["title"], status=status,
                error=err)


def pager(request: Request, total: int, page_no: int, size: int) -> dict[str, Any]:
    """Links for the pagination at the bottom right, keeping the other query values."""
    pages = max(1, math.ceil(total / size))
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}

    def link(n: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'page': n})}"

    window = [n for n in range(max(1, page_no - 2), min(pages, page_no + 2) + 1)]
    return {"total": total, "page": page_no, "pages": pages, "size": size,
            "prev": link(page_no - 1) if page_no > 1 else None,
            "next": link(page_no + 1) if page_no < pages else None,
            "links": [(n, link(n)) for n in window]}
