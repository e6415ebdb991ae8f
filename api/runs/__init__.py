"""Match runs, in one place: the problem from a snapshot, the run and its publishing,
the Chinese explanations, and the use cases the HTTP routes and the CLI call.

::

    problem.py   snapshot -> matcher's problem; the parameters' one vocabulary
    explain.py   proposals and unserved needs as a person reads them
    engine.py    compute (draft), publish (one versioned write), compare
    background.py  run_match; runs stored as running, one per scope, written whole at
                 the end, marked failed after a restart; the worker thread
    service.py   scoped use cases: start, draft, compare, publish, list, read
"""

from api.runs.background import Runner, fail_interrupted, run_match
from api.runs.engine import By, RunSummary, compare, compute, live_run, publish
from api.runs.explain import FEATURE_NAMES, REASON_LABELS
from api.runs.problem import (
    DECLINED_STATES,
    PINNED_STATES,
    build_problem,
    demo_problem,
    demo_problem_apart,
    input_hash,
    params_dict,
    project_id,
    run_params,
)

__all__ = [
    "DECLINED_STATES",
    "FEATURE_NAMES",
    "PINNED_STATES",
    "REASON_LABELS",
    "By",
    "RunSummary",
    "Runner",
    "build_problem",
    "compare",
    "compute",
    "demo_problem",
    "demo_problem_apart",
    "fail_interrupted",
    "input_hash",
    "live_run",
    "params_dict",
    "project_id",
    "publish",
    "run_match",
    "run_params",
]
