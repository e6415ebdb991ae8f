"""Dependencies shared by the routers, as ``Annotated`` aliases."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import OAuth2PasswordBearer

from api.accounts import Accounts
from api.auth import token_account
from api.errors import NotAuthenticated
from api.identity import Identity, resolve_identity
from api.imports.limits import DEFAULT_LIMITS, ImportLimits
from api.runs.background import Runner
from api.services.idempotency import IdempotencyKeys
from graph import GraphStore, NotFound

oauth2 = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


@dataclass
class AppContext:
    """What the composition root hands to the routers."""

    store: GraphStore
    accounts: Accounts
    keys: IdempotencyKeys
    secret: str
    salt: str
    limits: ImportLimits = field(default=DEFAULT_LIMITS)
    runs: Runner = field(default_factory=Runner)  # the background match runs' worker
    map_tile_url: str | None = None  # a tile server's URL template, when there is one


# The dependencies that only look something up are ``async``: FastAPI runs a plain
# ``def`` dependency in its thread pool, a hop that cost more than the lookup itself.
async def get_context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


ContextDep = Annotated[AppContext, Depends(get_context)]


async def get_store(ctx: ContextDep) -> GraphStore:
    return ctx.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


def current_identity(ctx: ContextDep, token: Annotated[str | None, Depends(oauth2)]
                     ) -> Identity:
    if not token:
        raise NotAuthenticated("请先登录（在请求头 Authorization 中携带 Bearer 令牌）")
    account = token_account(token, ctx.secret, ctx.accounts)
    try:
        # the account is the identity (audit lines name it); scope comes from role + scope
        return resolve_identity(ctx.store, account.role, account.scope_id, account.username,
                                account.display_name, ctx.salt)
    except NotFound:
        raise NotAuthenticated(f"账号所属的组织或单位 {account.scope_id} 已不存在") from None


CurrentIdentity = Annotated[Identity, Depends(current_identity)]


@dataclass
class Paging:
    page: int
    size: int


async def paging(page: Annotated[int, Query(ge=1, le=100_000, description="页码，从 1 开始")] = 1,
           size: Annotated[int, Query(ge=1, le=200, description="每页条数")] = 20) -> Paging:
    return Paging(page, size)


PageDep = Annotated[Paging, Depends(paging)]


async def list_key(request: Request) -> Hashable:
    """What a list's answer depends on besides the caller and the data: its address and
    every query parameter (the key of :meth:`api.http.schemas.PageOut.cached`)."""
    return request.url.path, tuple(sorted(request.query_params.multi_items()))


ListKey = Annotated[Hashable, Depends(list_key)]

IdText = Annotated[str | None, Query(min_length=1, max_length=64)]
