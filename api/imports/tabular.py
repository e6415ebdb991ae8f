"""Reading CSV, XLSX and JSON files into one shape: a header and numbered rows.

Street offices keep their lists in Excel and save CSV from it, often in GBK; so CSV is read
as UTF-8 (with or without BOM) and falls back to GB18030. Row numbers are the ones the
person sees in the spreadsheet: the header is row 1. A file that cannot be read at all
becomes one :class:`~api.imports.problems.RowProblem`, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from api.imports.limits import DEFAULT_LIMITS, ImportLimits
from api.imports.problems import ImportRejected, RowProblem

try:  # openpyxl parses with defusedxml when it is installed (a dependency of gongjian)
    from defusedxml import DefusedXmlException as _Defused

    XML_ERRORS: tuple[type[Exception], ...] = (_Defused, SyntaxError)
except ImportError:  # pragma: no cover - defusedxml is a dependency
    XML_ERRORS = (SyntaxError,)

_WORKBOOK_ERRORS: tuple[type[Exception], ...] = (
    *XML_ERRORS, zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError, TypeError)

FORMATS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
           ".json": "json"}


@dataclass
class Table:
    """A file's header (as written) and its non-empty rows, numbered as the person sees them."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    item: str = "行"  # how a row is called in messages: 行 (spreadsheet) or 条 (JSON item)
    header_row: int | None = 1  # None for JSON, whose keys repeat in every item
    problems: list[RowProblem] = field(default_factory=list)  # rows that are not rows at all


def read_table(path: Path, sheet_names: tuple[str, ...] = (),
               limits: ImportLimits = DEFAULT_LIMITS) -> Table:
    """The table in ``path``; :class:`ImportRejected` when the file cannot be read.

    ``sheet_names``: for a workbook, a sheet with one of these names is read before the
    first sheet. ``limits``: a file over any of them is refused, naming the limit; rows
    are read no further than the row limit.
    """
    if not path.exists():
        raise _rejected(path, f"找不到文件 {path}")
    if not path.is_file():
        raise _rejected(path, f"{path} 不是文件")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _rejected(path, "不支持旧版 Excel 文件（.xls）；请在 Excel 中“另存为” .xlsx 或 CSV")
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise _rejected(path, f"不支持的文件类型「{path.suffix or '无扩展名'}」；"
                              "请使用 CSV、XLSX 或 JSON 文件")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise _rejected(path, f"文件有 {_mb(size)}，超过上限 {_mb(limits.max_bytes)}；"
                                  "请拆分成几份分别导入")
        data = path.read_bytes()
    except OSError as e:
        raise _rejected(path, f"无法读取文件：{e.strerror or e}") from None
    if fmt == "csv":
        table = _csv(path, data, limits)
    elif fmt == "json":
        table = _json(path, data, limits)
    else:
        table = _xlsx(path, data, sheet_names, limits)
    _check_cells(table, limits)
    return table


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} 字节"


def _too_many_rows(path: Path, limits: ImportLimits) -> ImportRejected:
    return _rejected(path, f"文件超过 {limits.max_rows} 行数据的上限；请拆分成几份分别导入")


def _check_cells(table: Table, limits: ImportLimits) -> None:
    """Cells longer than the limit become problems (and are not kept in memory)."""
    cap = limits.max_cell_chars
    for number, cells in table.rows:
        for i, cell in enumerate(cells):
            if isinstance(cell, str) and len(cell) > cap:
                header = table.headers[i] if i < len(table.headers) else f"第 {i + 1} 列"
                table.problems.append(RowProblem(
                    number, header or f"第 {i + 1} 列",
                    f"内容有 {len(cell)} 个字符，超过每格 {cap} 个字符的上限", item=table.item))
                cells[i] = None
    for i, header in enumerate(table.headers):
        if len(header) > cap:
            table.problems.append(RowProblem(table.header_row, f"第 {i + 1} 列",
                                             f"表头超过 {cap} 个字符的上限", item=table.item))
            table.headers[i] = header[:64]


def _rejected(path: Path, message: str) -> ImportRejected:
    return ImportRejected([RowProblem(None, None, message)], source=path.name)


