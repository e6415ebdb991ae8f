"""Independent solves on worker processes: the buckets of a large certified solve.

OR-Tools' ``SimpleMinCostFlow.solve`` holds the GIL for the whole solve (measured: a
Python loop in another thread gets about 1/20 of its free-running speed beside it), so
threads cannot run two buckets at once; processes can. Each bucket is solved by the
same pure function on the same arrays wherever it runs, so the flows do not depend on
how many workers there are or in which order they finish.

The workers are plain child processes (``python -c`` calling :func:`serve`) that read
``(function, argument)`` pickles from a pipe and answer with the result: nothing of the
parent is re-imported or forked (safe from a process with threads, such as the service
running a match in the background, and from a script without a ``__main__`` guard). They
are started once per process (:func:`start`, called as soon as a run looks large, so
their imports overlap the scoring) and kept; a child that exits when its pipe closes
never outlives its parent. Work goes to them only when it is large enough to pay for
sending the arrays (:data:`PARALLEL_PAIRS`); a worker that dies or fails is dropped and
what it had not answered is computed in this process.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import IO, Any, TypeVar, cast

In = TypeVar("In")
Out = TypeVar("Out")

MAX_WORKERS = 4
# below this many pairs in all (20,000 needs: 171k pairs, 0.6 s), one process is faster
PARALLEL_PAIRS = 600_000

_MAIN = "import sys; from matching.workers import serve; serve(sys.argv[1:])"
_lock = threading.Lock()
_busy = threading.Lock()  # one map at a time owns the workers; another runs here
_workers: list[_Worker] = []


class _Worker:
    """One child process and its two pipes (used by one thread at a time)."""

    def __init__(self, preload: Sequence[str]) -> None:
        path = os.pathsep.join(p for p in sys.path if p)
        env = {**os.environ, "PYTHONPATH": path}
        self.proc = subprocess.Popen([sys.executable, "-c", _MAIN, *preload],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)

    def call(self, fn: Callable[[Any], Any], item: Any) -> Any:
        stdin, stdout = cast(IO[bytes], self.proc.stdin), cast(IO[bytes], self.proc.stdout)
        pickle.dump((fn, item), stdin, protocol=pickle.HIGHEST_PROTOCOL)
        stdin.flush()
        ok, value = pickle.load(stdout)
        if not ok:
            raise RuntimeError(f"worker failed: {value}")
        return value

    def close(self, kill: bool = False) -> None:
        """End the child (it exits when its pipe closes; killed if ``kill`` or stuck)."""
        if kill:
            self.proc.kill()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):  # a broken pipe of a dead child
                    pipe.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a worker stuck in a solve
            self.proc.kill()
            self.proc.wait()


def n_workers() -> int:
    """Worker processes used: the CPUs this process may run on, at most
    :data:`MAX_WORKERS`."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def start(preload: Sequence[str] = ("matching.certified",)) -> None:
    """Start the worker processes if they are not running (returns at once); each
    imports the modules ``preload`` before it waits for work."""
    if n_workers() < 2:
        return
    with _lock:
        for w in [w for w in _workers if w.proc.poll() is not None]:
            w.close()
            _workers.remove(w)
        while len(_workers) < n_workers():
            _workers.append(_Worker(preload))


def peak_rss_mib() -> float:
    """The summed peak resident memory of the live worker processes, in MiB (their
    ``VmHWM``; 0 where ``/proc`` is not there). ``getrusage`` of the children counts only
    children that have ended, and these live on."""
    total = 0.0
    with _lock:
        pids = [w.proc.pid for w in _workers if w.proc.poll() is None]
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                total += sum(int(line.split()[1]) for line in status
                             if line.startswith("VmHWM:")) / 1024
        except OSError:  # pragma: no cover - not Linux, or the worker just ended
            continue
    return total


@atexit.register
def stop() -> None:
    """Stop the worker processes (they exit when their pipe closes)."""
    with _lock:
        for w in _workers:
            w.close()
        _workers.clear()


def map_largest_first(fn: Callable[[In], Out], items: Sequence[In], sizes: Sequence[int]
                      ) -> list[Out]:
    """``[fn(item) for item in items]``, on the worker processes when ``sum(sizes)``
    reaches :data:`PARALLEL_PAIRS`, more than one CPU is free and no other map is using
    them (two runs at once: the second computes in its own thread), the largest items
    first (so the last to finish is a small one). ``fn`` must be a module-level function
    of picklable arguments and results.

    >>> map_largest_first(abs, [-3, 2, -1], [3, 2, 1])
    [3, 2, 1]
    """
    if sum(sizes) < PARALLEL_PAIRS or n_workers() < 2 or len(items) < 2 \
            or not _busy.acquire(blocking=False):
        return [fn(item) for item in items]
    try:
        return _on_workers(fn, items, sizes)
    finally:
        _busy.release()


def _on_workers(fn: Callable[[In], Out], items: Sequence[In], sizes: Sequence[int]
                ) -> list[Out]:
    start()
    with _lock:
        workers = list(_workers)
    todo = iter(sorted(range(len(items)), key=lambda i: -sizes[i]))
    done: dict[int, Out] = {}
    taking = threading.Lock()

    def drive(worker: _Worker) -> None:
        while True:
            with taking:
                i = next(todo, None)
            if i is None:
                return
            try:
                done[i] = worker.call(fn, items[i])
            except (OSError, EOFError, RuntimeError, pickle.PickleError):
                with _lock:
                    if worker in _workers:
                        _workers.remove(worker)
                worker.close(kill=True)
                return

    threads = [threading.Thread(target=drive, args=(w,), daemon=True) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [done[i] if i in done else fn(items[i]) for i in range(len(items))]


def serve(preload: Sequence[str]) -> None:
    """The worker's loop: import ``preload``, then answer each ``(function, argument)``
    on stdin until it closes."""
    for name in preload:
        importlib.import_module(name)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the answers
    while True:
        try:
            fn, item = pickle.load(stdin)
        except EOFError:
            return
        try:
            answer: tuple[bool, Any] = (True, fn(item))
        except Exception as exc:  # sent back, raised in the parent
            answer = (False, repr(exc))
        pickle.dump(answer, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()

