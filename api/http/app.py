"""The composition root for HTTP: settings in, a FastAPI app out.

``create_app(settings)`` opens the store (:func:`api.composition.open_store`), the account
file, the signing secret and the pseudonym salt, registers the one error translation
(:mod:`api.errors`) and includes every router. Nothing is opened at import time.
"""

from __future__ import annotations

import gc
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.accounts import Accounts
from api.auth import check_secret, load_secret
from api.composition import open_store, research_salt
from api.errors import ERRORS, internal_problem, problem_for, request_problems
from api.http.deps import AppContext
from api.http.routers import ROUTERS
from api.http.schemas import ErrorOut
from api.runs.background import fail_interrupted
from api.services.idempotency import IdempotencyKeys
from api.settings import Settings
from api.web import mount as mount_web
from api.web.render import page, wants_page

__all__ = ["ERROR_RESPONSES", "REQUEST_ID_HEADER", "RequestIds", "create_app"]

LOG = logging.getLogger("gongjian.api")
REQUEST_ID_HEADER = "X-Request-ID"

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in ((400, "请求无法处理"), (401, "未登录或登录已过期"), (403, "超出权限范围"),
                         (404, "找不到"), (409, "状态或版本冲突"), (413, "文件过大"),
                         (422, "填写有误"),
                         (429, "尝试次数过多"), (500, "服务器内部错误（附请求编号）"),
                         (503, "服务暂不可用"))
}

HTTP_MESSAGES = {404: ("not_found", "找不到", "没有这个地址"),
                 405: ("method_not_allowed", "方法不允许", "此地址不支持该请求方法"),
                 401: ("not_authenticated", "请先登录", "请先登录")}


def request_id(request: Request) -> str:
    """The id :class:`RequestIds` gave this request (logged with any error)."""
    return str(request.scope.get("state", {}).get("request_id", "-"))


class RequestIds:
    """Give every request an id (answered in ``X-Request-ID``), and answer an exception
    nothing else handled with the one error shape: logged with the id and its traceback,
    answered with the id and a Chinese message, never the traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = rid
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            LOG.exception("未处理的错误 request_id=%s %s %s", rid, scope.get("method"),
                          scope.get("path"))
            if started:  # the answer is under way: nothing better can be sent
                raise
            response = JSONResponse(internal_problem(rid), status_code=500,
                                    headers={REQUEST_ID_HEADER: rid})
            await response(scope, receive, send)


def settle() -> None:
    """Once the app is built, before it serves: what the process holds by then (modules,
    schemas, routes, templates) stays out of the garbage collector's full collections.
    A full collection over those ~160,000 objects took 150-400 ms on the project's 2-core
    machine: a pause any request could hit, whatever it asked for."""
    gc.collect()
    gc.freeze()


def create_app(settings: Settings, *, accounts: Accounts | None = None,
               secret: str | None = None) -> FastAPI:
    """The API over the store ``settings`` select. ``accounts`` and ``secret`` may be
    passed in (tests inject a clock through the accounts); by default the account file
    and the secret live in the data directory, the secret from ``GONGJIAN_SECRET_KEY``
    when set."""
    env_secret = settings.secret_key.get_secret_value() if settings.secret_key else None
    if env_secret and not secret:
        check_secret(env_secret)  # a weak secret is refused before any file is opened
    store = open_store(settings)
    fail_interrupted(store)  # runs left running by a process that stopped have no worker
    accounts = accounts or Accounts(settings.data_dir / "accounts.db")
    ctx = AppContext(store=store, accounts=accounts,
                     keys=IdempotencyKeys(accounts.connection, accounts.lock,
                                          clock=accounts.clock),
                     secret=secret or load_secret(settings.data_dir, env_secret),
                     salt=research_salt(settings.data_dir), limits=settings.import_limits,
                     map_tile_url=settings.map_tile_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.runs.close()  # the runs under way write their result before the store closes
        store.close()
        accounts.close()

    app = FastAPI(title="gongjian 共建 API",
                  description="社区需求与驻区单位资源的匹配、共建项目全流程、协议、记实、评议与看板。"
                              "先在 /api/auth/token 登录，再以 Bearer 令牌调用。",
                  version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.ctx = ctx

    async def domain_error(request: Request, exc: Exception) -> JSONResponse:
        status, body, headers = problem_for(exc)
        body["error"]["request_id"] = rid = request_id(request)
        if status >= 500:
            LOG.error("request_id=%s %s：%s", rid, type(exc).__name__, body["error"]["message"])
        return JSONResponse(body, status_code=status, headers=headers)

    for cls in ERRORS:
        app.add_exception_handler(cls, domain_error)

    async def invalid_request(request: Request, exc: Exception) -> JSONResponse:
        errors = exc.errors() if isinstance(exc, RequestValidationError) else []
        body = request_problems(list(errors))
        body["error"]["request_id"] = request_id(request)
        return JSONResponse(body, status_code=422)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
        code, title, message = HTTP_MESSAGES.get(status, ("http_error", "请求无法处理",
                                                          "请求无法处理"))
        headers = getattr(exc, "headers", None)
        error: dict[str, Any] = {"code": code, "title": title, "message": message, "field": None,
                 "problems": [], "request_id": request_id(request)}
        if wants_page(request):
            return page(request, "error.html", None, title=title, status=status, error=error)
        return JSONResponse({"error": error}, status_code=status, headers=headers)

    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_middleware(RequestIds)
    for router in ROUTERS:
        app.include_router(router, responses=ERROR_RESPONSES)
    mount_web(app)  # the pages, /static and the offline /docs
    return app
