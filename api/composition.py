"""The composition root: settings in, a ready store out."""

from __future__ import annotations

from api.settings import Settings
from graph import EmbeddedStore, GraphStore, StoreUnavailable


def open_store(settings: Settings) -> GraphStore:
    """The store the settings select: Neo4j when ``NEO4J_URI`` is set, else embedded."""
    if settings.neo4j_uri:
        raise StoreUnavailable(
            "已设置 NEO4J_URI，但本版本尚未提供 Neo4j 存储；请取消 NEO4J_URI 以使用内置存储")
    return EmbeddedStore(settings.store_path)
