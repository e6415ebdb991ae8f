"""Readers who miss the same cached value at once share one computation."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from api.services.cache import cached
from graph import EmbeddedStore, Organization, OrgLevel

READERS = 8


def _together(store: EmbeddedStore, key: str, compute: object) -> list[object]:
    """What ``READERS`` threads get from ``cached(store, key, compute)`` called at once."""
    start = threading.Barrier(READERS)

    def read() -> object:
        start.wait()
        try:
            return cached(store, key, compute, pool="pages")  # type: ignore[arg-type]
        except RuntimeError as error:
            return error

    with ThreadPoolExecutor(READERS) as pool:
        return list(pool.map(lambda _: read(), range(READERS)))


def test_readers_of_one_missing_page_wait_for_one_computation(store: EmbeddedStore) -> None:
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        time.sleep(0.3)  # the other readers arrive while this one computes
        return f"页面 {len(calls)}"

    assert _together(store, "needs?page=1", compute) == ["页面 1"] * READERS
    assert len(calls) == 1
    # a hit needs no computation; a write makes the next reader compute afresh
    assert cached(store, "needs?page=1", compute, pool="pages") == "页面 1"
    store.upsert([Organization(id="D9", name="新区", level=OrgLevel.DISTRICT)])
    assert cached(store, "needs?page=1", compute, pool="pages") == "页面 2"
    assert len(calls) == 2


def test_an_error_reaches_every_waiting_reader_and_is_not_kept(store: EmbeddedStore) -> None:
    calls: list[int] = []

    def failing() -> str:
        calls.append(1)
        time.sleep(0.3)
        raise RuntimeError("查询失败")

    answers = _together(store, "units?page=1", failing)
    assert len(calls) == 1
    assert all(isinstance(a, RuntimeError) and str(a) == "查询失败" for a in answers)
    with pytest.raises(RuntimeError):
        cached(store, "units?page=1", failing, pool="pages")
    assert len(calls) == 2  # nothing of the failed computation was kept
