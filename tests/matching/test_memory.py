"""The command line keeps freed memory for the next arrays (glibc)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

ROUNDS = """
import resource, sys
import numpy as np
from matching.memory import keep_freed_memory
kept = keep_freed_memory() if sys.argv[1] == "keep" else None
def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    arrays = [np.ones(375_000) for _ in range(20)]  # 20 x 3 MB, then freed
    del arrays
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
print(kept, *[faults() for _ in range(3)])
"""


def _rounds(mode: str) -> tuple[str, list[int]]:
    out = subprocess.run([sys.executable, "-c", ROUNDS, mode], capture_output=True,
                         text=True, check=True).stdout.split()
    return out[0], [int(v) for v in out[1:]]


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc",
                    reason="the C library is not glibc: mallopt is not there")
def test_arrays_as_large_as_freed_ones_reuse_their_memory() -> None:
    kept, after_keep = _rounds("keep")
    assert kept == "True"  # glibc: both settings taken
    _, default = _rounds("default")
    pages = 20 * 3_000_000 // 4096
    # without it every round faults its 60 MB in afresh; with it only the first does
    assert min(default[1:]) > pages // 2
    assert after_keep[0] > pages // 2 and max(after_keep[1:]) < pages // 20

