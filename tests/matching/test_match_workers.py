"""Worker processes for the buckets of a large certified solve (:mod:`matching.workers`)."""

from __future__ import annotations

import os

import numpy as np
import pytest

from matching import certified, workers
from matching.certified import solve_certified
from tests.matching.test_match_certified import random_model


def _pid(_: int) -> int:
    return os.getpid()


def _fails(value: int) -> int:
    if value == 2:
        raise ValueError("two")
    return value


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work of any size goes to two worker processes."""
    monkeypatch.setattr(workers, "PARALLEL_PAIRS", 0)
    monkeypatch.setattr(workers, "n_workers", lambda: 2)


@pytest.mark.usefixtures("parallel")
def test_the_work_runs_in_other_processes_and_comes_back_in_order() -> None:
    pids = workers.map_largest_first(_pid, list(range(8)), [1, 5, 2, 8, 3, 1, 1, 9])
    assert os.getpid() not in pids
    assert workers.map_largest_first(abs, [-4, 3, -2, 1], [1, 2, 3, 4]) == [4, 3, 2, 1]


@pytest.mark.usefixtures("parallel")
def test_a_certified_solve_on_workers_equals_the_one_in_this_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(certified, "BUCKET_PAIRS", 8)  # many buckets on a small model
    for seed in range(3):
        model = random_model(seed, n=80, m=60)
        there = solve_certified(model)
        with monkeypatch.context() as m:
            m.setattr(workers, "PARALLEL_PAIRS", 10**12)
            here = solve_certified(model)
        np.testing.assert_array_equal(there.x, here.x)
        assert there.certificate is not None and here.certificate is not None
        np.testing.assert_array_equal(there.certificate.potentials,
                                      here.certificate.potentials)


@pytest.mark.usefixtures("parallel")
def test_what_a_failed_or_killed_worker_left_is_computed_here() -> None:
    # a failing item is computed again in this process, where it raises
    with pytest.raises(ValueError, match="two"):
        workers.map_largest_first(_fails, [1, 2, 3], [1, 1, 1])
    workers.start()
    for w in list(workers._workers):
        w.proc.kill()
        w.proc.wait()
    assert workers.map_largest_first(abs, [-1, -2, -3], [1, 1, 1]) == [1, 2, 3]
    assert sorted(workers.map_largest_first(_pid, [0, 1], [1, 1])) != [os.getpid()] * 2


def test_small_work_stays_in_this_process() -> None:
    assert workers.map_largest_first(_pid, [0, 1, 2], [1, 1, 1]) == [os.getpid()] * 3


@pytest.mark.usefixtures("parallel")
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
def test_the_workers_peak_memory_is_read_from_proc() -> None:
    workers.map_largest_first(abs, [-1, -2], [1, 1])
    assert workers.peak_rss_mib() > 10  # a Python with numpy and OR-Tools imported
    workers.stop()
    assert workers.peak_rss_mib() == 0


@pytest.mark.usefixtures("parallel")
def test_a_map_while_another_owns_the_workers_runs_in_this_process() -> None:
    with workers._busy:
        assert workers.map_largest_first(_pid, [0, 1], [1, 1]) == [os.getpid()] * 2
    assert os.getpid() not in workers.map_largest_first(_pid, [0, 1], [1, 1])
