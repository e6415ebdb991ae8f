"""The sign-in throttle holds under parallel attempts, slows spraying across names, never
locks the right password out for long, and bounds user names; a password change or a
deactivation revokes the tokens issued before."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.accounts import (
    ACCOUNT_MAX_WAIT,
    FREE_ADDRESS_ATTEMPTS,
    FREE_ATTEMPTS,
    Accounts,
)
from api.auth import issue_token, token_account
from api.errors import NotAuthenticated, SignInFailed, TooManyAttempts
from graph import Role
from tests.api.world import FAST_HASHER, PASSWORD, Api

RIGHT = "the-right-password"


@pytest.fixture
def accounts(tmp_path: Path) -> Iterator[tuple[Accounts, list[float]]]:
    now = [1000.0]
    a = Accounts(tmp_path / "accounts.db", clock=lambda: now[0], hasher=FAST_HASHER)
    a.create("district", RIGHT, Role.DISTRICT_ADMIN, "410305")
    yield a, now
    a.close()


def _parallel(a: Accounts, passwords: list[str], address: str = "10.0.0.9") -> list[str]:
    outcomes: list[str] = []
    start = threading.Barrier(len(passwords))

    def attempt(password: str) -> None:
        start.wait()
        try:
            a.authenticate("district", password, address)
            outcomes.append("ok")
        except SignInFailed:
            outcomes.append("failed")
        except TooManyAttempts:
            outcomes.append("throttled")

    threads = [threading.Thread(target=attempt, args=(p,)) for p in passwords]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_parallel_wrong_passwords_are_counted_one_after_the_other(
        accounts: tuple[Accounts, list[float]]) -> None:
    a, _ = accounts
    outcomes = _parallel(a, ["wrong"] * 12)
    assert outcomes.count("failed") == FREE_ATTEMPTS
    assert outcomes.count("throttled") == 12 - FREE_ATTEMPTS


def test_the_right_password_among_parallel_wrong_ones_is_checked_at_most_in_the_free_attempts(
        accounts: tuple[Accounts, list[float]]) -> None:
    a, now = accounts
    outcomes = _parallel(a, ["wrong"] * 29 + [RIGHT])
    # A success clears the name's count, so wrong attempts racing after it get a fresh
    # allowance: at most FREE_ATTEMPTS checks on each side of the success.
    checked = outcomes.count("failed") + outcomes.count("ok")
    limit = FREE_ATTEMPTS * (2 if "ok" in outcomes else 1)
    assert checked <= limit and outcomes.count("throttled") >= 30 - limit
    now[0] += ACCOUNT_MAX_WAIT  # after the delay the right password is accepted
    assert a.authenticate("district", RIGHT, "10.0.0.10").username == "district"


def test_nobody_can_lock_the_right_password_out_for_longer_than_the_account_delay(
        accounts: tuple[Accounts, list[float]]) -> None:
    a, now = accounts
    for i in range(60):  # an attacker from many addresses, retrying as soon as allowed
        now[0] += a.retry_after("district")
        with pytest.raises(SignInFailed):
            a.authenticate("district", "wrong", f"10.1.{i}.1")
    assert a.retry_after("district") <= ACCOUNT_MAX_WAIT
    with pytest.raises(TooManyAttempts, match="秒后再试"):
        a.authenticate("district", RIGHT, "10.9.9.9")
    now[0] += ACCOUNT_MAX_WAIT
    assert a.authenticate("district", RIGHT, "10.9.9.9").username == "district"


def test_spraying_one_password_over_many_names_is_slowed_per_address(
        accounts: tuple[Accounts, list[float]]) -> None:
    a, _ = accounts
    for i in range(FREE_ADDRESS_ATTEMPTS):
        with pytest.raises(SignInFailed):
            a.authenticate(f"user{i}", "Password123", "10.0.0.66")
    with pytest.raises(TooManyAttempts):
        a.authenticate("someone-else", "Password123", "10.0.0.66")
    assert a.authenticate("district", RIGHT, "10.0.0.67").username == "district"


def test_a_long_user_name_is_refused_and_not_stored(
        accounts: tuple[Accounts, list[float]]) -> None:
    a, _ = accounts
    with pytest.raises(SignInFailed, match="不超过 64 个字符"):
        a.authenticate("x" * 1_000_000, "wrong", "10.0.0.1")
    rows = a.connection.execute("SELECT MAX(LENGTH(key)) FROM attempts").fetchone()
    assert rows[0] is None or rows[0] <= 80


def test_a_password_change_or_deactivation_revokes_earlier_tokens(
        accounts: tuple[Accounts, list[float]], tmp_path: Path) -> None:
    a, _ = accounts
    secret = "Zq8Lm9vW" * 6
    account = a.get("district")
    assert account is not None
    old = issue_token(account, secret).access_token
    assert token_account(old, secret, a).username == "district"
    a.create("district", "another-long-password", Role.DISTRICT_ADMIN, "410305")
    with pytest.raises(NotAuthenticated, match="已失效"):
        token_account(old, secret, a)
    changed = a.get("district")
    assert changed is not None
    new = issue_token(changed, secret).access_token
    assert token_account(new, secret, a).token_version == changed.token_version
    assert a.deactivate("district")
    with pytest.raises(NotAuthenticated, match="已停用"):
        token_account(new, secret, a)
    with pytest.raises(SignInFailed):
        a.authenticate("district", "another-long-password")
    a.create("district", "a-third-long-password", Role.DISTRICT_ADMIN, "410305")
    with pytest.raises(NotAuthenticated, match="已失效"):
        token_account(new, secret, a)



def test_over_http_a_password_change_turns_the_old_token_into_a_401(api: Api) -> None:
    headers = api.headers("street")
    assert api.client.get("/api/needs", headers=headers).status_code == 200
    api.accounts.create("street", PASSWORD + "-new", Role.STREET_COMMITTEE, "410305001",
                        subject_id="street", display_name="street")
    r = api.client.get("/api/needs", headers=headers)
    assert r.status_code == 401 and "已失效" in r.json()["error"]["message"]
