"""The data directory is private whatever the umask: the directory 0700, every file in it
(the graph, the accounts with their -wal and -shm, the salt, the secret) 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.settings import Settings
from tests.api.world import make_api


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_of_the_data_directory_is_private_under_umask_022(
        tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    api = make_api(data)
    with api.client:
        r = api.client.post("/api/needs", headers=api.headers("community"),
                            json={"title": "助餐", "category": "家庭医疗", "quantity": 1,
                                  "unit_of_measure": "次"})
        assert r.status_code == 201, r.text
        assert api.client.post("/api/auth/token", data={"username": "street",
                                                        "password": "wrong"}).status_code == 401
        files = sorted(p.name for p in data.iterdir())
        assert {"gongjian.db", "gongjian.db-wal", "accounts.db", "accounts.db-wal",
                "pseudonym.salt"} <= set(files), files
        assert _mode(data) == 0o700
        assert {p.name: _mode(p) for p in data.iterdir()} == dict.fromkeys(files, 0o600)


def test_files_left_readable_by_an_earlier_version_are_made_private(
        tmp_path: Path, open_umask: None) -> None:
    from api.composition import open_store, research_salt

    data = tmp_path / "old"
    data.mkdir(mode=0o755)
    (data / "pseudonym.salt").write_text("0123456789abcdef", encoding="utf-8")
    os.chmod(data / "pseudonym.salt", 0o644)
    store = open_store(Settings(data_dir=data))
    store.close()
    assert research_salt(data) == "0123456789abcdef"
    assert _mode(data) == 0o700 and _mode(data / "pseudonym.salt") == 0o600
    assert _mode(data / "gongjian.db") == 0o600
