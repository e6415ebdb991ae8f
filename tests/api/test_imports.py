"""The import use case over a real embedded store: formats, headers, every bad row, all or
nothing, idempotent re-import. The stores are built by hand here, not by the demo generator.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from pydantic import ValidationError

from api.imports import ImportRejected, RowProblem, import_file, parse_file
from graph import EmbeddedStore, Need, Organization, ResidentUnit, Resource
from graph.validation import FIELD_LABELS, FieldProblem, field_problems

SAMPLES = Path(__file__).resolve().parents[2] / "seed" / "samples"
STREET, C1, C3, C4 = "410305008", "410305008001", "410305008003", "410305008004"
C5, C6 = "410305008005", "410305008006"


def _district() -> list[Organization]:
    orgs = [Organization(id="410305", name="涧西区委", level="district"),
            Organization(id=STREET, name="武汉路街道党工委", level="street",
                         parent_id="410305", street_id=STREET),
            Organization(id="410305001", name="湖北路街道党工委", level="street",
                         parent_id="410305", street_id="410305001")]
    for cid, name in ((C1, "武汉路社区"), (C3, "秦岭路社区"), (C4, "洛外社区"),
                      (C5, "广文路社区"), (C6, "谷水西社区")):
        orgs.append(Organization(id=cid, name=name, level="community", parent_id=STREET,
                                 street_id=STREET, community_id=cid, community_type="old"))
    orgs.append(Organization(id="410305001001", name="唐村社区", level="community",
                             parent_id="410305001", street_id="410305001",
                             community_id="410305001001", community_type="village_to_residence"))
    return orgs


@pytest.fixture
def district(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """A store holding 涧西区, two streets and six communities, and nothing else."""
    store = EmbeddedStore(tmp_path / "graph.db")
    store.upsert(_district())
    yield store
    store.close()


@pytest.fixture
def with_units(district: EmbeddedStore) -> EmbeddedStore:
    import_file(district, SAMPLES / "units.csv", "units")
    return district


def _csv(tmp_path: Path, text: str, name: str = "list.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _rejected(store: EmbeddedStore, path: Path, kind: str) -> list[RowProblem]:
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, kind)
    return info.value.problems


# -- each format -----------------------------------------------------------------------

def test_the_needs_csv_sample_imports_with_streets_filled_from_the_communities(
        district: EmbeddedStore) -> None:
    report = import_file(district, SAMPLES / "needs.csv", "needs")
    assert report.created == {"Need": 8}
    assert report.rows == 8
    need = district.get(Need, "N-WHL-0001")
    assert (need.community_id, need.street_id) == (C1, STREET)
    assert (need.category, need.urgency, need.online_ok) == ("elderly_care", 3, False)
    assert (need.start, need.end) == (dt.date(2026, 3, 1), dt.date(2026, 12, 31))
    assert district.get(Need, "N-WHL-0003").start == dt.date(2026, 3, 2)  # 2026年3月2日
    assert district.get(Need, "N-WHL-0002").start == dt.date(2026, 3, 1)  # 2026/3/1
    assert district.get(Need, "N-WHL-0008").online_ok is True  # Y


def test_the_needs_xlsx_sample_holds_the_same_needs_as_the_csv(
        district: EmbeddedStore, tmp_path: Path) -> None:
    import_file(district, SAMPLES / "needs.xlsx", "needs")
    from_xlsx = {n.id: n for n in district.list(Need, size=100).items}
    other = EmbeddedStore(tmp_path / "other.db")
    other.upsert(_district())
    import_file(other, SAMPLES / "needs.csv", "needs")
    from_csv = {n.id: n for n in other.list(Need, size=100).items}
    other.close()
    assert from_xlsx == from_csv
    assert import_file(district, SAMPLES / "needs.csv", "needs").changed == 0


def test_the_json_sample_imports_items_with_english_or_chinese_keys(
        district: EmbeddedStore) -> None:
    report = import_file(district, SAMPLES / "needs.json", "needs")
    assert report.created == {"Need": 3}
    assert district.get(Need, "N-WHL-0101").category == "public_safety"
    second = district.get(Need, "N-WHL-0102")
    assert (second.category, second.start) == ("environment", dt.date(2026, 4, 1))


def test_a_plain_json_list_is_accepted(district: EmbeddedStore, tmp_path: Path) -> None:
    path = tmp_path / "needs.json"
    path.write_text(json.dumps([{"编号": "N1", "标题": "助餐", "类别": "助餐", "所属社区": C1,
                                 "数量": 3, "计量单位": "次"}], ensure_ascii=False),
                    encoding="utf-8")
    assert import_file(district, path, "needs").created == {"Need": 1}


def test_the_samples_load_in_order_into_an_empty_store(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "empty.db")
    reports = [import_file(store, SAMPLES / f"{kind}.csv", kind)
               for kind in ("organizations", "units", "needs", "resources")]
    assert [r.created for r in reports] == [
        {"Organization": 10}, {"ResidentUnit": 7, "relationships": 8}, {"Need": 8},
        {"Resource": 8}]
    community = store.get(Organization, C4)
    assert (community.street_id, community.community_id, community.weak) == (STREET, C4, True)
    branch = store.get(Organization, "410305008001-B01")
    assert (branch.street_id, branch.community_id) == (STREET, C1)
    unit = store.get(ResidentUnit, "U-JX-0001")
    assert (unit.kind, unit.street_id, unit.staff) == ("school", STREET, 86)
    assert {r.dst for r in store.relationships("REGISTERED_WITH", src="U-JX-0001")} == {C1, C3}
    resource = store.get(Resource, "R-JX-0003")
    assert (resource.mode, resource.street_id, resource.capacity) == ("online", STREET, 24)
    store.close()


# -- idempotence ----------------------------------------------------------------------

def test_importing_the_same_file_twice_changes_nothing_the_second_time(
        with_units: EmbeddedStore) -> None:
    import_file(with_units, SAMPLES / "resources.csv", "resources")
    before = with_units.counts()
    version = with_units.get(Resource, "R-JX-0001").version
    again = import_file(with_units, SAMPLES / "resources.csv", "resources")
    assert (again.created, again.updated, again.unchanged) == ({}, {}, {"Resource": 8})
    assert again.changed == 0
    assert with_units.counts() == before
    assert with_units.get(Resource, "R-JX-0001").version == version
    units_again = import_file(with_units, SAMPLES / "units.csv", "units")
    assert units_again.changed == 0


def test_a_changed_row_is_updated_and_columns_not_in_the_file_keep_their_values(
        district: EmbeddedStore, tmp_path: Path) -> None:
    import_file(district, SAMPLES / "needs.csv", "needs")
    path = _csv(tmp_path, "编号,数量,标题,类别,所属社区,计量单位\n"
                          f"N-WHL-0001,50,独居老人每周助餐,助餐,{C1},次\n")
    report = import_file(district, path, "needs")
    assert (report.updated, report.created) == ({"Need": 1}, {})
    need = district.get(Need, "N-WHL-0001")
    assert (need.quantity, need.urgency, need.end) == (50, 3, dt.date(2026, 12, 31))
    assert need.version == 2


# -- bad input --------------------------------------------------------------------------

def test_the_malformed_needs_sample_reports_every_bad_row_and_writes_nothing(
        district: EmbeddedStore) -> None:
    before = district.counts()
    with pytest.raises(ImportRejected, match="第 3 行「数量」：须为整数，收到「abc」") as info:
        import_file(district, SAMPLES / "needs_bad.csv", "needs")
    where = [(p.row, p.column) for p in info.value.problems]
    assert where == [
        (3, "数量"),        # wrong type
        (4, "所属社区"),    # a community that exists nowhere
        (5, "编号"),        # duplicate id
        (6, "类别"),        # unknown category
        (7, "结束日期"),    # end before start
        (8, "数量"),        # negative quantity
        (9, "紧急程度"), (9, "可线上"), (9, "纬度"),  # bad words, swapped coordinates
        (10, "开始日期"),   # 2026-02-30
        # row 11 has no id: it gets one derived from its community and title
    ]
    text = str(info.value)
    assert "第 5 行「编号」：编号「N-BAD-0001」与第 2 行重复" in text
    assert "第 6 行「类别」：未知的类别「宠物美容」" in text
    assert "第 7 行「结束日期」：结束日期 2026-03-01 早于开始日期 2026-12-31" in text
    assert "第 8 行「数量」：须大于 0，收到 -3" in text
    assert "纬度和经度填反了" in text
    assert len(text.splitlines()) == 1 + len(where)
    assert district.counts() == before
    assert district.get_many(Need, ["N-BAD-0001"]) == {}


def test_the_malformed_resources_workbook_reports_every_bad_row(
        with_units: EmbeddedStore) -> None:
    before = with_units.counts()
    with pytest.raises(ImportRejected, match="第 3 行「提供单位」：提供单位「U-JX-0999」") as info:
        import_file(with_units, SAMPLES / "resources_bad.xlsx", "resources")
    assert [(p.row, p.column) for p in info.value.problems] == [
        (3, "提供单位"), (4, "数量"), (5, "服务方式"), (6, "服务半径"), (6, "结束日期"),
        (7, "类别"), (8, "计量单位")]
    assert with_units.counts() == before


def test_one_bad_row_at_the_end_rejects_the_whole_file(
        district: EmbeddedStore, tmp_path: Path) -> None:
    rows = "".join(f"N{i},助餐,助餐,{C1},5,次\n" for i in range(50))
    path = _csv(tmp_path,
                "编号,标题,类别,所属社区,数量,计量单位\n" + rows + "N99,助餐,助餐,C9,5,次\n")
    with pytest.raises(ImportRejected, match="第 52 行「所属社区」"):
        import_file(district, path, "needs")
    assert "Need" not in district.counts()


def test_missing_columns_are_reported_once_for_the_header_and_unknown_ones_ignored(
        district: EmbeddedStore, tmp_path: Path) -> None:
    path = _csv(tmp_path, "编号,标题,所属社区,数量,紧急成度,序号\n"
                          f"N1,助餐,{C1},5,紧急,1\nN2,理发,{C1},5,一般,2\n")
    problems = _rejected(district, path, "needs")
    assert [(p.row, p.column) for p in problems] == [(1, "类别"), (1, "计量单位")]
    assert "缺少必填列" in problems[0].message
    path = _csv(tmp_path, "编号,标题,类别,所属社区,数量,计量单位,紧急成度\n"
                          f"N1,助餐,日间照料,{C1},5,次,紧急\n")
    report = import_file(district, path, "needs")
    assert report.warnings == ["以下列未使用，已忽略：紧急成度"]


def test_a_street_that_contradicts_the_community_is_reported(
        district: EmbeddedStore, tmp_path: Path) -> None:
    path = _csv(tmp_path, "编号,标题,类别,所属社区,所属街道,数量,计量单位\n"
                          f"N1,助餐,助餐,{C1},410305001,5,次\nN2,助餐,助餐,{STREET},{STREET},5,次\n")
    with pytest.raises(ImportRejected, match="属于街道「410305008」，与填写的「410305001」不一致"
                       ) as info:
        import_file(district, path, "needs")
    assert "第 3 行「所属社区」：「410305008」是街道党工委「武汉路街道党工委」，不是社区党组织" \
        in str(info.value)


def test_an_id_in_scientific_notation_gets_an_explanation(
        district: EmbeddedStore, tmp_path: Path) -> None:
    path = _csv(tmp_path, "编号,标题,类别,所属社区,数量,计量单位\nN1,助餐,助餐,4.10305E+11,5,次\n")
    with pytest.raises(ImportRejected, match="第 2 行「所属社区」：编号被 Excel 显示成了科学计数"):
        import_file(district, path, "needs")


def test_an_id_used_by_another_kind_is_refused(district: EmbeddedStore, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"编号,标题,类别,所属社区,数量,计量单位\n{C3},助餐,助餐,{C1},5,次\n")
    with pytest.raises(ImportRejected, match="已被党组织使用，不能再用于需求"):
        import_file(district, path, "needs")


def test_an_organization_file_is_checked_for_parents_and_community_types(
        district: EmbeddedStore, tmp_path: Path) -> None:
    path = _csv(tmp_path, "编号,名称,层级,上级组织,社区类型\n"
                          "X1,新社区,社区,410305999,\nX2,某支部,小区党支部,,\n"
                          "X3,某联盟,联合体,X9,\n")
    problems = _rejected(district, path, "organizations")
    assert [(p.row, p.column) for p in problems] == [
        (2, "上级组织"), (2, "社区类型"), (3, "上级组织"), (4, "层级"), (4, "上级组织")]


def test_the_import_scope_keeps_rows_of_other_streets_out(
        district: EmbeddedStore, tmp_path: Path) -> None:
    path = _csv(tmp_path, "编号,标题,类别,所属社区,数量,计量单位\n"
                          f"N1,助餐,助餐,{C1},5,次\nN2,助餐,助餐,410305001001,5,次\n")
    with pytest.raises(ImportRejected, match="第 3 行：不在导入范围「410305008」之内"):
        import_file(district, path, "needs", scope=STREET)
    with pytest.raises(ImportRejected, match="导入范围「nowhere」不存在"):
        import_file(district, path, "needs", scope="nowhere")
    assert import_file(district, path, "needs", scope="410305").created == {"Need": 2}


# -- encodings, cells, files ----------------------------------------------------------

def test_a_gb18030_csv_saved_by_excel_is_read(district: EmbeddedStore, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"编号,标题,类别,所属社区,数量,计量单位,描述\r\n"
                          f"N1,独居老人助餐,养老,{C1},5,次,为𠀀家老人送餐\r\n",
                encoding="gb18030")
    assert import_file(district, path, "needs").created == {"Need": 1}
    need = district.get(Need, "N1")
    assert (need.title, need.category, need.description) == (
        "独居老人助餐", "elderly_care", "为𠀀家老人送餐")


def test_excel_date_cells_and_numeric_ids_are_read_as_dates_and_text(
        district: EmbeddedStore, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "说明"
    sheet = wb.create_sheet("需求清单")
    sheet.append(["编号", "标题", "类别", "所属社区", "数量", "计量单位", "开始日期", "结束日期"])
    sheet.append([1001, "助餐", "助餐", int(C1), 5.0, "次", dt.datetime(2026, 3, 1), 46387])
    path = tmp_path / "needs.xlsx"
    wb.save(path)
    assert import_file(district, path, "needs").created == {"Need": 1}
    need = district.get(Need, "1001")
    assert (need.community_id, need.quantity) == (C1, 5)
    assert (need.start, need.end) == (dt.date(2026, 3, 1), dt.date(2026, 12, 31))


def test_an_unknown_file_extension_is_one_clear_problem(
        district: EmbeddedStore, tmp_path: Path) -> None:
    path = tmp_path / "needs.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ImportRejected, match="不支持的文件类型「.pdf」") as info:
        import_file(district, path, "needs")
    assert info.value.problems == [RowProblem(None, None, info.value.problems[0].message)]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("needs.xls", b"\xd0\xcf\x11\xe0", "不支持旧版 Excel 文件"),
    ("needs.xlsx", b"not a zip", "无法读取 Excel 文件"),
    ("needs.json", b"{oops", "JSON 格式有误"),
    ("needs.json", b'{"rows": []}', "JSON 文件应是对象的列表"),
    ("needs.csv", b"", "文件是空的"),
    ("needs.csv", "编号,标题,类别,所属社区,数量,计量单位\n".encode(), "没有数据行"),
    ("needs.csv", b"\xff\xfe\x00\xd8\x00", "无法识别文件编码"),
], ids=["xls", "corrupt-xlsx", "bad-json", "json-without-items", "empty", "header-only",
        "unknown-encoding"])
def test_unreadable_files_are_rejected_without_a_traceback(
        district: EmbeddedStore, tmp_path: Path, name: str, content: bytes,
        message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=message):
        import_file(district, path, "needs")


def test_a_missing_file_and_an_unknown_kind_are_rejected(
        district: EmbeddedStore, tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="找不到文件"):
        import_file(district, tmp_path / "nothing.csv", "needs")
    with pytest.raises(ImportRejected, match="未知的清单类型「members」"):
        import_file(district, SAMPLES / "needs.csv", "members")


def test_parse_file_without_a_store_checks_the_file_alone(tmp_path: Path) -> None:
    nodes, relationships, problems = parse_file(SAMPLES / "organizations.csv",
                                                "organizations")
    assert (len(nodes), relationships, problems) == (10, [], [])
    _, _, problems = parse_file(SAMPLES / "needs.csv", "needs")
    assert {(p.column, p.message) for p in problems} == {
        ("所属街道", "无法确定所属街道，请填写此列")}
    copy = tmp_path / "needs.csv"
    shutil.copy(SAMPLES / "needs_bad.csv", copy)
    _, _, problems = parse_file(copy, "needs")
    assert (5, "编号") in [(p.row, p.column) for p in problems]


def test_json_items_are_numbered_as_items(district: EmbeddedStore, tmp_path: Path) -> None:
    path = tmp_path / "needs.json"
    path.write_text(json.dumps({"items": [
        {"id": "N1", "title": "助餐", "category": "助餐", "community_id": C1, "quantity": 2,
         "unit_of_measure": "次"},
        {"id": "N2", "title": "助餐", "category": "助餐", "community_id": C1,
         "quantity": "两次", "unit_of_measure": "次"}, 7]}), encoding="utf-8")
    with pytest.raises(ImportRejected, match="第 2 条「quantity」：须为整数，收到「两次」"):
        import_file(district, path, "needs")


# -- the Chinese messages of graph.validation -------------------------------------------

def test_validation_errors_become_chinese_messages_with_field_labels() -> None:
    with pytest.raises(ValidationError) as info:
        Need.model_validate({"id": "N 1", "title": "x" * 101, "category": "助餐",
                             "community_id": "C1", "quantity": "abc",
                             "unit_of_measure": "次", "status": "done", "extra": 1,
                             "start": "3月1日"})
    problems = {p.field: p.message for p in field_problems(info.value)}
    assert problems == {
        "id": "只能由字母、数字和 - _ . : 组成，并以字母或数字开头，收到「N 1」",
        "title": "不能超过 100 个字（现有 101 个字）",
        "street_id": "必填",
        "quantity": "须为整数，收到「abc」",
        "status": "只能是：开放（open）、已撤回（withdrawn），收到「done」",
        "extra": "不是可识别的字段",
        "start": "日期格式应为 2026-03-01，收到「3月1日」",
    }
    assert str(FieldProblem("quantity", "必填")) == "数量：必填"
    assert all(f in FIELD_LABELS for f in Need.model_fields)


def test_a_model_rule_keeps_its_own_message_without_the_english_prefix() -> None:
    with pytest.raises(ValidationError) as info:
        Need(id="N1", title="助餐", category="助餐", community_id="C1", street_id="S1",
             quantity=1, unit_of_measure="次", start=dt.date(2026, 3, 1),
             end=dt.date(2026, 1, 1))
    assert field_problems(info.value) == [
        FieldProblem("", "结束日期 2026-01-01 早于开始日期 2026-03-01")]
