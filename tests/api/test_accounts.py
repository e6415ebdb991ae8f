"""Accounts, secrets and demo accounts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from api.accounts import ACCOUNT_MAX_WAIT, FREE_ATTEMPTS, MAX_WAIT, Accounts, create_demo_accounts
from api.auth import check_secret, load_secret
from api.errors import SignInFailed, TooManyAttempts, WeakSecret
from graph import EmbeddedStore, Role
from seed import generate_district, load_district
from tests.api.world import FAST_HASHER


def test_failed_sign_ins_wait_twice_as_long_each_time(tmp_path: Path) -> None:
    now = [100.0]
    accounts = Accounts(tmp_path / "a.db", clock=lambda: now[0], hasher=FAST_HASHER)
    accounts.create("jiedao", "a-long-password", Role.STREET_COMMITTEE, "S1")
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(SignInFailed, match="用户名或密码不正确"):
            accounts.authenticate("jiedao", "wrong")
    with pytest.raises(TooManyAttempts, match="1 秒后再试"):
        accounts.authenticate("jiedao", "a-long-password")
    now[0] += 1
    with pytest.raises(SignInFailed):
        accounts.authenticate("jiedao", "wrong")
    assert accounts.retry_after("jiedao") == 2
    now[0] += 2
    assert accounts.authenticate("jiedao", "a-long-password").scope_id == "S1"
    assert accounts.retry_after("jiedao") == 0
    for _ in range(40):
        now[0] += MAX_WAIT
        with pytest.raises(SignInFailed):
            accounts.authenticate("nobody", "x")
    assert accounts.retry_after("nobody") == ACCOUNT_MAX_WAIT < MAX_WAIT
    accounts.close()


def test_the_secret_is_generated_once_kept_private_and_placeholders_refused(
        tmp_path: Path) -> None:
    first = load_secret(tmp_path, None)
    assert load_secret(tmp_path, None) == first and len(first) >= 32
    assert stat.S_IMODE(os.stat(tmp_path / "secret.key").st_mode) == 0o600
    for bad in ("changethis", "x" * 40, "changethis-changethis-changethis-123"):
        with pytest.raises(WeakSecret):
            check_secret(bad)
    assert load_secret(tmp_path, "Zq8" * 12 + "Lm9vW") != first


def test_demo_accounts_cover_every_role_of_the_demo_district(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    load_district(store, generate_district(seed=7, scale=0.2))
    accounts = Accounts(tmp_path / "accounts.db", hasher=FAST_HASHER)
    made = create_demo_accounts(accounts, store)
    assert [m[2] for m in made] == [Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE,
                                    Role.COMMUNITY_ORG, Role.RESIDENT_UNIT, Role.RESEARCHER]
    for username, password, role, scope in made:
        account = accounts.authenticate(username, password)
        assert account.role == role and account.scope_id == scope
    assert len({m[1] for m in made}) == 5
    store.close()
    accounts.close()
