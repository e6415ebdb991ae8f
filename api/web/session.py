"""The browser session: a signed-in account in an HttpOnly, SameSite cookie, and CSRF.

The session cookie holds the same short-lived signed token the API issues
(:func:`api.auth.issue_token`), so expiry, a removed account and a changed role work the
same way for pages and for the API. Every form carries a CSRF token: for a signed-in
person it is an HMAC of the session token under the app's secret (so it changes with each
sign-in and cannot be forged without the secret); for the sign-in form itself, a random
value that must equal the one in a short-lived cookie (double submit).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request, Response

from api.accounts import Account
from api.auth import TOKEN_MINUTES, token_account
from api.errors import CsrfFailed, NotAuthenticated
from api.http.deps import AppContext
from api.identity import Identity, resolve_identity
from graph import NotFound

__all__ = ["COOKIE", "LOGIN_COOKIE", "CsrfFailed", "Session", "check_csrf", "clear_session",
           "csrf_for", "flash", "read_flash", "read_session", "set_session"]

COOKIE = "gj_session"
LOGIN_COOKIE = "gj_login"
FLASH_COOKIE = "gj_flash"
MAX_FLASH = 600


@dataclass(frozen=True)
class Session:
    """A signed-in person: the account, their identity and the token the cookie holds."""

    account: Account
    identity: Identity
    token: str
    csrf: str


def _mac(secret: str, text: str) -> str:
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()[:40]


def csrf_for(token: str, secret: str) -> str:
    """The CSRF token of the session holding ``token``."""
    return _mac(secret, "csrf:" + token)


def read_session(ctx: AppContext, request: Request) -> Session:
    """The session of ``request``, or :class:`NotAuthenticated` with a message to show."""
    token = request.cookies.get(COOKIE)
    if not token:
        raise NotAuthenticated("请先登录")
    # says 登录已过期 when it has expired, 已失效 after a password change or deactivation
    account = token_account(token, ctx.secret, ctx.accounts)
    try:
        who = resolve_identity(ctx.store, account.role, account.scope_id, account.subject_id,
                               account.display_name)
    except NotFound:
        raise NotAuthenticated(f"账号所属的组织或单位 {account.scope_id} 已不存在") from None
    return Session(account, who, token, csrf_for(token, ctx.secret))


def check_csrf(session: Session, sent: str | None) -> None:
    """Refuse a form whose CSRF token is missing or not this session's."""
    if not sent or not hmac.compare_digest(sent, session.csrf):
        raise CsrfFailed("表单已失效（缺少或不匹配的安全校验码），请刷新页面后重新提交")


def set_session(response: Response, token: str, *, secure: bool) -> None:
    response.set_cookie(COOKIE, token, max_age=TOKEN_MINUTES * 60, httponly=True,
                        samesite="strict", secure=secure, path="/")
    response.delete_cookie(LOGIN_COOKIE, path="/")


def clear_session(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")


def login_nonce(request: Request, response: Response, *, secure: bool) -> str:
    """The sign-in form's CSRF value, set as a cookie when there is none yet."""
    value = request.cookies.get(LOGIN_COOKIE)
    if not value or len(value) > 64:
        value = secrets.token_urlsafe(24)
        response.set_cookie(LOGIN_COOKIE, value, max_age=3600, httponly=True,
                            samesite="strict", secure=secure, path="/")
    return value


def check_login_nonce(request: Request, sent: str | None) -> None:
    cookie = request.cookies.get(LOGIN_COOKIE)
    if not cookie or not sent or not hmac.compare_digest(cookie, sent):
        raise CsrfFailed("登录表单已失效，请刷新页面后重新登录")


def flash(response: Response, secret: str, text: str, kind: str = "ok") -> None:
    """A one-time message for the next page (signed, so no one else can plant one)."""
    body = f"{kind}|{text[:MAX_FLASH]}"
    value = body.encode().hex()
    response.set_cookie(FLASH_COOKIE, f"{value}.{_mac(secret, body)}", max_age=120,
                        httponly=True, samesite="strict", path="/")


def read_flash(request: Request, response: Response, secret: str) -> tuple[str, str] | None:
    raw = request.cookies.get(FLASH_COOKIE)
    if not raw:
        return None
    response.delete_cookie(FLASH_COOKIE, path="/", httponly=True, samesite="strict")
    value, _, mac = raw.partition(".")
    try:
        body = bytes.fromhex(value).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    if not hmac.compare_digest(mac, _mac(secret, body)):
        return None
    kind, _, text = body.partition("|")
    return kind, text
