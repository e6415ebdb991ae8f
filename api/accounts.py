"""Sign-in accounts, kept apart from the graph in ``<data_dir>/accounts.db``.

An account is a user name, an argon2 password hash, a role, a scope (the organization or
unit the account speaks for), a subject id and a token version. Sign-in attempts are
counted per user name (known or not, so the answer does not reveal which names exist) and
per address (so spraying one password over many names is slowed too). An attempt is
*reserved* before the password is checked, in one locked step that reads and increments
both counters, so parallel attempts cannot slip past the count. After
:data:`FREE_ATTEMPTS` attempts on a name (:data:`FREE_ADDRESS_ATTEMPTS` from an address)
each further one must wait twice as long as the last — up to :data:`ACCOUNT_MAX_WAIT`
for a name, so nobody can lock the right password out for long, and :data:`MAX_WAIT` for
an address. A success clears the name's count and gives the address its attempt back.

Changing the password or deactivating the account bumps its token version; tokens carry
the version they were issued at, so earlier tokens stop working at once. The clock is
injected so tests can move time.
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
from graph.embedded import private_file
from graph.errors import NotFound, StoreUnavailable

__all__ = ["ACCOUNT_MAX_WAIT", "DEMO_DISTRICT", "DEMO_STREET", "FREE_ADDRESS_ATTEMPTS",
           "FREE_ATTEMPTS", "MAX_NAME", "MAX_PASSWORD", "MAX_WAIT", "Account", "Accounts",
           "create_demo_accounts"]

FREE_ATTEMPTS = 3  # per user name
FREE_ADDRESS_ATTEMPTS = 10  # per address (an office's staff share one)
ACCOUNT_MAX_WAIT = 60  # the right password waits at most this long after others' failures
MAX_WAIT = 15 * 60  # an address that keeps failing
MAX_NAME = 64
MAX_PASSWORD = 1024
DEMO_DISTRICT = "410305"
DEMO_STREET = "410305008"  # 武汉路街道

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL,
    scope_id TEXT NOT NULL, subject_id TEXT NOT NULL, display_name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS attempts (
    key TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at REAL NOT NULL);
"""
# columns added after the first release: (name, definition)
_ADDED = (("token_version", "INTEGER NOT NULL DEFAULT 0"),
          ("active", "INTEGER NOT NULL DEFAULT 1"))


@dataclass(frozen=True)
class Account:
    username: str
    role: Role
    scope_id: str
    subject_id: str
    display_name: str
    token_version: int = 0


def _name_key(username: str) -> str:
    return f"name:{username}"


