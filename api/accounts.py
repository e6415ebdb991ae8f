"""Sign-in accounts, kept apart from the graph in ``<data_dir>/accounts.db``.

An account is a user name, an argon2 password hash, a role, a scope (the organization or
unit the account speaks for) and a subject id. Failed sign-ins are counted per user name
(known or not, so the answer does not reveal which names exist): after
:data:`FREE_ATTEMPTS` failures each further attempt must wait twice as long as the last,
up to :data:`MAX_WAIT` seconds; a success clears the count. The clock is injected so
tests can move time.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from api.errors import InvalidRequest, SignInFailed, TooManyAttempts
from graph import GraphStore, Organization, OrgLevel, ResidentUnit, Role
from graph.errors import NotFound, StoreUnavailable

__all__ = ["DEMO_DISTRICT", "DEMO_STREET", "FREE_ATTEMPTS", "MAX_WAIT", "Account", "Accounts",
           "create_demo_accounts"]

FREE_ATTEMPTS = 3
MAX_WAIT = 15 * 60
DEMO_DISTRICT = "410305"
DEMO_STREET = "410305008"  # 武汉路街道

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    scope_id TEXT NOT NULL, subject_id TEXT NOT NULL, display_name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (
    username TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at REAL NOT NULL);
"""


@dataclass(frozen=True)
class Account:
    username: str
    role: Role
    scope_id: str
    subject_id: str
    display_name: str


class Accounts:
    """The account file. Thread-safe; one connection guarded by a lock."""

    def __init__(self, path: str | Path, *, clock: Callable[[], float] = time.time,
                 hasher: PasswordHasher | None = None) -> None:
        self.path = Path(path)
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30,
                                       isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as e:
            raise StoreUnavailable(f"无法打开账号文件 {self.path}：{e}") from None
        self._dummy = self.hasher.hash(secrets.token_urlsafe(16))

    @property
    def connection(self) -> sqlite3.Connection:
        """The file's connection, for small tables of other auth infrastructure."""
        return self._db

    @property
    def lock(self) -> threading.Lock:
        return self._lock

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def create(self, username: str, password: str, role: Role, scope_id: str,
               subject_id: str | None = None, display_name: str = "") -> Account:
        """Create the account, or replace its password, role and scope."""
        if not username.strip() or len(username) > 64:
            raise InvalidRequest("用户名不能为空，且不超过 64 个字符", field="username")
        if len(password) < 10:
            raise InvalidRequest("密码至少 10 个字符", field="password")
        account = Account(username, role, scope_id, subject_id or scope_id, display_name)
        digest = self.hasher.hash(password)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO accounts VALUES (?,?,?,?,?,?)",
                (username, digest, role.value, scope_id, account.subject_id, display_name))
            self._db.execute("DELETE FROM failures WHERE username=?", (username,))
        return account

    def get(self, username: str) -> Account | None:
        with self._lock:
            row = self._db.execute(
                "SELECT username, role, scope_id, subject_id, display_name FROM accounts "
                "WHERE username=?", (username,)).fetchone()
        if row is None:
            return None
        return Account(row[0], Role(row[1]), row[2], row[3], row[4])

    def retry_after(self, username: str) -> int:
        """Seconds ``username`` must wait before the next attempt (0: may try now)."""
        with self._lock:
            row = self._db.execute("SELECT count, last_at FROM failures WHERE username=?",
                                   (username,)).fetchone()
        if row is None or row[0] < FREE_ATTEMPTS:
            return 0
        wait = min(2 ** (row[0] - FREE_ATTEMPTS), MAX_WAIT)
        left = row[1] + wait - self.clock()
        return max(0, int(left + 0.999))

    def authenticate(self, username: str, password: str) -> Account:
        """The account, or :class:`SignInFailed` / :class:`TooManyAttempts`."""
        wait = self.retry_after(username)
        if wait:
            raise TooManyAttempts(f"登录失败次数过多，请 {wait} 秒后再试", retry_after=wait)
        with self._lock:
            row = self._db.execute("SELECT password_hash FROM accounts WHERE username=?",
                                   (username,)).fetchone()
        digest = row[0] if row else self._dummy  # same work whether the name exists or not
        try:
            ok = self.hasher.verify(digest, password) and row is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            with self._lock:
                self._db.execute(
                    "INSERT INTO failures VALUES (?, 1, ?) ON CONFLICT(username) DO UPDATE "
                    "SET count = count + 1, last_at = excluded.last_at",
                    (username, self.clock()))
            raise SignInFailed("用户名或密码不正确")
        with self._lock:
            self._db.execute("DELETE FROM failures WHERE username=?", (username,))
        account = self.get(username)
        if account is None:  # pragma: no cover - deleted between the two reads
            raise SignInFailed("用户名或密码不正确")
        return account


def create_demo_accounts(accounts: Accounts, store: GraphStore
                         ) -> list[tuple[str, str, Role, str]]:
    """One account per role for the demo district, with fresh random passwords.

    District 410305, street 410305008 武汉路街道 (the first street when the demo was loaded
    at a smaller scale), the street's first community, a unit registered with that
    community (or located in it), and a researcher. Returns (username, password, role,
    scope) so the caller prints the passwords once; they are not kept anywhere readable.
    Running it again gives new passwords.
    """
    try:
        district = store.get(Organization, DEMO_DISTRICT)
    except NotFound:
        raise InvalidRequest(f"没有示范区 {DEMO_DISTRICT}：请先运行 gongjian demo 载入示范数据"
                             ) from None
    streets = store.list(Organization, scope=district.id, filters={"level": "street"},
                         size=10_000).items
    if not streets:
        raise InvalidRequest(f"示范区 {DEMO_DISTRICT} 没有街道")
    street = next((s for s in streets if s.id == DEMO_STREET), streets[0])
    communities = store.list(Organization, scope=street.id,
                             filters={"level": OrgLevel.COMMUNITY.value}, size=10_000).items
    if not communities:
        raise InvalidRequest(f"街道 {street.name} 没有社区")
    community = communities[0]
    registered = [r.src for r in store.relationships("REGISTERED_WITH", dst=community.id)]
    units = store.get_many(ResidentUnit, registered)
    unit = units[min(units)] if units else None
    if unit is None:
        located = store.list(ResidentUnit, filters={"community_id": community.id}, size=1)
        unit = located.items[0] if located.items else None
    if unit is None:
        raise InvalidRequest(f"社区 {community.name} 没有驻区单位")
    plan = [
        ("district", Role.DISTRICT_ADMIN, district.id, district.name),
        (f"street-{street.id}", Role.STREET_COMMITTEE, street.id, street.name),
        (f"community-{community.id}", Role.COMMUNITY_ORG, community.id, community.name),
        (f"unit-{unit.id}", Role.RESIDENT_UNIT, unit.id, unit.name),
        ("researcher", Role.RESEARCHER, district.id, "研究人员"),
    ]
    out = []
    for username, role, scope, name in plan:
        password = secrets.token_urlsafe(12)
        accounts.create(username, password, role, scope, display_name=name)
        out.append((username, password, role, scope))
    return out
