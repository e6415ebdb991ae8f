"""The composition root: settings in, a ready store out."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from api import embeddings
from api.settings import Settings
from graph import EmbeddedStore, GraphStore


def open_store(settings: Settings) -> GraphStore:
    """The store the settings select: Neo4j when ``NEO4J_URI`` is set, else embedded.
    Match runs keep their text vectors in the data directory (:mod:`api.embeddings`)."""
    embeddings.configure(settings.data_dir)
    if settings.neo4j_uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user,
                          settings.neo4j_password or "", settings.neo4j_database)
    private_dir(settings.data_dir)
    return EmbeddedStore(settings.store_path)


def private_dir(data_dir: Path) -> Path:
    """The data directory, created if needed, readable by its owner only (0700), and
    every file in it 0600: it holds personal data and the pseudonym salt."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(data_dir, 0o700)
    for path in data_dir.iterdir():
        if path.is_file() and not path.is_symlink():
            os.chmod(path, 0o600)
    return data_dir


def research_salt(data_dir: Path) -> str:
    """The secret salt of researchers' pseudonyms, kept in ``<data_dir>/pseudonym.salt``
    (0600) so pseudonyms are stable across runs but cannot be guessed from a member's id."""
    path = private_dir(data_dir) / "pseudonym.salt"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(secrets.token_hex(16))
    os.chmod(path, 0o600)
    return path.read_text(encoding="utf-8").strip()
