"""How much of a file an import reads: the bounds every uploaded list is held to.

A street's list has hundreds of rows, a district's a few thousand; the defaults leave room
for that and refuse what would tie the server up (a one-cell bomb, millions of blank rows,
a JSON document nested a hundred thousand deep). The HTTP app takes them from
:class:`api.settings.Settings`; the CLI uses the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportLimits:
    """Bounds of one imported file; each error that refuses a file names its limit."""

    max_bytes: int = 5 * 1024 * 1024  # the file as uploaded
    max_unpacked_bytes: int = 50 * 1024 * 1024  # an XLSX's parts once unzipped
    max_rows: int = 20_000  # data rows (spreadsheet rows or JSON items)
    max_cell_chars: int = 2_000  # characters in one cell or JSON value
    max_json_depth: int = 4  # nesting of a JSON document: {"items": [{"registered_with": [..]}]}
    max_problems: int = 100  # problems listed in the answer; the rest are counted


DEFAULT_LIMITS = ImportLimits()
