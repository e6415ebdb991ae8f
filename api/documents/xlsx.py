"""A ledger (台账) as an Excel workbook: a merged title row, a header, frozen panes."""

from __future__ import annotations

import io
from dataclasses import dataclass

from api.documents.model import FONTS

__all__ = ["Sheet", "SheetColumn", "render_xlsx"]

Cell = str | int | float | None


@dataclass(frozen=True)
class SheetColumn:
    name: str
    width: float = 12  # in characters
    number_format: str = ""  # e.g. "0.0" for hours


@dataclass(frozen=True)
class Sheet:
    title: str  # the merged title row, e.g. 武汉路街道共建项目台账
    name: str  # the sheet's tab (at most 31 characters)
    columns: tuple[SheetColumn, ...]
    rows: tuple[tuple[Cell, ...], ...]
    footer: str = ""  # a line under the table, e.g. 制表日期


def render_xlsx(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name[:31])
        n = len(sheet.columns)
        ws.cell(row=1, column=1, value=sheet.title).font = Font(name=FONTS["heading"][0],
                                                               size=16)
        ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
        ws.row_dimensions[1].height = 30
        for c, col in enumerate(sheet.columns, 1):
            cell = ws.cell(row=2, column=c, value=col.name)
            cell.font = Font(name=FONTS["heading"][0], size=11)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
            ws.column_dimensions[get_column_letter(c)].width = col.width
        for r, values in enumerate(sheet.rows, 3):
            for c, (col, value) in enumerate(zip(sheet.columns, values, strict=True), 1):
                cell = ws.cell(row=r, column=c, value=value)
                cell.font = Font(name=FONTS["table"][0], size=11)
                cell.border = border
                cell.alignment = Alignment(vertical="center", wrap_text=True)
                if col.number_format:
                    cell.number_format = col.number_format
        if sheet.footer:
            ws.cell(row=len(sheet.rows) + 4, column=1, value=sheet.footer)
        ws.freeze_panes = "A3"
        ws.print_title_rows = "2:2"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
