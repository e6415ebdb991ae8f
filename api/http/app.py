"""The composition root for HTTP: settings in, a FastAPI app out.

``create_app(settings)`` opens the store (:func:`api.composition.open_store`), the account
file, the signing secret and the pseudonym salt, registers the one error translation
(:mod:`api.errors`) and includes every router. Nothing is opened at import time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.accounts import Accounts
from api.auth import load_secret
from api.composition import open_store, research_salt
from api.errors import ERRORS, problem_for, request_problems
from api.http.deps import AppContext
from api.http.routers import ROUTERS
from api.http.schemas import ErrorOut
from api.services.idempotency import IdempotencyKeys
from api.settings import Settings
from api.web import mount as mount_web

__all__ = ["ERROR_RESPONSES", "create_app"]

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in ((400, "请求无法处理"), (401, "未登录或登录已过期"), (403, "超出权限范围"),
                         (404, "找不到"), (409, "状态或版本冲突"), (422, "填写有误"),
                         (429, "尝试次数过多"), (503, "服务暂不可用"))
}

HTTP_MESSAGES = {404: ("not_found", "找不到", "没有这个地址"),
                 405: ("method_not_allowed", "方法不允许", "此地址不支持该请求方法"),
                 401: ("not_authenticated", "请先登录", "请先登录")}


def create_app(settings: Settings, *, accounts: Accounts | None = None,
               secret: str | None = None) -> FastAPI:
    """The API over the store ``settings`` select. ``accounts`` and ``secret`` may be
    passed in (tests inject a clock through the accounts); by default the account file
    and the secret live in the data directory, the secret from ``GONGJIAN_SECRET_KEY``
    when set."""
    store = open_store(settings)
    accounts = accounts or Accounts(settings.data_dir / "accounts.db")
    env_secret = settings.secret_key.get_secret_value() if settings.secret_key else None
    ctx = AppContext(store=store, accounts=accounts,
                     keys=IdempotencyKeys(accounts.connection, accounts.lock,
                                          clock=accounts.clock),
                     secret=secret or load_secret(settings.data_dir, env_secret),
                     salt=research_salt(settings.data_dir))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()
        accounts.close()

    app = FastAPI(title="gongjian 共建 API",
                  description="社区需求与驻区单位资源的匹配、共建项目全流程、协议、记实、评议与看板。"
                              "先在 /api/auth/token 登录，再以 Bearer 令牌调用。",
                  version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.ctx = ctx

    async def domain_error(_: Request, exc: Exception) -> JSONResponse:
        status, body, headers = problem_for(exc)
        return JSONResponse(body, status_code=status, headers=headers)

    for cls in ERRORS:
        app.add_exception_handler(cls, domain_error)

    async def invalid_request(_: Request, exc: Exception) -> JSONResponse:
        errors = exc.errors() if isinstance(exc, RequestValidationError) else []
        return JSONResponse(request_problems(list(errors)), status_code=422)

    async def http_error(_: Request, exc: Exception) -> JSONResponse:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
        code, title, message = HTTP_MESSAGES.get(status, ("http_error", "请求无法处理",
                                                          "请求无法处理"))
        headers = getattr(exc, "headers", None)
        return JSONResponse({"error": {"code": code, "title": title, "message": message,
                                       "field": None, "problems": []}},
                            status_code=status, headers=headers)

    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    for router in ROUTERS:
        app.include_router(router, responses=ERROR_RESPONSES)
    mount_web(app)  # the pages, /static and the offline /docs
    return app
