"""The use cases, one function each, over a store and an :class:`~api.identity.Identity`.

Every function enforces scope itself (``require_read`` / ``require_write``), so HTTP, the
command line and tests get the same rules.

Modules: :mod:`.projects`, :mod:`.agreements`, :mod:`.records`, :mod:`.evaluations`,
:mod:`.needs_resources`, :mod:`.directory` (organizations, units, members),
:mod:`.lists` (file imports), :mod:`.dashboards`,
:mod:`.audit`, :mod:`.graph_export`, :mod:`.idempotency`. Match runs live in
:mod:`api.runs`.
"""
