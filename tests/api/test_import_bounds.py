"""Every imported file is bounded: bytes, unzipped bytes, rows, characters per cell, JSON
depth, problems listed; XML entities in a workbook are refused. Each refusal names its
limit, answers in the API's error shape and writes nothing. The limits are made small here
so the files stay small and the tests fast.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from api.imports import ImportLimits, ImportRejected, import_file
from api.settings import Settings
from graph import GraphStore, Need
from tests.api.world import C1, Api, make_api

HEADER = "编号,标题,类别,所属社区,数量,计量单位\n"



def _rows(n: int, start: int = 10) -> str:
    return "".join(f"N{i},需求{i},家庭医疗,{C1},1,次\n" for i in range(start, start + n))


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(world: GraphStore,
                                                                 tmp_path: Path) -> None:
    path = _write(tmp_path, "n.csv", HEADER + _rows(40))
    with pytest.raises(ImportRejected, match="超过上限 1000 字节"):
        import_file(world, path, "needs", limits=ImportLimits(max_bytes=1000))


def test_a_file_over_the_row_limit_is_refused_without_reading_on(world: GraphStore,
                                                                 tmp_path: Path) -> None:
    path = _write(tmp_path, "n.csv", HEADER + _rows(11))
    with pytest.raises(ImportRejected, match="超过 10 行数据的上限"):
        import_file(world, path, "needs", limits=ImportLimits(max_rows=10))
    assert import_file(world, _write(tmp_path, "ok.csv", HEADER + _rows(10)), "needs",
                       limits=ImportLimits(max_rows=10)).created == {"Need": 10}


def test_a_cell_over_the_character_limit_is_a_problem_of_its_row_and_column(
        world: GraphStore, tmp_path: Path) -> None:
    path = _write(tmp_path, "n.csv", HEADER + f"N10,{'长' * 50},家庭医疗,{C1},1,次\n")
    with pytest.raises(ImportRejected, match="第 2 行「标题」：内容有 50 个字符，超过每格 20 个"):
        import_file(world, path, "needs", limits=ImportLimits(max_cell_chars=20))
    assert world.get_many(Need, ["N10"]) == {}


def test_a_deeply_nested_json_file_is_refused_before_it_is_parsed(world: GraphStore,
                                                                  tmp_path: Path) -> None:
    path = _write(tmp_path, "n.json", "[" * 100_000 + "]" * 100_000)
    started = time.perf_counter()
    with pytest.raises(ImportRejected, match="JSON 嵌套 100000 层，超过 4 层的上限"):
        import_file(world, path, "needs")
    assert time.perf_counter() - started < 5
    brackets_in_text = [{"编号": "N10", "标题": "[[[[[[括号]]]]]]", "类别": "家庭医疗",
                         "所属社区": C1, "数量": 1, "计量单位": "次"}]
    ok = _write(tmp_path, "ok.json", json.dumps({"items": brackets_in_text}, ensure_ascii=False))
    assert import_file(world, ok, "needs").created == {"Need": 1}


def test_many_problems_list_the_first_and_count_the_rest(world: GraphStore,
                                                         tmp_path: Path) -> None:
    bad = "".join(f"N{i},需求,家庭医疗,{C1},abc,次\n" for i in range(10, 40))
    path = _write(tmp_path, "n.csv", HEADER + bad)
    with pytest.raises(ImportRejected, match="另有 25 处问题未列出") as caught:
        import_file(world, path, "needs", limits=ImportLimits(max_problems=5))
    assert len(caught.value.problems) == 5 and caught.value.omitted == 25
    assert caught.value.total == 30


def _workbook(cells: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in cells:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _replace_part(xlsx: bytes, name: str, edit: object) -> bytes:
    src, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == name:
                data = edit(data)  # type: ignore[operator]
            dst.writestr(info, data)
    return out.getvalue()


def test_a_workbook_that_unzips_beyond_the_limit_is_refused_unparsed(world: GraphStore,
                                                                     tmp_path: Path) -> None:
    header = HEADER.strip().split(",")
    bomb = _workbook([header, ["N10", "助" * 200_000, "家庭医疗", C1, 1, "次"]])
    assert len(bomb) < 100_000  # the repetition compresses
    path = _write(tmp_path, "n.xlsx", bomb)
    with pytest.raises(ImportRejected, match="解压后有 .*超过上限"):
        import_file(world, path, "needs", limits=ImportLimits(max_unpacked_bytes=200_000))
    with pytest.raises(ImportRejected, match="超过每格 2000 个字符"):
        import_file(world, path, "needs")


def test_a_workbook_of_many_rows_is_refused_at_the_row_limit(world: GraphStore,
                                                             tmp_path: Path) -> None:
    header = HEADER.strip().split(",")
    rows = [[f"N{i}", "需求", "家庭医疗", C1, 1, "次"] for i in range(30)]
    path = _write(tmp_path, "n.xlsx", _workbook([header, *rows]))
    with pytest.raises(ImportRejected, match="超过 10 行数据的上限"):
        import_file(world, path, "needs", limits=ImportLimits(max_rows=10))
    blanks = _workbook([header, *([" "] for _ in range(1100))])
    with pytest.raises(ImportRejected, match="超过 10 行数据的上限"):
        import_file(world, _write(tmp_path, "b.xlsx", blanks), "needs",
                    limits=ImportLimits(max_rows=10))


def test_a_workbook_with_an_xml_entity_is_refused_not_expanded(world: GraphStore,
                                                               tmp_path: Path) -> None:
    header = HEADER.strip().split(",")
    xlsx = _workbook([header, ["N10", "需求", "家庭医疗", C1, 1, "次"]])

    def with_entity(data: bytes) -> bytes:
        text = data.decode("utf-8").split("?>", 1)[-1]  # without the XML declaration
        doctype = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        return (doctype + text.replace("需求", "&b;")).encode("utf-8")

    names = zipfile.ZipFile(io.BytesIO(xlsx)).namelist()
    part = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names \
        else "xl/worksheets/sheet1.xml"
    path = _write(tmp_path, "n.xlsx", _replace_part(xlsx, part, with_entity))
    with pytest.raises(ImportRejected, match="不允许的 XML 内容"):
        import_file(world, path, "needs")
    assert world.get_many(Need, ["N10"]) == {}


@pytest.fixture
def small_api(tmp_path: Path) -> Iterator[Api]:
    a = make_api(tmp_path, import_max_bytes=2000, import_max_rows=5, import_max_problems=3)
    with a.client:
        yield a


def test_an_upload_over_the_size_setting_answers_413_in_the_error_shape(
        small_api: Api) -> None:
    r = small_api.client.post(
        "/api/imports", headers=small_api.headers("street"), data={"kind": "needs"},
        files={"file": ("n.csv", (HEADER + _rows(100)).encode("utf-8"), "text/csv")})
    assert r.status_code == 413
    error = r.json()["error"]
    assert error["code"] == "too_large" and "上限" in error["message"]


def test_an_upload_with_many_problems_lists_the_first_and_counts_the_rest(
        small_api: Api) -> None:
    bad = "".join(f"N{i},需求,家庭医疗,{C1},abc,次\n" for i in range(10, 15))
    r = small_api.client.post(
        "/api/imports", headers=small_api.headers("street"), data={"kind": "needs"},
        files={"file": ("n.csv", (HEADER + bad).encode("utf-8"), "text/csv")})
    assert r.status_code == 422
    error = r.json()["error"]
    assert len(error["problems"]) == 3 and error["omitted"] == 2


def test_the_import_limits_are_settings_with_defaults_for_a_district() -> None:
    limits = Settings().import_limits
    assert limits == ImportLimits()
    assert limits.max_rows >= 10_000 and limits.max_bytes >= 1024 * 1024
    assert Settings(import_max_rows=7).import_limits.max_rows == 7
