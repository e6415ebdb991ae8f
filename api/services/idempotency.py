"""Idempotency keys for imports and match runs: the same key returns the first answer.

A key is remembered for 24 hours per signed-in subject and operation, with a fingerprint
of the request; sending the same key with a different request is an error rather than a
silent replay. The table lives in the account file (auth infrastructure, not graph data).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from api.errors import IdempotencyKeyReused, InvalidRequest
from api.identity import Identity

__all__ = ["TTL", "IdempotencyKeys"]

TTL = 24 * 3600


class IdempotencyKeys:
    def __init__(self, db: sqlite3.Connection, lock: threading.Lock, *,
                 clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._lock = lock
        self._clock = clock
        self._running: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        with self._lock:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, "
                "fingerprint TEXT NOT NULL, response TEXT NOT NULL, created REAL NOT NULL)")

    def run(self, who: Identity, operation: str, key: str | None, fingerprint: str,
            compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """``compute()`` once per key; later calls with the key get the stored answer."""
        if key is None:
            return compute()
        if not 1 <= len(key) <= 200:
            raise InvalidRequest("幂等键 Idempotency-Key 须为 1 到 200 个字符",
                                 field="Idempotency-Key")
        full = f"{who.role.value}:{who.scope_id}:{who.subject_id}:{operation}:{key}"
        with self._guard:
            running = self._running.setdefault(full, threading.Lock())
        with running:  # a second request with the key waits for the first
            stored = self._lookup(full)
            if stored is not None:
                if stored[0] != fingerprint:
                    raise IdempotencyKeyReused(
                        f"幂等键「{key}」已用于另一个不同的请求；请换一个新键",
                        field="Idempotency-Key")
                return dict(json.loads(stored[1]))
            response = compute()
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO idempotency VALUES (?,?,?,?)",
                                 (full, fingerprint, json.dumps(response, ensure_ascii=False,
                                                                default=str),
                                  self._clock()))
            return response

    def _lookup(self, full: str) -> tuple[str, str] | None:
        with self._lock:
            self._db.execute("DELETE FROM idempotency WHERE created < ?",
                             (self._clock() - TTL,))
            row = self._db.execute(
                "SELECT fingerprint, response FROM idempotency WHERE key=?", (full,)).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))
