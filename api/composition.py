"""The composition root: settings in, a ready store out."""

from __future__ import annotations

import secrets
from pathlib import Path

from api.settings import Settings
from graph import EmbeddedStore, GraphStore


def open_store(settings: Settings) -> GraphStore:
    """The store the settings select: Neo4j when ``NEO4J_URI`` is set, else embedded."""
    if settings.neo4j_uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user,
                          settings.neo4j_password or "", settings.neo4j_database)
    return EmbeddedStore(settings.store_path)


def research_salt(data_dir: Path) -> str:
    """The secret salt of researchers' pseudonyms, kept in ``<data_dir>/pseudonym.salt``
    so pseudonyms are stable across runs but cannot be guessed from a member's id."""
    path = data_dir / "pseudonym.salt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(16), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()
