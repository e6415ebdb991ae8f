"""Imports that meet clerks halfway: a sheet typed the way a street clerk types it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from api.imports import ImportRejected, import_file, template_xlsx
from graph import GraphStore, Need, Organization, OrgLevel, Resource
from tests.api.world import C1, C2, S1, S2, make_api

HEADER = ["序号", "需求名称", "需求类别", "所属社区", "需求数量", "计量单位", "开始日期",
          "结束日期", "联系人", "联系电话", "备注"]



def clerk_sheet(path: Path, rows: list[list[Any]], *, title: str = "湖北路街道2026年需求清单",
                merge_community: tuple[int, int] | None = None) -> Path:
    """A sheet as a street office keeps it: a merged title row, the header in row 2, the
    data, a blank line and the 填表人/填表日期 footer."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "需求"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    if merge_community:
        first, last = merge_community
        ws.merge_cells(start_row=first, start_column=4, end_row=last, end_column=4)
    ws.append([])
    ws.append(["填表人：王敏", None, None, "联系电话：13800000000"])
    ws.append(["填表日期：2026年3月1日"])
    wb.save(path)
    return path


def good_rows() -> list[list[Any]]:
    return [
        # numbers as text, an Excel serial date, a community by its name
        [1, "独居老人助餐", "日间照料", "唐村社区", "30", "次", 46082, "2026/12/31",
         "李阿姨", "13900000001", "每周三次"],
        # the community cell of rows 3-4 is merged: this row belongs to 唐村社区 too
        [2, "老年人智能手机培训", "智能手机应用", None, 20, "人次", "2026/3/1", None,
         "张主任", "13900000002", ""],
        [3, "留守儿童四点半课堂", "课业辅导", "天四社区", "40", "小时", None,
         "2025/3/1", "", "", "学期内"],
    ]


def test_a_clerk_style_sheet_imports_with_names_synonyms_and_extra_columns(
        world: GraphStore, tmp_path: Path) -> None:
    path = clerk_sheet(tmp_path / "湖北路街道需求清单.xlsx", good_rows(), merge_community=(3, 4))
    report = import_file(world, path, "needs")
    assert report.created == {"Need": 3} and report.source == "湖北路街道需求清单.xlsx"
    needs = sorted(world.list(Need, scope=S1, size=100).items, key=lambda n: n.title)
    made = {n.title: n for n in needs if n.id.startswith("N-")}
    assert {t: (n.community_id, n.category, n.quantity) for t, n in made.items()} == {
        "独居老人助餐": (C1, "elderly_care", 30),
        "老年人智能手机培训": (C1, "smartphone_training", 20),
        "留守儿童四点半课堂": (C2, "child_education", 40),
    }
    assert made["独居老人助餐"].start == dt.date(2026, 3, 1)
    assert made["留守儿童四点半课堂"].end == dt.date(2025, 3, 1)
    assert report.warnings[0] == "以下列未使用，已忽略：联系人、联系电话"
    assert any("第 5 行「结束日期」：2025-03-01 已过去" in w for w in report.warnings)
    # importing the same sheet again changes nothing: the ids derive from community + title
    again = import_file(world, path, "needs")
    assert again.changed == 0 and again.unchanged == {"Need": 3}


def test_a_broken_clerk_sheet_reports_every_problem_by_row_and_column(
        world: GraphStore, tmp_path: Path) -> None:
    # a second 天四社区 in another street makes that name ambiguous
    world.upsert([Organization(id="410305002009", name="天四社区", level=OrgLevel.COMMUNITY,
                               parent_id=S2, street_id=S2, community_type="old")])
    rows = [
        [1, "独居老人助餐", "日间照料", "唐村社区", "abc", "次", None, None, "", "", ""],
        [2, "宠物美容", "宠物美容", "唐村社区", 5, "次", None, None, "", "", ""],
        [3, "课业辅导", "亲子早教", "天四社区", 5, "小时", None, None, "", "", ""],
        [4, "法律咨询", "法律服务", "幸福社区", 5, "次", "2026-02-30", None, "", "", ""],
        [5, "独居老人助餐", "日间照料", "唐村社区", 8, "次", None, None, "", "", ""],
        [6, "理发", "美容美发", "唐村社区", 5, "箱", None, None, "", "", ""],
    ]
    path = clerk_sheet(tmp_path / "三月需求.xlsx", rows)
    before = world.counts()
    with pytest.raises(ImportRejected) as info:
        import_file(world, path, "needs")
    problems = [(p.row, p.column, p.message) for p in info.value.problems]
    assert [(r, c) for r, c, _ in problems] == [
        (3, "需求数量"), (4, "需求类别"), (5, "所属社区"), (6, "所属社区"), (6, "开始日期"),
        (7, "需求名称"), (8, "计量单位")]
    messages = dict(((r, c), m) for r, c, m in problems)
    assert "须为整数" in messages[(3, "需求数量")]
    assert "最接近的是：美容美发" in messages[(4, "需求类别")]
    assert "有 2 个社区叫「天四社区」" in messages[(5, "所属社区")]
    assert "410305002009" in messages[(5, "所属社区")]
    assert "「幸福社区」在文件和数据库中都不存在" in messages[(6, "所属社区")]
    assert "与第 3 行" in messages[(7, "需求名称")]
    assert str(info.value).startswith("文件 三月需求.xlsx 有 7 处问题，整份文件未导入")
    assert world.counts() == before


def test_the_template_round_trips_with_the_category_drop_down(
        world: GraphStore, tmp_path: Path) -> None:
    for kind in ("needs", "resources"):
        wb = load_workbook(io.BytesIO(template_xlsx(kind)))
        ws = wb.worksheets[0]
        header = [c.value for c in ws[2]]
        lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
        assert any("类别!$A$1" in (v.formula1 or "") for v in lists), kind
        values = {"needs": {"标题＊": "社区法律讲座", "类别＊": "法律服务",
                            "所属社区＊": "唐村社区", "数量＊": 4, "计量单位＊": "场"},
                  "resources": {"标题＊": "律师义务咨询", "类别＊": "法律服务",
                                "提供单位＊": "涧西区人民医院", "数量＊": 6,
                                "计量单位＊": "次"}}[kind]
        assert set(values) <= set(header), header
        ws.append([values.get(str(h), None) for h in header])
        path = tmp_path / f"{kind}-filled.xlsx"
        wb.save(path)
        report = import_file(world, path, kind)
        model = Need if kind == "needs" else Resource
        assert report.created == {model.KIND: 1}, report
        assert import_file(world, path, kind).changed == 0


def test_the_http_import_names_the_uploaded_file_and_serves_the_template(
        tmp_path: Path) -> None:
    api = make_api(tmp_path)
    path = clerk_sheet(tmp_path / "x.xlsx", [[1, "助餐", "助餐服务x", "唐村社区", 3, "次", None,
                                              None, "", "", ""]])
    with path.open("rb") as f:
        r = api.client.post("/api/imports", headers=api.headers("street"),
                            data={"kind": "needs"},
                            files={"file": ("武汉路街道需求清单.xlsx", f)})
    assert r.status_code == 422
    assert "武汉路街道需求清单.xlsx" in r.json()["error"]["message"]
    assert "upload" not in r.json()["error"]["message"]
    t = api.client.get("/api/imports/templates/needs.xlsx", headers=api.headers("street"))
    assert t.status_code == 200 and load_workbook(io.BytesIO(t.content)).worksheets
