"""The web pages: a workbench per role, served by the API's own app (Chinese first).

:func:`mount` adds the pages, the app's own styles and scripts (``/static``), and the
interface docs with their assets taken from the ``fastapi-offline`` wheel (``/docs``,
``/redoc``), so nothing is loaded from another host. Pages call the same services as the
API: scope rules live in :mod:`api.identity` and the services, once.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["mount"]

STATIC = Path(__file__).resolve().parent / "static"


def _docs_assets() -> Path:
    import fastapi_offline

    return Path(fastapi_offline.__file__).resolve().parent / "static"


def mount(app: FastAPI) -> None:
    """Add the pages and their assets to ``app`` (built with ``docs_url=None``)."""
    from api.web import pages, views, work

    app.mount("/static/docs", StaticFiles(directory=_docs_assets()), name="docs-assets")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="gongjian 共建 API 文档",
                                   swagger_js_url="/static/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static/docs/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None})

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title="gongjian 共建 API 文档",
                              redoc_js_url="/static/docs/redoc.standalone.js",
                              redoc_favicon_url="/static/favicon.svg", with_google_fonts=False)

    for router in (pages.router, work.router, views.router):
        app.include_router(router)
    from api.web.render import env

    for name in env.list_templates():  # compiled once here, not by the first visitor
        env.get_template(name)