def _decode(path: Path, data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _rejected(path, "无法识别文件编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")


def _csv(path: Path, data: bytes, limits: ImportLimits) -> Table:
    text = _decode(path, data)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    grid: list[tuple[int, list[Any]]] = []
    try:
        for i, record in enumerate(csv.reader(io.StringIO(text, newline=""),
                                              delimiter=delimiter), start=1):
            if any(_filled(c) for c in record):
                grid.append((i, list(record)))
                if len(grid) > limits.max_rows + 1:  # the header and the rows
                    raise _too_many_rows(path, limits)
    except csv.Error as e:
        raise _rejected(path, f"CSV 格式有误：{e}") from None
    return _from_grid(path, grid)


def _xlsx(path: Path, data: bytes, sheet_names: tuple[str, ...],
          limits: ImportLimits) -> Table:
    from openpyxl import load_workbook

    _check_unpacked(path, data, limits)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and data validation it does not read; not ours
            warnings.simplefilter("ignore")
            # not read-only: merged cells are only known to a fully loaded sheet
            wb = load_workbook(io.BytesIO(data), data_only=True)
            try:
                wanted = {n.lower() for n in sheet_names}
                ws = next((wb[n] for n in wb.sheetnames if n.strip().lower() in wanted),
                          wb.worksheets[0])
                _fill_merged(ws)
                grid: list[tuple[int, list[Any]]] = []
                # blank rows count too: a sheet of a million empty rows is refused quickly
                for i, r in enumerate(ws.iter_rows(values_only=True), start=1):
                    if i > 2 * limits.max_rows + 1000:
                        raise _too_many_rows(path, limits)
                    if any(_filled(c) for c in r):
                        grid.append((i, list(r)))
                        if len(grid) > limits.max_rows + 1:
                            raise _too_many_rows(path, limits)
            finally:
                wb.close()
    except ImportRejected:
        raise
    except _WORKBOOK_ERRORS as e:
        xml = next((x for x in (e, e.__cause__, e.__context__) if isinstance(x, XML_ERRORS)),
                   None)
        if xml is not None:  # openpyxl wraps defusedxml's refusal in a ValueError
            raise _rejected(path, f"Excel 文件含有不允许的 XML 内容（{type(xml).__name__}，"
                                  "如实体定义）；请在 Excel 中另存为新的 .xlsx 后再导入") from None
        raise _rejected(path, f"无法读取 Excel 文件（{type(e).__name__}）；"
                              "请确认它是 .xlsx 工作簿并且没有损坏或加密") from None
    return _from_grid(path, grid)


def _check_unpacked(path: Path, data: bytes, limits: ImportLimits) -> None:
    """A workbook whose parts unzip to more than the limit is refused before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says what is wrong with it
    if unpacked > limits.max_unpacked_bytes:
        raise _rejected(path, f"Excel 文件解压后有 {_mb(unpacked)}，超过上限 "
                              f"{_mb(limits.max_unpacked_bytes)}；请删去多余的内容或拆分后导入")


def _fill_merged(ws: Any) -> None:
    """Every cell of a merged range holds the range's value (a community merged over the
    rows of its needs belongs to each of them)."""
    for merged in list(ws.merged_cells.ranges):
        value = ws.cell(merged.min_row, merged.min_col).value
        ws.unmerge_cells(str(merged))
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                ws.cell(row, col).value = value


def _from_grid(path: Path, grid: list[tuple[int, list[Any]]]) -> Table:
    grid = [(i, r) for i, r in grid if any(_filled(c) for c in r)]
    if not grid:
        raise _rejected(path, "文件是空的：没有表头，也没有数据行")
    header_row, header = grid[0]
    headers = [_header_text(c) for c in header]
    rows = [(i, r) for i, r in grid[1:]]
    width = max([len(headers), *(len(r) for _, r in rows)])
    headers += [""] * (width - len(headers))
    # drop trailing columns with neither header nor data (Excel's formatted blank cells)
    while headers and not headers[-1] and not any(
            len(r) >= len(headers) and _filled(r[len(headers) - 1]) for _, r in rows):
        headers.pop()
    n = len(headers)
    return Table(headers, [(i, (r + [None] * n)[:n]) for i, r in rows], header_row=header_row)


def _json(path: Path, data: bytes, limits: ImportLimits) -> Table:
    text = _decode(path, data)
    depth = _depth(text)
    if depth > limits.max_json_depth:
        raise _rejected(path, f"JSON 嵌套 {depth} 层，超过 {limits.max_json_depth} 层的上限；"
                              "清单应是对象的列表")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise _rejected(path, f"JSON 格式有误：第 {e.lineno} 行第 {e.colno} 列，{e.msg}") from None
    items = doc.get("items") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise _rejected(path, "JSON 文件应是对象的列表，或形如 {\"items\": [...]} 的对象")
    if len(items) > limits.max_rows:
        raise _too_many_rows(path, limits)
    headers: list[str] = []
    for item in items:
        if isinstance(item, dict):
            headers.extend(str(k) for k in item if str(k) not in headers)
    table = Table(headers, item="条", header_row=None)
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            table.problems.append(
                RowProblem(i, None, "应是一个对象（{\"字段\": 值, …}）", item="条"))
            continue
        values = {str(k): v for k, v in item.items()}
        table.rows.append((i, [values.get(h) for h in headers]))
    return table


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """How deep brackets nest in a JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(_STRINGS.sub("", text)):
        if m.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _header_text(value: Any) -> str:
    return "" if value is None else str(value).strip().lstrip("\ufeff")
