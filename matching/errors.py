"""The matcher's exceptions, one small tree.

::

    MatchingError            anything the matcher refuses
    ├── ProblemError         the problem is malformed (names the need, resource or pair)
    ├── ParamsError          a parameter is out of range
    ├── UnknownMethod        ``match(method=...)`` names no method (lists the valid ones)
    └── ResultInvalid        a result breaks a rule (raised by ``check_result``)

Expected outcomes (an unmatched need, a time limit, a minimum share that cannot hold)
are fields of the result, never exceptions.
"""

from __future__ import annotations


class MatchingError(Exception):
    """Base class of every error the matcher raises."""


class ProblemError(MatchingError, ValueError):
    """The problem is malformed; the message names the culprit."""


class ParamsError(MatchingError, ValueError):
    """A matching parameter is out of range; the message names it."""


class UnknownMethod(MatchingError, ValueError):
    """``match`` was asked for a method it does not have."""


class ResultInvalid(MatchingError):
    """A result violates a rule of its problem; the message names the violation."""
