"""The composition root: settings in, a ready store out."""

from __future__ import annotations

from api.settings import Settings
from graph import EmbeddedStore, GraphStore


def open_store(settings: Settings) -> GraphStore:
    """The store the settings select: Neo4j when ``NEO4J_URI`` is set, else embedded."""
    if settings.neo4j_uri:
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user,
                          settings.neo4j_password or "", settings.neo4j_database)
    return EmbeddedStore(settings.store_path)
