"""What only the embedded backend promises: one file, WAL, schema migration, two writers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from graph import EmbeddedStore, Need, StoreUnavailable, VersionConflict
from graph.embedded import SCHEMA_VERSION
from tests.graph.district import tiny_district


def test_a_new_store_is_one_file_in_wal_mode_with_its_schema_version(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "sub" / "g.db")
    assert store.schema_version == SCHEMA_VERSION
    store.close()
    db = sqlite3.connect(tmp_path / "sub" / "g.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_reopening_keeps_the_data_and_does_not_migrate_twice(tmp_path: Path) -> None:
    nodes, rels = tiny_district()
    with_data = EmbeddedStore(tmp_path / "g.db")
    with_data.upsert(nodes, rels)
    with_data.close()
    again = EmbeddedStore(tmp_path / "g.db")
    assert again.counts()["Need"] == 2
    again.close()


def test_a_file_from_a_newer_version_is_refused_with_advice(tmp_path: Path) -> None:
    EmbeddedStore(tmp_path / "g.db").close()
    db = sqlite3.connect(tmp_path / "g.db")
    db.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreUnavailable, match="结构版本 999 .*请升级 gongjian"):
        EmbeddedStore(tmp_path / "g.db")


def test_a_path_that_cannot_be_a_database_is_refused(tmp_path: Path) -> None:
    (tmp_path / "g.db").mkdir()
    with pytest.raises(StoreUnavailable, match="无法打开数据文件"):
        EmbeddedStore(tmp_path / "g.db")


def test_two_writers_on_one_file_cannot_both_update_one_version(tmp_path: Path) -> None:
    first = EmbeddedStore(tmp_path / "g.db")
    nodes, rels = tiny_district()
    first.upsert(nodes, rels)
    second = EmbeddedStore(tmp_path / "g.db")
    first.transition(Need, "N1", 1, {"urgency": 3})
    with pytest.raises(VersionConflict):
        second.transition(Need, "N1", 1, {"urgency": 1})
    assert second.get(Need, "N1").urgency == 3
    first.close()
    second.close()


def test_the_data_version_sees_a_write_another_connection_committed(tmp_path: Path) -> None:
    first = EmbeddedStore(tmp_path / "g.db")
    nodes, rels = tiny_district()
    first.upsert(nodes, rels)
    second = EmbeddedStore(tmp_path / "g.db")
    seen = second.data_version()
    first.transition(Need, "N1", 1, {"urgency": 3})
    assert second.data_version() != seen
    first.close()
    second.close()


def test_a_file_of_schema_version_1_gains_the_page_index_and_keeps_its_data(
        tmp_path: Path) -> None:
    nodes, rels = tiny_district()
    store = EmbeddedStore(tmp_path / "g.db")
    store.upsert(nodes, rels)
    store.close()
    db = sqlite3.connect(tmp_path / "g.db")
    for index in ("nodes_kind_id", "nodes_kind_street_urgency", "nodes_kind_street_category"):
        db.execute(f"DROP INDEX {index}")  # as a file of version 1 is
    db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    db.commit()
    db.close()
    again = EmbeddedStore(tmp_path / "g.db")
    assert again.schema_version == SCHEMA_VERSION == 3
    assert [n.id for n in again.list(Need, scope="D").items] == ["N1", "N2"]
    plan = again._read("EXPLAIN QUERY PLAN SELECT id FROM nodes WHERE kind='Need' "
                       "AND street_id IN ('S1','S2') ORDER BY id LIMIT 200")
    assert "nodes_kind_id" in str(plan)
    again.close()


def test_a_file_of_schema_version_2_counts_filtered_lists_in_an_index(tmp_path: Path) -> None:
    nodes, rels = tiny_district()
    store = EmbeddedStore(tmp_path / "g.db")
    store.upsert(nodes, rels)
    store.close()
    db = sqlite3.connect(tmp_path / "g.db")
    db.execute("DROP INDEX nodes_kind_street_urgency")
    db.execute("DROP INDEX nodes_kind_street_category")
    db.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
    db.commit()
    db.close()
    again = EmbeddedStore(tmp_path / "g.db")
    assert again.schema_version == SCHEMA_VERSION
    urgent = [n for n in nodes if isinstance(n, Need) and n.urgency == 3]
    assert again.count(Need, scope="D", filters={"urgency": [3]}) == len(urgent)
    for field, value in (("urgency", 3), ("category", "elderly_care")):
        where = (f"kind='Need' AND street_id IN ('S1','S2') "
                 f"AND json_extract(props, '$.{field}') IN ({value!r})")
        plan = str(again._read(f"EXPLAIN QUERY PLAN SELECT count(*) FROM nodes WHERE {where}"))
        assert f"nodes_kind_street_{field}" in plan, plan
    again.close()
