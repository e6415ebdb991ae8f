"""Sign-in tokens: short-lived JWTs (HS256, 30 minutes) and the secret that signs them.

The secret comes from ``GONGJIAN_SECRET_KEY`` when set; otherwise it is generated on first
run and kept in ``<data_dir>/secret.key`` (mode 0600). A short or placeholder secret is
refused, so a copied example value never signs real tokens. The token names the account;
role and scope are read from the account file on every request, so a changed or removed
account takes effect at once; the token also carries the account's token version, which a
password change or deactivation bumps, so tokens issued before stop working.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt

from api.accounts import Account, Accounts
from api.errors import NotAuthenticated, WeakSecret

__all__ = ["ALGORITHM", "TOKEN_MINUTES", "Token", "check_secret", "issue_token", "load_secret",
           "read_token", "sign_in", "token_account"]

ALGORITHM = "HS256"
TOKEN_MINUTES = 30
MIN_SECRET = 32
PLACEHOLDERS = ("changethis", "change-me", "changeme", "secret", "password", "example",
                "placeholder", "your-secret", "xxxx", "todo")


@dataclass(frozen=True)
class Token:
    access_token: str
    token_type: str
    expires_in: int


def check_secret(value: str) -> str:
    """``value`` if it is fit to sign tokens, else :class:`~api.errors.WeakSecret`."""
    low = value.strip().lower()
    if len(value.strip()) < MIN_SECRET:
        raise WeakSecret(f"签名密钥太短（{len(value.strip())} 个字符），至少需要 {MIN_SECRET} 个；"
                         "请设置随机的 GONGJIAN_SECRET_KEY 或删除它以自动生成")
    if any(p in low for p in PLACEHOLDERS) or len(set(low)) < 8:
        raise WeakSecret("签名密钥像是示例占位值，不能使用；请设置随机的 GONGJIAN_SECRET_KEY")
    return value.strip()


def load_secret(data_dir: Path, from_env: str | None) -> str:
    """The signing secret: ``from_env`` when given, else ``<data_dir>/secret.key``
    (created with a random value and mode 0600 on first use)."""
    if from_env:
        return check_secret(from_env)
    path = data_dir / "secret.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(secrets.token_urlsafe(48))
    os.chmod(path, 0o600)
    return check_secret(path.read_text(encoding="utf-8"))


def issue_token(account: Account, secret: str, now: dt.datetime | None = None) -> Token:
    now = now or dt.datetime.now(dt.UTC)
    claims = {"sub": account.username, "role": account.role.value, "scope": account.scope_id,
              "ver": account.token_version,
              "iat": now, "exp": now + dt.timedelta(minutes=TOKEN_MINUTES)}
    return Token(jwt.encode(claims, secret, algorithm=ALGORITHM), "bearer", TOKEN_MINUTES * 60)


def read_token(token: str, secret: str) -> str:
    """The user name a valid, unexpired token names, or :class:`NotAuthenticated`."""
    return _claims(token, secret)["sub"]  # type: ignore[no-any-return]


def token_account(token: str, secret: str, accounts: Accounts) -> Account:
    """The active account a valid token names, issued at its current token version."""
    claims = _claims(token, secret)
    account = accounts.get(claims["sub"])
    if account is None:
        raise NotAuthenticated("账号已停用，请重新登录")
    if claims.get("ver", 0) != account.token_version:
        raise NotAuthenticated("登录凭证已失效（密码已修改或账号已重新设置），请重新登录")
    return account


# tokens whose signature has been checked: (token, secret) -> claims. Every request
# carries its token; checking the signature and decoding it once per token, not once per
# request, spares each request a tenth of its time. The expiry is checked every time.
MAX_VERIFIED = 4096
_verified: dict[tuple[str, str], dict[str, Any]] = {}


def _claims(token: str, secret: str) -> dict[str, Any]:
    claims = _verified.get((token, secret))
    if claims is None:
        claims = _checked_claims(token, secret)
        if len(_verified) >= MAX_VERIFIED:
            _verified.clear()
        _verified[(token, secret)] = claims
    if claims["exp"] <= time.time():
        raise NotAuthenticated("登录已过期，请重新登录")
    return claims


def _checked_claims(token: str, secret: str) -> dict[str, Any]:
    """The claims of a token signed with ``secret``; its expiry is :func:`_claims`'s to
    check, on every request."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM],
                            options={"require": ["exp", "sub", "iat"], "verify_exp": False})
    except jwt.PyJWTError:
        raise NotAuthenticated("登录凭证无效，请重新登录") from None
    sub = claims.get("sub")
    if (not isinstance(sub, str) or not sub or not isinstance(claims.get("ver", 0), int)
            or not isinstance(claims["exp"], int | float)):
        raise NotAuthenticated("登录凭证无效，请重新登录")
    return claims


def sign_in(accounts: Accounts, secret: str, username: str, password: str,
            address: str | None = None) -> Token:
    """Check the password (slowed down after failures, per name and per ``address``) and
    issue a token."""
    return issue_token(accounts.authenticate(username, password, address), secret)
