"""Freed memory kept by the process for its next arrays (glibc's allocator).

On the project's 2-core VM the first touch of fresh memory costs ~3 ms per MB (2 GiB
fresh 5.8 s, reused 0.14 s). By default glibc gives every block above a moving
threshold its own mapping and returns it to the system when freed, and trims the top of
its heap: a re-run at 100,000 needs then faults in ~150 MB afresh (~40,000 pages) for
arrays the same size as ones just freed. :func:`keep_freed_memory` makes blocks up to
32 MiB (glibc's most) come from the heap and keeps freed heap memory for the next ones;
the process's resident size then stays at its high-water mark. Called once by the
command line's entry point (``gongjian bench``, ``serve``, ...), never by the library.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_MOST = 32 * 1024 * 1024  # glibc ignores a larger mmap threshold (64-bit)
TRIM_NEVER = 2**31 - 1  # the most mallopt takes: the heap is never trimmed below 2 GiB


def keep_freed_memory() -> bool:
    """Set glibc's mmap threshold to 32 MiB and its trim threshold out of reach; False
    (nothing changed) where the C library is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    mapped = bool(mallopt(M_MMAP_THRESHOLD, MMAP_MOST))
    return mapped and bool(mallopt(M_TRIM_THRESHOLD, TRIM_NEVER))
