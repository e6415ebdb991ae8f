"""What can be wrong with an imported file, and the exception that rejects it whole."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class RowProblem:
    """One thing wrong in a file.

    ``row`` is the row number as the person sees it in the spreadsheet (the header is row
    1, the first data row is row 2); for JSON it is the item's position, from 1. ``None``
    means the whole file. ``column`` is the header exactly as written in the file (or the
    expected header for a missing column); ``None`` means the whole row.
    """

    row: int | None
    column: str | None
    message: str
    item: str = "行"  # "行" for a spreadsheet row, "条" for a JSON item

    def __str__(self) -> str:
        where = "" if self.row is None else f"第 {self.row} {self.item}"
        if self.column is not None:
            where += f"「{self.column}」"
        return f"{where}：{self.message}" if where else self.message


class ImportRejected(Exception):
    """A file with problems: nothing of it was written.

    ``problems`` lists the first ``limit`` of them (in file order), ``omitted`` counts the
    rest, so a file with a million bad rows answers with a short message.
    """

    code = "import_rejected"

    def __init__(self, problems: Iterable[RowProblem], source: str = "",
                 limit: int | None = None) -> None:
        ordered = sorted(problems, key=_order)
        cut = len(ordered) if limit is None else max(limit, 1)
        self.problems = ordered[:cut]
        self.omitted = len(ordered) - len(self.problems)
        self.source = source
        super().__init__(str(self))

    @property
    def total(self) -> int:
        return len(self.problems) + self.omitted

    def __str__(self) -> str:
        name = f"文件 {self.source} " if self.source else "文件"
        if self.total == 1 and self.problems[0].row is None:
            return f"{name}未导入：{self.problems[0]}"
        head = f"{name}有 {self.total} 处问题，整份文件未导入："
        tail = [f"（另有 {self.omitted} 处问题未列出）"] if self.omitted else []
        return "\n".join([head, *(str(p) for p in self.problems), *tail])


def _order(p: RowProblem) -> tuple[int, int]:
    # whole-file problems first, then by row; the column order within a row is kept
    return (-1 if p.row is None else p.row, 0)
