"""The list export's XLSX writer: what it writes, openpyxl reads back as written."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import load_workbook

from api.web.xlsx import _column, sheet_xlsx


def test_a_sheet_reads_back_with_its_texts_numbers_and_dates() -> None:
    rows = [["N1", "给老人<送饭> & 陪诊", 3, 2.5, dt.date(2026, 3, 1), None],
            ["N2", "=HYPERLINK(\"http://x\")", 0, -1.25, dt.date(1999, 12, 31), "说明\n两行"]]
    data = sheet_xlsx("需求/清单", ["编号", "标题", "数量", "时长", "日期", "说明"], rows,
                      widths=[10, 30, 8, 8, 12, 20])
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet is not None
    assert sheet.title == "需求 清单"  # a slash cannot be in a sheet's name
    got = [[c.value for c in row] for row in sheet.iter_rows()]
    assert got[0] == ["编号", "标题", "数量", "时长", "日期", "说明"]
    assert got[1] == ["N1", "给老人<送饭> & 陪诊", 3, 2.5, dt.datetime(2026, 3, 1), None]
    # text stays text: a title that looks like a formula is not one
    assert got[2] == ["N2", "=HYPERLINK(\"http://x\")", 0, -1.25, dt.datetime(1999, 12, 31),
                      "说明\n两行"]
    assert sheet["B3"].data_type == "s"
    assert sheet["A1"].font.b and not sheet["A2"].font.b
    assert sheet["E2"].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 30


def test_characters_xml_cannot_carry_are_left_out_and_long_texts_cut() -> None:
    data = sheet_xlsx("x", ["a", "b"], [["a\x00b\x1fc", "长" * 40_000]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet["A2"].value == "abc"
    assert sheet["B2"].value == "长" * 32_767


def test_columns_are_lettered_past_z_and_the_package_has_its_parts() -> None:
    assert [_column(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]
    names = zipfile.ZipFile(io.BytesIO(sheet_xlsx("s", ["a"], []))).namelist()
    assert sorted(names) == sorted(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                    "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                    "xl/worksheets/sheet1.xml"])
