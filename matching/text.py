"""Text similarity of Chinese titles and descriptions, for candidate pairs only.

Character n-gram TF-IDF (unigrams and bigrams, sublinear tf, l2-normalised; the same as
scikit-learn's ``TfidfVectorizer`` with those settings, computed for all texts at once)
fitted on the problem's own texts, so the similarity of a pair is the cosine of two sparse rows.
Identical texts are vectorized once and the pairs computed in chunks (on two threads): a
row-wise product of two sparse matrices, never a dense n x m matrix (:func:`unique_pairs`
makes the pairs distinct first, for text models that cost more per pair).
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from matching.arrays import F64, I64

CHUNK = 50_000  # pairs per chunk: 100k needs, 200k -> 50k: peak 2164 -> 1563 MiB, CPU 12.2 -> 8.0 s
TABLE_KEYS = 2**25  # up to about 5,800 distinct characters: 32M-entry lookup tables
_WHITESPACE = re.compile(r"\s\s+")  # as scikit-learn's char analyzer
_ANY_SPACE = re.compile(r"\s+")

TextSimilarity = Callable[[list[str], list[str], I64, I64], F64]
"""``f(need_texts, res_texts, need, res)``: one similarity >= 0 per pair ``(need[k], res[k])``.

The shape of :func:`text_similarity`; ``match(..., text_similarity=f)`` puts another in
its place (e.g. an embedding model the package does not depend on).
"""

_PAIR_LOCAL: weakref.WeakKeyDictionary[TextSimilarity, tuple[object, ...]] = \
    weakref.WeakKeyDictionary()


def pair_local(model: TextSimilarity, key: tuple[object, ...]) -> TextSimilarity:
    """Declare that ``model`` gives a pair a value that depends only on the pair's two
    texts and on the sets of distinct need texts and resource texts (not on which other
    pairs are asked for, nor on positions); ``key`` names the model and its settings. A
    re-run whose distinct texts did not change may then take the values of the pairs it
    shares with a run of the same key (:mod:`matching.reuse`)."""
    _PAIR_LOCAL[model] = key
    return model


def pair_local_key(model: TextSimilarity | None) -> tuple[object, ...] | None:
    """The key :func:`pair_local` gave ``model`` (``None``: the matcher's default,
    :func:`tfidf_evidence`), or ``None`` for a model not declared pair-local."""
    return _PAIR_LOCAL.get(model if model is not None else tfidf_evidence)


def item_text(title: str, description: str) -> str:
    """The text of a need or resource the text models read: title, a space, description.

    >>> item_text("法律咨询", "合同纠纷")
    '法律咨询 合同纠纷'
    """
    return f"{title} {description}"


def _unique_texts(texts: list[str]) -> tuple[list[str], I64]:
    index: dict[str, int] = {}
    codes = np.fromiter((index.setdefault(t, len(index)) for t in texts), dtype=np.int64,
                        count=len(texts))
    return list(index), codes


def substitute(pattern: re.Pattern[str], repl: str, texts: list[str]) -> list[str]:
    """``[pattern.sub(repl, t) for t in texts]`` for a pattern that never matches a NUL:
    one substitution over the texts joined by NULs (one call, not one per text), unless a
    text holds a NUL itself.

    >>> substitute(_ANY_SPACE, "", ["a b", " c ", ""])
    ['ab', 'c', '']
    """
    joined = "\0".join(texts)
    if len(texts) < 2 or "\0" in joined:
        return [pattern.sub(repl, t) for t in texts]
    return pattern.sub(repl, joined).split("\0")


_BARE: list[tuple[tuple[str, ...], tuple[list[str], I64]]] = []
_BARE_LOCK = threading.Lock()


def _bare_texts(texts: list[str]) -> tuple[list[str], I64]:
    """The distinct texts without their spaces, and the number of each text's (the last
    two answers kept: a re-run scoring a few new pairs asks again for the same corpus)."""
    key = tuple(texts)
    with _BARE_LOCK:
        for k, v in _BARE:
            if k == key:
                return v
    got = _unique_texts(substitute(_ANY_SPACE, "", texts))
    with _BARE_LOCK:
        _BARE[:] = [(key, got), *_BARE[:1]]
    return got


def char_tfidf(texts: list[str]) -> sparse.csr_matrix:
    """Character unigram and bigram TF-IDF rows of ``texts``, vectorized over all texts.

    The same matrix as scikit-learn's ``TfidfVectorizer(analyzer="char",
    ngram_range=(1, 2), sublinear_tf=True, lowercase=False)`` up to the order of its
    columns (runs of whitespace count as one space; ``1 + log(tf)``; smooth idf
    ``log((1 + n) / (1 + df)) + 1``; rows l2-normalised), without a Python loop per text.
    """
    docs = substitute(_WHITESPACE, " ", texts)
    lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    points = np.frombuffer("".join(docs).encode("utf-32-le"), dtype=np.uint32)
    # the texts' alphabet, numbered densely in code point order (no sort needed)
    seen = np.zeros(0x110000, dtype=np.bool_)
    seen[points] = True
    n_chars = int(seen.sum())
    # keys in int32 when the bigram keys fit (fewer than 46,340 distinct characters)
    key_type = np.int32 if n_chars + n_chars * n_chars < 2**31 else np.int64
    chars: NDArray[Any] = (np.cumsum(seen, dtype=np.int64) - 1).astype(key_type)[points]
    # entries text by text (a text's unigram at position i, then the bigram starting
    # there, if the text goes on): the rows come sorted, so the matrix is built from its
    # row pointers, without a scatter of the coordinates; unigram keys are the
    # characters' numbers, bigram keys sit above them
    ends = np.cumsum(lengths)
    follows = np.ones(len(points), dtype=np.bool_)
    follows[ends[lengths > 0] - 1] = False  # bigrams never span two texts
    keys = np.empty((len(points), 2), dtype=key_type)
    keys[:, 0] = chars
    keys[:-1, 1] = n_chars + chars[:-1] * n_chars + chars[1:]
    keys = keys.ravel()[np.c_[np.ones(len(points), np.bool_), follows].ravel()]
    indptr = np.r_[0, np.cumsum(np.maximum(2 * lengths - 1, 0))]
    cols, n_cols = _dense_ids(keys, n_chars + n_chars * n_chars)
    # counts summed in float32 (exact: small integers), their logs in float64
    counts = sparse.csr_matrix((np.ones(len(keys), np.float32), cols, indptr),
                               shape=(len(docs), n_cols))
    counts.sum_duplicates()
    # 1 + log(tf) read from a table of the few distinct counts (the same float64 values
    # as np.log of each entry: one log per count, not per entry)
    tf = counts.data.astype(np.int64)
    counts.data = (1.0 + np.log(np.arange(1, int(tf.max(initial=1)) + 1,
                                          dtype=np.float64)))[tf - 1]
    df = np.bincount(counts.indices, minlength=n_cols)
    idf = np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    counts.data *= idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    counts.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(counts.indptr))
    return counts


_FITTED: list[tuple[tuple[str, ...], int, sparse.csr_matrix, sparse.csr_matrix]] = []
_FITTED_LOCK = threading.Lock()


def fitted_tfidf(need_texts: list[str], res_texts: list[str]
                 ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """The rows of :func:`char_tfidf` of the corpus ``need_texts + res_texts``: the need
    texts' and the resource texts', without the columns only one side uses
    (:func:`_shared_columns`: no cosine changes). Kept for the next call with the same
    corpus (one entry, process-local): a re-run whose texts did not change (an added need
    with a text already there, a changed quantity) scores its new pairs without fitting
    again. The matrix is a pure function of the corpus, so a kept one is the one a fit
    gives."""
    key = (*need_texts, *res_texts)
    with _FITTED_LOCK:
        if _FITTED and _FITTED[0][1] == len(need_texts) and _FITTED[0][0] == key:
            return _FITTED[0][2], _FITTED[0][3]
    xn, xr = _shared_columns(char_tfidf(list(key)), len(need_texts))
    with _FITTED_LOCK:
        _FITTED[:] = [(key, len(need_texts), xn, xr)]
    return xn, xr


def _dense_ids(keys: NDArray[np.integer], space: int) -> tuple[NDArray[np.integer], int]:
    """Number the distinct ``keys`` (all in ``range(space)``) 0, 1, ... in key order: a
    table lookup when the key space is small enough (int32 numbers, as scipy keeps the
    column indices), else a sort."""
    if space <= TABLE_KEYS:
        present = np.zeros(space, dtype=np.bool_)
        present[keys] = True
        ids = np.cumsum(present, dtype=np.int32) - 1
        return ids[keys], int(present.sum())
    uniq, inverse = np.unique(keys, return_inverse=True)
    return inverse.ravel().astype(np.int64), len(uniq)


def unique_pairs(need_texts: list[str], res_texts: list[str], need: I64, res: I64
                 ) -> tuple[list[str], list[str], I64, I64, I64]:
    """The distinct need and resource texts, the distinct pairs of them among ``(need[k],
    res[k])`` (indices ``a`` into the first, ``b`` into the second) and, for each pair
    ``k``, its distinct pair: ``(n_uniq, r_uniq, a, b, inverse)``."""
    n_uniq, n_code = _unique_texts(need_texts)
    r_uniq, r_code = _unique_texts(res_texts)
    pair_keys = n_code[need] * max(len(r_uniq), 1) + r_code[res]
    uniq, inverse = np.unique(pair_keys, return_inverse=True)
    a, b = np.divmod(uniq, max(len(r_uniq), 1))
    return n_uniq, r_uniq, a, b, inverse.ravel()


def _shared_columns(matrix: sparse.csr_matrix, split: int
                    ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """The rows of ``matrix`` before ``split`` and from it, each without the entries of
    columns the other part never uses: such a column is in no pair's product, so every
    pair's sum keeps its terms in their order (the same bits). At 100,000 needs 29 % of
    the entries go (n-grams only needs or only resources use): text evidence 7.4-8.1 s ->
    6.6-7.5 s CPU, the same wall time. One pass over the entries, no copy of the two
    parts first."""
    at = int(matrix.indptr[split])
    used = np.zeros((2, matrix.shape[1]), np.bool_)
    used[0, matrix.indices[:at]] = True
    used[1, matrix.indices[at:]] = True
    keep = (used[0] & used[1])[matrix.indices]
    kept = np.r_[0, np.cumsum(keep)]
    data, indices = matrix.data[keep], matrix.indices[keep]
    out = []
    for rows in (slice(0, split + 1), slice(split, None)):
        ptr = kept[matrix.indptr[rows]]
        y = sparse.csr_matrix((data[ptr[0]:ptr[-1]], indices[ptr[0]:ptr[-1]], ptr - ptr[0]),
                              shape=(len(ptr) - 1, matrix.shape[1]))
        y.has_sorted_indices = True  # a subsequence of sorted rows without duplicates
        y.has_canonical_format = True
        out.append(y)
    return out[0], out[1]


def fit_in_background(need_texts: list[str], res_texts: list[str],
                      model: TextSimilarity | None) -> threading.Thread | None:
    """Start fitting the TF-IDF rows that ``model`` (``None``: :func:`tfidf_evidence`)
    will ask :func:`fitted_tfidf` for, on a thread: the fit reads only the texts, so it
    runs while the candidates are searched (numpy and scipy release the GIL); the kept
    fit is then found, not computed. ``None`` for a model not built on the TF-IDF
    evidence. Join the thread before scoring."""
    key = pair_local_key(model)
    if key is None or key[0] not in ("tfidf", "tfidf+e5") or not need_texts \
            or not res_texts:
        return None
    n_uniq, _ = _unique_texts(need_texts)
    r_uniq, _ = _unique_texts(res_texts)

    def fit() -> None:
        n_bare, _ = _bare_texts(n_uniq)
        r_bare, _ = _bare_texts(r_uniq)
        if any(t.strip() for t in (*n_bare, *r_bare)):
            fitted_tfidf(n_bare, r_bare)

    thread = threading.Thread(target=fit, name="tfidf-fit", daemon=True)
    thread.start()
    return thread


def tfidf_cosines(n_uniq: list[str], r_uniq: list[str], a: I64, b: I64) -> F64:
    """TF-IDF cosine of each pair ``(n_uniq[a[k]], r_uniq[b[k]])`` of distinct texts (the
    corpus is every text of both lists), in [0, 1]."""
    corpus = n_uniq + r_uniq
    if len(a) == 0 or not any(t.strip() for t in corpus):
        return np.zeros(len(a), dtype=np.float64)
    xn, xr = fitted_tfidf(n_uniq, r_uniq)
    sims = np.empty(len(a), dtype=np.float64)

    def chunk(s: int) -> None:
        rows_a = xn[a[s:s + CHUNK]]
        rows_b = xr[b[s:s + CHUNK]]
        sims[s:s + CHUNK] = np.asarray(rows_a.multiply(rows_b).sum(axis=1)).ravel()

    # scipy's sparse kernels release the GIL: chunks run on two threads, each writing
    # its own slice, so the result does not depend on the order they finish in
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(chunk, range(0, len(a), CHUNK)))
    out: F64 = np.clip(sims, 0.0, 1.0)
    return out


def text_similarity(need_texts: list[str], res_texts: list[str], need: I64,
                    res: I64) -> F64:
    """Cosine similarity of TF-IDF vectors for each pair ``(need[k], res[k])``.

    Examples
    --------
    >>> sims = text_similarity(["家庭医生上门", "电梯维修"], ["家庭医生签约服务", "法律咨询"],
    ...                        np.array([0, 0, 1]), np.array([0, 1, 1]))
    >>> bool(sims[0] > sims[1]), float(sims[2])
    (True, 0.0)
    """
    if len(need) == 0:
        return np.zeros(0, dtype=np.float64)
    n_uniq, r_uniq, a, b, inverse = unique_pairs(need_texts, res_texts, need, res)
    out: F64 = tfidf_cosines(n_uniq, r_uniq, a, b)[inverse]
    return out


TFIDF_SPAN = 0.15
"""Char TF-IDF cosines of short texts that say the same thing sit near 0.15 or above."""


def tfidf_evidence_unique(n_uniq: list[str], r_uniq: list[str], a: I64, b: I64) -> F64:
    """:func:`tfidf_evidence` of pairs ``(n_uniq[a[k]], r_uniq[b[k]])`` of distinct texts
    (as :func:`unique_pairs` gives them, or every pair as it comes): the texts without
    their spaces (a shared space is no evidence), numbered again (two texts that differ
    only in spaces are one text of the corpus), then ``min(cosine / TFIDF_SPAN, 1)``."""
    n_bare, n_code = _bare_texts(n_uniq)
    r_bare, r_code = _bare_texts(r_uniq)
    out: F64 = np.clip(tfidf_cosines(n_bare, r_bare, n_code[a], r_code[b]) / TFIDF_SPAN,
                       0.0, 1.0)
    return out


def tfidf_evidence(need_texts: list[str], res_texts: list[str], need: I64,
                   res: I64) -> F64:
    """Absolute text evidence from the char TF-IDF cosine: ``min(cosine / TFIDF_SPAN, 1)``.

    The matcher's default text similarity: a fixed scale, never divided by the best
    candidate of the need, so a lone poor candidate stays poor. Each distinct text is
    vectorized once; the pairs are not made distinct first (at 100,000 needs 93 % of the
    5M candidate pairs are distinct pairs of texts, and the sort that finds them cost
    more than the cosines it saved).
    """
    if len(need) == 0:
        return np.zeros(0, dtype=np.float64)
    n_uniq, n_code = _unique_texts(need_texts)
    r_uniq, r_code = _unique_texts(res_texts)
    out: F64 = tfidf_evidence_unique(n_uniq, r_uniq, n_code[need], r_code[res])
    return out


pair_local(tfidf_evidence, ("tfidf", TFIDF_SPAN))
