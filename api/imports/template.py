"""A downloadable XLSX template per list: the headers the importer reads, required ones
marked ＊, the category (and unit of measure) as a drop-down, a title row like an office's.

What a clerk fills in from it imports as it is (tests round-trip it).
"""

from __future__ import annotations

import io

from api.imports.columns import LAYOUTS
from graph.model import UNITS_OF_MEASURE
from graph.taxonomy import TAXONOMY

__all__ = ["template_xlsx"]

ROWS = 500  # rows that carry the drop-downs


def template_name(kind: str) -> str:
    """The template's file name as a clerk sees it (需求清单导入模板.xlsx)."""
    return f"{LAYOUTS[kind].label}清单导入模板.xlsx"


def template_xlsx(kind: str) -> bytes:
    """The template of ``kind`` (needs, resources, units, organizations)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    layout = LAYOUTS.get(kind)
    if layout is None:
        raise ValueError(f"未知的清单类型「{kind}」；可用：{'、'.join(LAYOUTS)}")
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has one sheet
    ws.title = f"{layout.label}清单"
    columns = layout.columns
    ws.cell(1, 1, f"{layout.label}清单（导入模板：带＊的列必填，从第 3 行起每行一条）")
    ws.cell(1, 1).font = Font(size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    lists = wb.create_sheet("类别")
    names = [TAXONOMY[c].name for c in TAXONOMY]
    for i, name in enumerate(names, 1):
        lists.cell(i, 1, name)
    for i, unit in enumerate(UNITS_OF_MEASURE, 1):
        lists.cell(i, 2, unit)
    lists.sheet_state = "hidden"
    for c, column in enumerate(columns, 1):
        cell = ws.cell(2, c, column.header + ("＊" if column.required else ""))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = max(10, 2.2 * len(column.header) + 4)
        source = {"category": f"类别!$A$1:$A${len(names)}",
                  "unit_of_measure": f"类别!$B$1:$B${len(UNITS_OF_MEASURE)}"}.get(column.field)
        if source:
            check = DataValidation(type="list", formula1=f"={source}", allow_blank=True,
                                   showErrorMessage=True, errorTitle="请从列表中选择",
                                   error=f"{column.header}请从下拉列表中选择")
            check.add(f"{letter}3:{letter}{ROWS + 2}")
            ws.add_data_validation(check)
    ws.freeze_panes = "A3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
