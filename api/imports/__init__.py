"""Importing the lists street offices keep: needs, resources, units and organizations.

CSV (UTF-8 or GB18030), XLSX and JSON, with Chinese or English headers; the column layout
is documented in ``seed/samples/README.md``. A file is checked whole: with any problem it
is rejected (:class:`ImportRejected`, listing every problem by row and column) and nothing
is written; a good file is written in one transaction, and importing it again changes
nothing.

Modules: :mod:`~api.imports.tabular` reads files into rows, :mod:`~api.imports.columns`
holds the column layouts and cell readers, :mod:`~api.imports.limits` the bounds of a
file, :mod:`~api.imports.service` the use case.
"""

from api.imports.columns import LAYOUTS, Column, Layout
from api.imports.limits import DEFAULT_LIMITS, ImportLimits
from api.imports.problems import ImportRejected, RowProblem
from api.imports.service import KINDS, ImportReport, import_file, parse_file
from api.imports.template import template_name, template_xlsx

__all__ = ["DEFAULT_LIMITS", "KINDS", "LAYOUTS", "Column", "ImportLimits", "ImportRejected",
           "ImportReport", "Layout", "RowProblem", "import_file", "parse_file", "template_name",
           "template_xlsx"]
