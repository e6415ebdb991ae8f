"""District administration of sign-in accounts: list, create, reset a password, deactivate.

Only the district administrator does this, for organizations and units inside the
district; the role must fit the scope (a street account speaks for a street, a community
account for a community, a unit account for a resident unit). Passwords are random, shown
once to the administrator, and stored only as argon2 hashes.
"""

from __future__ import annotations

import re
import secrets

from api.accounts import Account, Accounts
from api.errors import AlreadyExists, Forbidden, InvalidRequest
from api.identity import Identity, can_read
from graph import GraphStore, NotFound, Organization, OrgLevel, ResidentUnit, Role

__all__ = ["ROLE_LEVELS", "create_account", "deactivate", "list_accounts", "reset_password"]

ROLE_LEVELS = {Role.STREET_COMMITTEE: OrgLevel.STREET, Role.COMMUNITY_ORG: OrgLevel.COMMUNITY}
USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{3,64}$")


def _require_district(who: Identity) -> None:
    if who.role != Role.DISTRICT_ADMIN:
        raise Forbidden(f"{who.describe()}不能管理账号：仅限区级管理员")


def _in_district(store: GraphStore, who: Identity, account: Account) -> bool:
    for kind in (Organization, ResidentUnit):
        node = store.get_many(kind, [account.scope_id]).get(account.scope_id)
        if node is not None:
            return can_read(who, node)
    return False


def list_accounts(accounts: Accounts, store: GraphStore, who: Identity) -> list[Account]:
    _require_district(who)
    return [a for a in accounts.all() if _in_district(store, who, a)]


def _scope_name(store: GraphStore, who: Identity, role: Role, scope_id: str) -> str:
    if role == Role.RESIDENT_UNIT:
        try:
            unit = store.get(ResidentUnit, scope_id)
        except NotFound:
            raise InvalidRequest(f"没有编号为 {scope_id} 的驻区单位", field="scope_id") from None
        if not can_read(who, unit):
            raise Forbidden(f"驻区单位 {scope_id} 不在本区", field="scope_id")
        return unit.name
    if role not in ROLE_LEVELS:
        raise InvalidRequest("账号角色只能是街道党工委、社区党组织或驻区单位", field="role")
    try:
        org = store.get(Organization, scope_id)
    except NotFound:
        raise InvalidRequest(f"没有编号为 {scope_id} 的组织", field="scope_id") from None
    if org.level != ROLE_LEVELS[role]:
        level = "街道" if role == Role.STREET_COMMITTEE else "社区"
        raise InvalidRequest(f"{org.name}（{scope_id}）不是{level}，与所选角色不符",
                             field="scope_id")
    if not can_read(who, org):
        raise Forbidden(f"{org.name}（{scope_id}）不在本区", field="scope_id")
    return org.name


def create_account(accounts: Accounts, store: GraphStore, who: Identity, username: str,
                   role: Role, scope_id: str) -> tuple[Account, str]:
    """A new account and its one-time password."""
    _require_district(who)
    if not USERNAME.match(username):
        raise InvalidRequest("用户名须为 3–64 个字母、数字、点、横线或下划线", field="username")
    if accounts.get(username) is not None:
        raise AlreadyExists(f"用户名 {username} 已被使用", field="username")
    name = _scope_name(store, who, role, scope_id)
    password = secrets.token_urlsafe(12)
    return accounts.create(username, password, role, scope_id, display_name=name), password


def _own(accounts: Accounts, store: GraphStore, who: Identity, username: str) -> Account:
    _require_district(who)
    account = accounts.get(username)
    if account is None or not _in_district(store, who, account):
        raise NotFound(f"没有用户名为 {username} 的账号", field="username")
    return account


def reset_password(accounts: Accounts, store: GraphStore, who: Identity, username: str
                   ) -> str:
    """A new random password for the account (shown once)."""
    account = _own(accounts, store, who, username)
    password = secrets.token_urlsafe(12)
    accounts.create(account.username, password, account.role, account.scope_id,
                    account.subject_id, account.display_name)
    return password


def deactivate(accounts: Accounts, store: GraphStore, who: Identity, username: str) -> None:
    account = _own(accounts, store, who, username)
    if account.role == Role.DISTRICT_ADMIN:
        raise InvalidRequest("不能在这里停用区级管理员账号", field="username")
    accounts.deactivate(account.username)