def _address_key(address: str) -> str:
    return f"addr:{address[:64]}"


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
            private_file(self.path)  # 0600; SQLite gives -wal and -shm the same mode
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30,
                                       isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            have = {r[1] for r in self._db.execute("PRAGMA table_info(accounts)")}
            for name, definition in _ADDED:
                if name not in have:
                    self._db.execute(f"ALTER TABLE accounts ADD COLUMN {name} {definition}")
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
        """Create the account, or replace its password, role and scope (which revokes
        the tokens issued before: the token version goes up)."""
        if not username.strip() or len(username) > MAX_NAME:
            raise InvalidRequest(f"用户名不能为空，且不超过 {MAX_NAME} 个字符", field="username")
        if not 10 <= len(password) <= MAX_PASSWORD:
            raise InvalidRequest(f"密码须为 10 到 {MAX_PASSWORD} 个字符", field="password")
        digest = self.hasher.hash(password)
        with self._lock:
            self._db.execute(
                "INSERT INTO accounts (username, password_hash, role, scope_id, subject_id, "
                "display_name) VALUES (?,?,?,?,?,?) ON CONFLICT(username) DO UPDATE SET "
                "password_hash=excluded.password_hash, role=excluded.role, "
                "scope_id=excluded.scope_id, subject_id=excluded.subject_id, "
                "display_name=excluded.display_name, token_version=token_version + 1, "
                "active=1",
                (username, digest, role.value, scope_id,
                 # the account is its own identity: audit lines name it, not its office
                 subject_id or username, display_name))
            self._db.execute("DELETE FROM attempts WHERE key=?", (_name_key(username),))
        account = self.get(username)
        assert account is not None
        return account

    def deactivate(self, username: str) -> bool:
        """Stop the account (its tokens at once); True when it existed."""
        with self._lock:
            changed = self._db.execute(
                "UPDATE accounts SET active=0, token_version=token_version + 1 "
                "WHERE username=?", (username,)).rowcount
        return bool(changed)

    def get(self, username: str) -> Account | None:
        with self._lock:
            row = self._db.execute(
                "SELECT username, role, scope_id, subject_id, display_name, token_version "
                "FROM accounts WHERE username=? AND active=1", (username,)).fetchone()
        if row is None:
            return None
        return Account(row[0], Role(row[1]), row[2], row[3], row[4], row[5])

    def reset_password(self, username: str) -> str:
        """A fresh random password for an existing account (returned once, kept hashed)."""
        account = self.get(username)
        if account is None:
            raise InvalidRequest(f"没有用户名为 {username} 的账号", field="username")
        password = secrets.token_urlsafe(12)
        self.create(account.username, password, account.role, account.scope_id,
                    account.subject_id, account.display_name)
        return password

    def _wait(self, row: tuple[int, float] | None, free: int, cap: int) -> int:
        if row is None or row[0] < free:
            return 0
        wait = min(2 ** min(row[0] - free, 30), cap)
        return max(0, int(row[1] + wait - self.clock() + 0.999))

    def retry_after(self, username: str, address: str | None = None) -> int:
        """Seconds before the next attempt on ``username`` (from ``address``) may be made."""
        with self._lock:
            return self._retry_after(username, address)

    def _retry_after(self, username: str, address: str | None) -> int:
        def row(key: str) -> tuple[int, float] | None:
            found = self._db.execute("SELECT count, last_at FROM attempts WHERE key=?",
                                     (key,)).fetchone()
            return None if found is None else (found[0], found[1])

        wait = self._wait(row(_name_key(username)), FREE_ATTEMPTS, ACCOUNT_MAX_WAIT)
        if address is not None:
            wait = max(wait, self._wait(row(_address_key(address)), FREE_ADDRESS_ATTEMPTS,
                                        MAX_WAIT))
        return wait

    def _reserve(self, username: str, address: str | None) -> None:
        """Count this attempt before the password is checked, or refuse it: one locked
        step, so parallel attempts are counted one after the other."""
        now = self.clock()
        with self._lock:
            wait = self._retry_after(username, address)
            if wait:
                raise TooManyAttempts(f"登录尝试过于频繁，请 {wait} 秒后再试", retry_after=wait)
            keys = [_name_key(username)] + ([_address_key(address)] if address else [])
            self._db.executemany(
                "INSERT INTO attempts VALUES (?, 1, ?) ON CONFLICT(key) DO UPDATE "
                "SET count = count + 1, last_at = excluded.last_at",
                [(key, now) for key in keys])

    def authenticate(self, username: str, password: str, address: str | None = None
                     ) -> Account:
        """The account, or :class:`SignInFailed` / :class:`TooManyAttempts`.

        ``address``: where the attempt comes from (the client's IP address), counted too.
        """
        if len(username) > MAX_NAME or len(password) > MAX_PASSWORD:
            raise SignInFailed(f"用户名或密码不正确（用户名不超过 {MAX_NAME} 个字符）")
        self._reserve(username, address)
        with self._lock:
            row = self._db.execute(
                "SELECT password_hash FROM accounts WHERE username=? AND active=1",
                (username,)).fetchone()
        digest = row[0] if row else self._dummy  # same work whether the name exists or not
        try:
            ok = self.hasher.verify(digest, password) and row is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            raise SignInFailed("用户名或密码不正确")
        with self._lock:
            self._db.execute("DELETE FROM attempts WHERE key=?", (_name_key(username),))
            if address:
                self._db.execute("UPDATE attempts SET count = MAX(count - 1, 0) WHERE key=?",
                                 (_address_key(address),))
        account = self.get(username)
        if account is None:  # pragma: no cover - deactivated between the two reads
            raise SignInFailed("用户名或密码不正确")
        return account

    def all(self) -> list[Account]:
        """Every active account, by user name."""
        with self._lock:
            rows = self._db.execute(
                "SELECT username, role, scope_id, subject_id, display_name, token_version "
                "FROM accounts WHERE active=1 ORDER BY username").fetchall()
        return [Account(r[0], Role(r[1]), r[2], r[3], r[4], r[5]) for r in rows]


def create_demo_accounts(accounts: Accounts, store: GraphStore, *, reset: bool = False
                         ) -> list[tuple[str, str, Role, str]]:
    """One account per role for the demo district, with fresh random passwords.

    District 410305, street 410305008 武汉路街道 (the first street when the demo was loaded
    at a smaller scale), the street's first community, a unit registered with that
    community (or located in it), and a researcher. Returns (username, password, role,
    scope) so the caller prints the passwords once; they are not kept anywhere readable.
    Accounts that exist keep their password (and are not returned) unless ``reset``.
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
        if not reset and accounts.get(username) is not None:
            continue
        password = secrets.token_urlsafe(12)
        accounts.create(username, password, role, scope, display_name=name)
        out.append((username, password, role, scope))
    return out
