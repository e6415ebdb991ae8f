"""Every error the API can meet, translated in one table to an HTTP answer.

The API's own exceptions::

    ApiError
    ├── Forbidden             outside the caller's scope, or not the caller's role (403)
    │   ├── ReadOnly          a researcher tried to write (403)
    │   └── CsrfFailed        a web form without its session's CSRF token (403)
    ├── NotAuthenticated      no token, or an expired or forged one (401)
    ├── SignInFailed          wrong user name or password (401)
    ├── TooManyAttempts       sign-in slowed down after failures (429, Retry-After)
    ├── NotAllowed            the step does not fit the object's state (409)
    │   └── RunInProgress     a match run of the same scope is still running (409)
    ├── AlreadyExists         an id already taken (409)
    ├── InvalidRequest        a request that is well-formed but makes no sense (422)
    ├── TooLarge              an upload over its size limit (413)
    ├── IdempotencyKeyReused  the same key with a different request (422)
    └── WeakSecret            the token signing secret is missing or a placeholder (500)

:data:`ERRORS` maps these, the graph package's errors, the matcher's, the importer's
:class:`~api.imports.ImportRejected` and pydantic's ``ValidationError`` to a status, a
stable machine code and a Chinese title; :func:`problem_for` builds the body::

    {"error": {"code": "version_conflict", "title": "已被他人修改",
               "message": "共建项目 P1 已被他人修改（…），请刷新后重试",
               "field": null, "problems": [], "current": {...}}}

``problems`` lists field problems (422), ``current`` is the object's current state on a
version conflict (409), so the caller can show it and retry without another request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from api.imports import ImportRejected
from graph.errors import (
    GraphError,
    ModelError,
    NotFound,
    ReferenceMissing,
    StoreUnavailable,
    TransitionNotAllowed,
    VersionConflict,
)
from graph.validation import FIELD_LABELS, field_problems, message_for
from matching.errors import MatchingError, ParamsError, ProblemError, ResultInvalid, UnknownMethod

__all__ = ["ERRORS", "AlreadyExists", "ApiError", "CsrfFailed", "ErrorSpec", "Forbidden",
           "IdempotencyKeyReused", "InvalidRequest", "NotAllowed",
           "NotAuthenticated", "ReadOnly", "RunInProgress", "SignInFailed", "TooLarge",
           "TooManyAttempts",
           "WeakSecret",
           "internal_problem", "problem_for", "request_problems"]


class ApiError(Exception):
    """Base of the API's own errors: a Chinese message, the offending field if any."""

    def __init__(self, message: str, *, field: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = details


class Forbidden(ApiError):
    """The object lies outside the caller's scope, or the role may not do this."""


class CsrfFailed(Forbidden):
    """A form without this session's CSRF token (403, shown as a page, nothing written)."""


class ReadOnly(Forbidden):
    """A read-only identity (a researcher) tried to write."""


class NotAuthenticated(ApiError):
    """No valid sign-in."""


class SignInFailed(ApiError):
    """Wrong user name or password (never says which)."""


class TooManyAttempts(ApiError):
    """Sign-in slowed down: ``retry_after`` seconds to wait."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)
        self.retry_after = retry_after


class NotAllowed(ApiError):
    """The step does not fit the object's current state."""


class RunInProgress(NotAllowed):
    """A match run of the scope is still running: ``running`` is that run (brief)."""

    def __init__(self, message: str, *, running: dict[str, Any]) -> None:
        super().__init__(message, field="scope_id", running=running)
        self.running = running


class AlreadyExists(ApiError):
    """An id that is already taken."""


class InvalidRequest(ApiError):
    """Well-formed but meaningless: projects of two communities in one agreement, ..."""


class TooLarge(ApiError):
    """An upload larger than the limit the settings allow."""


class IdempotencyKeyReused(ApiError):
    """An idempotency key sent again with a different request."""


class WeakSecret(ApiError):
    """The signing secret is missing, short or a placeholder."""


@dataclass(frozen=True)
class ErrorSpec:
    status: int
    code: str
    title: str  # Chinese, shown above the message


ERRORS: dict[type[Exception], ErrorSpec] = {
    # the API's own
    ApiError: ErrorSpec(400, "bad_request", "请求无法处理"),
    Forbidden: ErrorSpec(403, "forbidden", "超出权限范围"),
    ReadOnly: ErrorSpec(403, "read_only", "只读账号"),
    CsrfFailed: ErrorSpec(403, "csrf_failed", "表单已失效"),
    NotAuthenticated: ErrorSpec(401, "not_authenticated", "请先登录"),
    SignInFailed: ErrorSpec(401, "sign_in_failed", "登录失败"),
    TooManyAttempts: ErrorSpec(429, "too_many_attempts", "尝试次数过多"),
    NotAllowed: ErrorSpec(409, "not_allowed", "当前状态下不能这样操作"),
    RunInProgress: ErrorSpec(409, "run_in_progress", "该范围已有匹配在运行"),
    AlreadyExists: ErrorSpec(409, "already_exists", "编号已存在"),
    InvalidRequest: ErrorSpec(422, "invalid_request", "请求内容有误"),
    TooLarge: ErrorSpec(413, "too_large", "文件过大"),
    IdempotencyKeyReused: ErrorSpec(422, "idempotency_key_reused", "幂等键已用于另一请求"),
    WeakSecret: ErrorSpec(500, "weak_secret", "签名密钥不安全"),
    # the graph package's
    GraphError: ErrorSpec(500, "graph_error", "数据读取失败"),
    ModelError: ErrorSpec(422, "invalid_value", "数据不符合规则"),
    NotFound: ErrorSpec(404, "not_found", "找不到"),
    ReferenceMissing: ErrorSpec(422, "reference_missing", "引用了不存在的对象"),
    VersionConflict: ErrorSpec(409, "version_conflict", "已被他人修改"),
    TransitionNotAllowed: ErrorSpec(409, "transition_not_allowed", "不能执行此操作"),
    StoreUnavailable: ErrorSpec(503, "store_unavailable", "数据库暂不可用"),
    # the importer's and pydantic's
    ImportRejected: ErrorSpec(422, "import_rejected", "文件未导入"),
    ValidationError: ErrorSpec(422, "invalid_input", "填写有误"),
    # the matcher's
    MatchingError: ErrorSpec(422, "matching_error", "匹配无法进行"),
    ProblemError: ErrorSpec(422, "matching_problem_invalid", "匹配数据有误"),
    ParamsError: ErrorSpec(422, "matching_params_invalid", "匹配参数有误"),
    UnknownMethod: ErrorSpec(422, "matching_method_unknown", "没有这种匹配方法"),
    ResultInvalid: ErrorSpec(500, "matching_result_invalid", "匹配结果未通过校验"),
}

INTERNAL = ErrorSpec(500, "internal_error", "服务器内部错误")


def spec_for(exc: BaseException) -> ErrorSpec:
    """The entry of the nearest class of ``exc`` in :data:`ERRORS`."""
    for cls in type(exc).__mro__:
        if cls in ERRORS:
            return ERRORS[cls]
    return INTERNAL


def problem_for(exc: BaseException) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, body, headers) of the HTTP answer to ``exc``."""
    spec = spec_for(exc)
    body: dict[str, Any] = {"code": spec.code, "title": spec.title, "field": None,
                            "problems": []}
    headers: dict[str, str] = {}
    status = spec.status
    if isinstance(exc, ApiError):
        body["message"] = exc.message
        body["field"] = exc.field
        if isinstance(exc, TooManyAttempts):
            headers["Retry-After"] = str(exc.retry_after)
        if isinstance(exc, NotAuthenticated | SignInFailed):
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(exc, RunInProgress):
            body["current"] = exc.running
    elif isinstance(exc, GraphError):
        body["message"] = exc.message
        body["field"] = exc.details.get("field")
        if isinstance(exc, VersionConflict):
            body["current"] = exc.details.get("state")
        if isinstance(exc, TransitionNotAllowed):
            body["field"] = body["field"] or "action"
            if "role" in exc.details:
                status, body["code"] = 403, "role_not_allowed"
            elif "state" not in exc.details:
                status, body["code"] = 422, "unknown_action"
    elif isinstance(exc, ImportRejected):
        body["message"] = str(exc)
        body["problems"] = [{"row": p.row, "field": p.column, "message": p.message}
                            for p in exc.problems]
        body["omitted"] = exc.omitted
    elif isinstance(exc, ValidationError):
        problems = [{"field": p.field or None, "message": str(p)}
                    for p in field_problems(exc)]
        body["problems"] = problems
        body["field"] = problems[0]["field"] if problems else None
        body["message"] = _summary(problems)
    elif spec is INTERNAL:
        body["message"] = "服务器内部错误，已记录；请稍后重试或联系管理员"
    else:
        body["message"] = str(exc) or spec.title
    return status, {"error": body}, headers


def internal_problem(request_id: str) -> dict[str, Any]:
    """The body of a 500 for an exception nothing else handled: no detail, the id to quote."""
    return {"error": {"code": INTERNAL.code, "title": INTERNAL.title,
                      "message": f"服务器内部错误，已记录（请求编号 {request_id}）；"
                                 "请稍后重试，或把请求编号告诉管理员",
                      "field": None, "problems": [], "request_id": request_id}}


def request_problems(errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The body of a 422 for FastAPI's request validation errors, in Chinese."""
    problems = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path",
                                                               "header", "cookie", "form")]
        field = ".".join(loc) or None
        label = FIELD_LABELS.get(loc[0], loc[0]) if loc else ""
        message = message_for(str(err.get("type", "")), err.get("input"),
                              err.get("ctx") or {}, str(err.get("msg", "")))
        problems.append({"field": field, "message": f"{label}：{message}" if label
                         else message})
    return {"error": {"code": "invalid_input", "title": "填写有误",
                      "message": _summary(problems),
                      "field": problems[0]["field"] if problems else None,
                      "problems": problems}}


def _summary(problems: list[dict[str, Any]]) -> str:
    if not problems:
        return "请求内容有误"
    if len(problems) == 1:
        return str(problems[0]["message"])
    return f"有 {len(problems)} 处填写有误：" + "；".join(str(p["message"]) for p in problems)
