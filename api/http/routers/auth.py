"""Sign-in (OAuth2 password flow) and who am I."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm

from api.auth import sign_in
from api.http.deps import ContextDep, CurrentIdentity
from api.http.schemas import IdentityOut, TokenOut
from graph import ROLE_NAMES

router = APIRouter(prefix="/api/auth", tags=["登录"])


@router.post("/token", response_model=TokenOut, summary="登录，换取访问令牌（30 分钟有效）")
def token(ctx: ContextDep, form: Annotated[OAuth2PasswordRequestForm, Depends()],
          request: Request) -> TokenOut:
    address = request.client.host if request.client else None
    t = sign_in(ctx.accounts, ctx.secret, form.username, form.password, address)
    return TokenOut(access_token=t.access_token, token_type=t.token_type,
                    expires_in=t.expires_in)


@router.get("/me", response_model=IdentityOut, summary="当前登录身份")
def me(who: CurrentIdentity) -> IdentityOut:
    return IdentityOut(username=who.subject_id, role=who.role.value,
                       role_name=ROLE_NAMES[who.role], scope_id=who.scope_id,
                       subject_id=who.subject_id, display_name=who.display_name,
                       street_ids=sorted(who.street_ids), read_only=who.read_only)
