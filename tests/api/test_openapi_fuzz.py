"""Property-based requests generated from the app's own OpenAPI schema (schemathesis).

Bounded for CI: every operation gets up to ``MAX_EXAMPLES`` generated requests per mode
(valid and invalid), signed in as each role of ``ROLES`` over the matrix world. Every
check schemathesis has runs on every answer (no 5xx, documented status codes, content
types and headers, bodies matching the schema, invalid data refused, valid data accepted,
auth not ignored, unsupported methods refused...). Each answer is checked by every check
separately, so the closing line counts the examples and the failures of each check.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig

from tests.api.test_access_matrix import build
from tests.api.world import Api

# the suite's bounded run; the fuller one of the README sets the environment:
# GONGJIAN_FUZZ_EXAMPLES=30 GONGJIAN_FUZZ_ROLES=district,community
MAX_EXAMPLES = int(os.environ.get("GONGJIAN_FUZZ_EXAMPLES", "25"))
ROLES = os.environ.get("GONGJIAN_FUZZ_ROLES", "district").split(",")
load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())
# Valid data by the schema may still break a rule the schema cannot state (a project that
# must exist, projects of one community, the columns of an uploaded file, a code that must
# be one of the taxonomy's): the API answers those 422 with the field named; a 5xx is
# never accepted (schemathesis' default list has it).
CONFIG = SchemathesisConfig.from_dict({"checks": {"positive_data_acceptance": {
    "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]}}})

pytestmark = pytest.mark.filterwarnings(
    "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture
def fuzz_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    # one app per role: schemathesis runs the app's lifespan, whose end closes the store
    api = build(tmp_path_factory.mktemp("fuzz"))
    with api.client:
        # the first suggestion loads the e5 model (seconds on a busy machine, over the
        # fuzzer's 10 s request timeout): load it once before the generated requests
        api.client.get("/api/categories/suggest", params={"title": "法律咨询"},
                       headers=api.headers("district"))
        yield api


@dataclass
class Tally:
    failures: dict[tuple[str, str], str] = field(default_factory=dict)  # first failure
    failed: Counter[str] = field(default_factory=Counter)  # check -> failed answers
    examples: Counter[str] = field(default_factory=Counter)  # operation -> requests
    statuses: Counter[int] = field(default_factory=Counter)


def fuzz(operation: Any, mode: GenerationMode, headers: dict[str, str], tally: Tally) -> None:
    """Up to ``MAX_EXAMPLES`` requests of ``mode`` to ``operation``, every answer checked
    by every check on its own."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck), database=None)
    def run(case: Any) -> None:
        response = case.call(headers=headers)
        tally.examples[operation.label] += 1
        tally.statuses[response.status_code] += 1
        for check in ALL_CHECKS:
            try:
                case.validate_response(response, checks=[check], headers=headers)
            except (Exception, BaseExceptionGroup) as e:  # count it, keep the first
                tally.failed[check.__name__] += 1
                tally.failures.setdefault((operation.label, check.__name__),
                                          f"[{mode.value}] {str(e)[:1200]}")

    with contextlib.suppress(Unsatisfiable):  # nothing to make invalid: free text
        run()


@pytest.mark.parametrize("role", ROLES)
def test_no_server_error_and_every_response_passes_every_check(
        fuzz_api: Api, role: str, capsys: pytest.CaptureFixture[str]) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_api.app, config=CONFIG)
    headers = fuzz_api.headers(role)
    tally = Tally()
    for result in schema.get_all_operations():
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(result.ok(), mode, headers, tally)
    examples, failed = tally.examples, tally.failed
    with capsys.disabled():
        print(f"\nschemathesis as {role}: {len(examples)} operations, "
              f"{sum(examples.values())} examples (fewest for one operation: "
              f"{min(examples.values())}), {len(ALL_CHECKS)} checks; server errors "
              f"{failed['not_a_server_error']}, response-schema violations "
              f"{failed['response_schema_conformance']}, failed checks {sum(failed.values())}; "
              f"statuses {dict(sorted(tally.statuses.items()))}")
    assert len(examples) >= 40
    assert not tally.failures, "\n\n".join(
        f"{op} · {check}: {text}" for (op, check), text in sorted(tally.failures.items()))
