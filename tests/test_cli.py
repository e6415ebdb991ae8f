"""The ``gongjian`` command line, as a clerk would use it."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from api.cli import app
from graph import EmbeddedStore
from tests.conftest import NEO4J_URI, NO_NEO4J, neo4j_settings
from tests.graph.test_export import quasi_identifiers
from tests.graph.test_migrate import everything

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: dict[str, Any]) -> Path:
    """A fresh data directory; the store is embedded there, or the test Neo4j server."""
    monkeypatch.setenv("GONGJIAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    if backend["neo4j_uri"]:
        for field, value in backend.items():
            monkeypatch.setenv(field.upper(), value)
    return tmp_path / "data"


@pytest.fixture
def embedded_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory with the embedded store, for tests not about the backend."""
    monkeypatch.setenv("GONGJIAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return tmp_path / "data"


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    return data_dir


def test_init_creates_the_store_in_the_data_directory_or_on_neo4j(
        data_dir: Path, backend: dict[str, Any]) -> None:
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0
    assert "数据库已就绪" in result.output
    # with NEO4J_URI set the graph lives on the server, not in a file
    assert (data_dir / "gongjian.db").exists() is (backend["neo4j_uri"] is None)
    assert ("Neo4j bolt://" in result.output) is (backend["neo4j_uri"] is not None)


def test_demo_then_stats_prints_the_district_by_street(demo_dir: Path) -> None:
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0
    assert "需求" in result.output and "600" in result.output
    assert "武汉路街道党工委" in result.output
    assert "湖北路街道党工委" in result.output


def test_loading_the_demo_twice_changes_nothing(demo_dir: Path) -> None:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0
    assert "新建 0，更新 0" in result.output
    assert "示范账号已存在，密码未变" in result.output  # passwords printed once only


def test_a_demo_password_is_reset_on_request_and_printed_once(demo_dir: Path) -> None:
    from api.accounts import Accounts

    result = runner.invoke(app, ["accounts", "reset-password", "district"])
    assert result.exit_code == 0, result.output
    password = result.output.strip().rsplit("：", 1)[1]
    accounts = Accounts(demo_dir / "accounts.db")
    try:
        assert accounts.authenticate("district", password).username == "district"
    finally:
        accounts.close()
    missing = runner.invoke(app, ["accounts", "reset-password", "nobody"])
    assert missing.exit_code == 1 and "没有用户名为 nobody 的账号" in missing.output


def _store_rows(data_dir: Path) -> list[tuple[object, ...]]:
    import sqlite3

    db = sqlite3.connect(data_dir / "gongjian.db")
    try:
        return [*db.execute("SELECT id, version, props FROM nodes ORDER BY id"),
                *db.execute("SELECT * FROM edges ORDER BY kind, src, dst")]
    finally:
        db.close()


def test_stats_of_one_street(demo_dir: Path) -> None:
    result = runner.invoke(app, ["stats", "--scope", "410305008"])
    assert result.exit_code == 0
    assert "数据概况（410305008）" in result.output


def test_export_writes_graphml_and_pseudonymous_json(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "wuhanlu.graphml"
    assert runner.invoke(app, ["export", "--scope", "410305008", "--out", str(out)]
                         ).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    js = tmp_path / "wuhanlu.json"
    result = runner.invoke(app, ["export", "--scope", "410305008", "--out", str(js),
                                 "--format", "json", "--pseudonymous"])
    assert result.exit_code == 0
    data = json.loads(js.read_text(encoding="utf-8"))
    members = [n for n in data["nodes"] if n["kind"] == "PartyMember"]
    assert members and all(n["label"] == n["id"] and n["id"].startswith("P-")
                           and "name" not in n and "birth_year" not in n for n in members)
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    shared = collections.Counter(quasi_identifiers(g).values())
    assert min(shared.values()) >= 5  # every combination said of a member: 5 or more
    assert (demo_dir / "pseudonym.salt").read_text().strip() not in js.read_text()
    gexf = tmp_path / "wuhanlu.gexf"
    assert runner.invoke(app, ["export", "--scope", "410305008", "--out", str(gexf),
                               "--format", "gexf", "--pseudonymous"]).exit_code == 0
    assert nx.read_gexf(gexf).nodes["410305008001"]["label"] == "武汉路社区"


@pytest.mark.parametrize(("args", "message"), [
    (["stats", "--scope", "nope"], "错误：没有编号为 nope 的党组织"),
    (["demo", "--scale", "-1"], "错误：--scale 须大于 0"),
    (["export", "--scope", "410305", "--out", "/nonexistent/dir/x.json"], "错误：无法写入"),
    (["match"], "错误：请给出 --street 街道编号，或用 --all"),
    (["match", "--street", "410305008", "--weights", "colour=1"], "「colour=1」无法识别"),
    (["match", "--street", "410305008", "--weights", "text=-1"],
     "错误：--weights：权重 text（描述相似）须在 0 到 1 之间"),
    (["match", "--street", "410305008", "--weights", "text=2"], "权重 text（描述相似）"),
    (["match", "--street", "nope"], "错误：没有编号为 nope 的党组织"),
    (["match", "--street", "410305008001"], "（410305008001）不是街道"),
    (["bench", "--sizes", "a,b"], "错误：--sizes 应为逗号分隔的整数"),
    (["report", "meeting", "--street", "410305008", "--year", "2026", "--quarter", "5",
      "--out", "x.docx"], "错误：季度只能是 1 至 4"),
    (["report", "ledger", "--street", "410305008001", "--out", "x.xlsx"],
     "错误：没有编号为 410305008001 的街道"),
])
def test_user_mistakes_print_one_line_and_exit_1(demo_dir: Path, args: list[str],
                                                 message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_the_installed_command_reports_an_unknown_scope_without_a_traceback(
        data_dir: Path) -> None:
    exe = Path(sys.executable).with_name("gongjian")
    proc = subprocess.run([str(exe), "stats", "--scope", "nope"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert "没有编号为 nope 的党组织" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_serve_with_a_weak_secret_prints_one_error_line_and_opens_nothing(
        tmp_path: Path) -> None:
    import os

    data = tmp_path / "data"
    env = {**os.environ, "GONGJIAN_DATA_DIR": str(data), "GONGJIAN_SECRET_KEY": "changeme"}
    exe = Path(sys.executable).with_name("gongjian")
    done = subprocess.run([str(exe), "serve", "--port", "1"], env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "错误：签名密钥太短（8 个字符），至少需要 32 个；请设置随机的 GONGJIAN_SECRET_KEY "
        "或删除它以自动生成"]
    assert "Traceback" not in done.stdout and not (data / "gongjian.db").exists()


def test_an_unreachable_neo4j_names_neo4j_uri_and_exits_1(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "GONGJIAN_DATA_DIR": str(tmp_path), "NEO4J_URI": "bolt://127.0.0.1:1"}
    exe = Path(sys.executable).with_name("gongjian")
    done = subprocess.run([str(exe), "stats"], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1
    assert "NEO4J_URI" in done.stderr and "127.0.0.1:1" in done.stderr
    assert "Traceback" not in done.stderr


def test_migrate_needs_neo4j_settings_and_two_different_stores(embedded_dir: Path) -> None:
    assert runner.invoke(app, ["demo", "--scale", "0.2"]).exit_code == 0
    result = runner.invoke(app, ["migrate", "--from", "embedded", "--to", "embedded"])
    assert result.exit_code == 1 and "不能相同" in result.output
    result = runner.invoke(app, ["migrate", "--from", "embedded", "--to", "neo4j"])
    assert result.exit_code == 1 and "未设置 NEO4J_URI" in result.output


def test_demo_prints_one_account_per_role(data_dir: Path) -> None:
    result = runner.invoke(app, ["demo", "--scale", "0.2"])
    assert result.exit_code == 0, result.output
    for label in ("区级管理员", "街道党工委", "社区党组织", "驻区单位", "研究人员"):
        assert label in result.output
    assert (data_dir / "accounts.db").exists()


def test_match_all_prints_a_summary_per_street_and_the_reasons(demo_dir: Path) -> None:
    result = runner.invoke(app, ["match", "--all"])
    assert result.exit_code == 0, result.output
    assert "匹配结果" in result.output and "武汉路街道党工委" in result.output
    assert result.output.count("最优（已证明）") == 11
    assert "未匹配需求的原因" in result.output
    # make run a second time: the demo loads as it is, matching unchanged data writes nothing
    embedded = (demo_dir / "gongjian.db").exists()  # on Neo4j the counts stand in
    before = _store_rows(demo_dir) if embedded else runner.invoke(app, ["stats"]).output
    assert runner.invoke(app, ["demo"]).exit_code == 0
    second = runner.invoke(app, ["match", "--all"])
    assert second.exit_code == 0 and second.output.count("输入未变，未写入") == 11
    after = _store_rows(demo_dir) if embedded else runner.invoke(app, ["stats"]).output
    assert after == before
    again = runner.invoke(app, ["match", "--street", "410305008", "--weights", "text=0.4"])
    assert again.exit_code == 0 and again.output.count("最优（已证明）") == 1


def test_bench_compares_with_an_independent_exact_solver(embedded_dir: Path, tmp_path: Path
                                                         ) -> None:
    out = tmp_path / "bench.json"
    result = runner.invoke(app, ["bench", "--sizes", "120", "--compare", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(out.read_text(encoding="utf-8"))
    assert row["status"] == "optimal" and row["agree"] is True
    assert row["greedy_gap_pct"] >= 0 and "目标值与对照" in result.output
    assert row["rerun_same"] is True  # the re-run after one added need equals a full run


def test_serve_answers_with_the_docs_at_the_address_it_prints(demo_dir: Path) -> None:
    import os
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = Path(sys.executable).with_name("gongjian")
    with subprocess.Popen([str(exe), "serve", "--port", str(port)], env=os.environ.copy(),
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        try:
            assert proc.stdout is not None
            assert f"http://127.0.0.1:{port}/docs" in proc.stdout.readline()
            spec: dict[str, object] = {}
            for _ in range(100):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json") as r:
                        spec = json.loads(r.read())
                    break
                except OSError:
                    time.sleep(0.1)
            assert "/api/match-runs" in str(spec.get("paths"))
        finally:
            proc.terminate()


def test_reports_are_written_from_the_command_line(demo_dir: Path, tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    street = ["--street", "410305008"]
    ledger = tmp_path / "台账.xlsx"
    result = runner.invoke(app, ["report", "ledger", *street, "--out", str(ledger)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(ledger).active
    assert sheet is not None and sheet.cell(1, 1).value == "武汉路街道党工委共建项目台账"
    packet = tmp_path / "会议.docx"
    result = runner.invoke(app, ["report", "meeting", *street, "--year", "2026", "--quarter",
                                 "1", "--out", str(packet)])
    assert result.exit_code == 0, result.output
    # the demo's past year leaves one project of the street before the joint meeting
    assert "本次会议提请审议的共建项目1个，请逐项作出决议：" in [
        p.text for p in Document(str(packet)).paragraphs]
    out = tmp_path / "反馈"
    result = runner.invoke(app, ["report", "feedback", *street, "--year", "2026", "--half", "1",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("*.docx"))
    assert files and f"已生成 {len(files)} 份双报到服务反馈单" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["export", "--scope", "410305", "--out", "x", "--format", "xml"],
     "错误：--format 的值无效：「xml」不是可选值之一，可用：graphml、gexf、json"),
    (["stats", "--nope"], "错误：没有选项 --nope"),
    (["export", "--scope", "410305"], "错误：缺少选项 --out"),
    (["nocmd"], "错误：没有命令「nocmd」"),
    (["demo", "--seed", "x"], "错误：--seed 的值无效：须为整数"),
])
def test_usage_mistakes_print_one_chinese_line_and_exit_1(embedded_dir: Path, args: list[str],
                                                         message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(message), result.output
    assert "Usage" not in result.output and "Error" not in result.output


def test_help_is_chinese(embedded_dir: Path) -> None:
    for args in (["--help"], ["export", "--help"], ["report", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "用法：" in result.output and "选项" in result.output
        assert "显示本帮助并退出。" in result.output
        for english in ("Usage:", "Options", "Show this message", "Commands", "[default"):
            assert english not in result.output, english


@pytest.mark.skipif(not NEO4J_URI, reason=NO_NEO4J)
def test_migrate_round_trips_the_demo_district_through_neo4j(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, neo4j_server: Any) -> None:
    neo4j_server.clear(confirm=neo4j_server.database)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setenv("GONGJIAN_DATA_DIR", str(first))
    assert runner.invoke(app, ["demo"]).exit_code == 0
    for field, value in neo4j_settings().items():
        monkeypatch.setenv(field.upper(), value)
    there = runner.invoke(app, ["migrate", "--from", "embedded", "--to", "neo4j"])
    assert there.exit_code == 0, there.output
    monkeypatch.setenv("GONGJIAN_DATA_DIR", str(second))
    back = runner.invoke(app, ["migrate", "--from", "neo4j", "--to", "embedded"])
    assert back.exit_code == 0, back.output
    original = EmbeddedStore(first / "gongjian.db")
    returned = EmbeddedStore(second / "gongjian.db")
    try:
        assert original.counts()["Need"] == 600
        assert returned.counts() == neo4j_server.counts() == original.counts()
        assert everything(returned) == everything(neo4j_server) == everything(original)
    finally:
        original.close()
        returned.close()


@pytest.mark.skipif(not NEO4J_URI, reason=NO_NEO4J)
def test_bench_store_times_both_backends_and_leaves_neo4j_empty(
        embedded_dir: Path, monkeypatch: pytest.MonkeyPatch, neo4j_server: Any) -> None:
    neo4j_server.clear(confirm=neo4j_server.database)
    for field, value in neo4j_settings().items():
        monkeypatch.setenv(field.upper(), value)
    result = runner.invoke(app, ["bench-store", "--city-scale", "0.3", "--transitions", "20"])
    assert result.exit_code == 0, result.output
    for label in ("载入示范区", "街道快照", "全区快照", "带版本的修改", "分页列表",
                  "Neo4j / 嵌入式"):
        assert label in result.output
    assert neo4j_server.counts() == {}


def test_bench_store_needs_neo4j(embedded_dir: Path) -> None:
    result = runner.invoke(app, ["bench-store"])
    assert result.exit_code == 1 and "未设置 NEO4J_URI" in result.output
