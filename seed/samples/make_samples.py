"""Write the Excel samples: ``needs.xlsx`` from the rows of ``needs.csv``, and the
malformed ``resources_bad.xlsx``. Run from anywhere: ``python seed/samples/make_samples.py``.

Dates are written as real Excel date cells and numbers as numbers, the way a clerk's
workbook holds them, so the importer's handling of typed cells is exercised.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent


def _typed(header: str, value: str) -> Any:
    if value == "":
        return None
    if "日期" in header:
        m = re.match(r"(\d{4})\D+(\d{1,2})\D+(\d{1,2})", value)
        if m:
            return dt.datetime(int(m[1]), int(m[2]), int(m[3]))
    if header in ("数量", "纬度", "经度", "服务半径") and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value) if "." in value else int(value)
    return value


def _write(path: Path, sheet: str, header: list[str], rows: list[list[Any]]) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd"
    for column in ws.columns:
        ws.column_dimensions[column[0].column_letter].width = 16
    # a fixed timestamp so regenerating the file gives the same bytes
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    wb.save(path)


def needs_xlsx() -> None:
    with (HERE / "needs.csv").open(encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    _write(HERE / "needs.xlsx", "需求清单", header,
           [[_typed(h, v) for h, v in zip(header, row, strict=True)] for row in rows])


def resources_bad_xlsx() -> None:
    header = ["编号", "标题", "类别", "提供单位", "数量", "计量单位", "服务方式", "服务半径",
              "开始日期", "结束日期"]
    d = dt.datetime
    rows: list[list[Any]] = [
        ["R-BAD-0001", "教师志愿者课业辅导", "课业辅导", "U-JX-0001", 40, "小时", "到社区", 3,
         d(2026, 3, 1), d(2026, 7, 15)],                     # row 2: good
        ["R-BAD-0002", "家庭医生义诊", "义诊", "U-JX-0999", 12, "次", "到社区", 5,
         d(2026, 3, 1), d(2026, 12, 31)],                    # row 3: unknown unit
        ["R-BAD-0003", "周末多功能厅", "场地", "U-JX-0003", 0, "场", "到单位", 5,
         d(2026, 3, 1), d(2026, 12, 31)],                    # row 4: capacity 0
        ["R-BAD-0004", "快递代收", "快递", "U-JX-0005", 100, "件", "寄送", 2,
         d(2026, 3, 1), d(2026, 12, 31)],                    # row 5: unknown service mode
        ["R-BAD-0005", "社工心理疏导", "心理服务", "U-JX-0006", 20, "次", "到社区", "很远",
         d(2026, 9, 1), d(2026, 3, 1)],                      # row 6: bad reach; end < start
        ["R-BAD-0006", "宠物寄养", "宠物寄养", "U-JX-0001", 10, "场", "到社区", 3,
         d(2026, 3, 1), d(2026, 6, 30)],                     # row 7: unknown category
        ["R-BAD-0007", "助老资金", "资金", "U-JX-0003", 5000, "块", "到社区", 10,
         d(2026, 3, 1), d(2026, 12, 31)],                    # row 8: unknown unit of measure
    ]
    _write(HERE / "resources_bad.xlsx", "资源清单", header, rows)


if __name__ == "__main__":
    needs_xlsx()
    resources_bad_xlsx()
    print(f"已生成 {HERE / 'needs.xlsx'} 和 {HERE / 'resources_bad.xlsx'}")
