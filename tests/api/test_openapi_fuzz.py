"""Property-based requests generated from the app's own OpenAPI schema (schemathesis).

Bounded for CI: every operation gets up to ``MAX_EXAMPLES`` generated requests (valid and
invalid), signed in as the district administrator over the matrix world. Checks: no 5xx,
documented status codes, documented content types, and bodies that match the schema.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.test_access_matrix import build
from tests.api.world import Api

# the suite's bounded run; the fuller one of the README sets the environment:
# GONGJIAN_FUZZ_EXAMPLES=30 GONGJIAN_FUZZ_ROLES=district,community
MAX_EXAMPLES = int(os.environ.get("GONGJIAN_FUZZ_EXAMPLES", "25"))
ROLES = os.environ.get("GONGJIAN_FUZZ_ROLES", "district").split(",")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]

pytestmark = pytest.mark.filterwarnings(
    "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture(scope="module")
def fuzz_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    api = build(tmp_path_factory.mktemp("fuzz"))
    with api.client:
        yield api


@pytest.mark.parametrize("role", ROLES)
def test_no_server_error_and_every_response_matches_the_schema(fuzz_api: Api,
                                                               role: str) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_api.app)
    headers = fuzz_api.headers(role)
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
                      suppress_health_check=list(HealthCheck), database=None)
            def run(case: Any) -> None:
                case.call_and_validate(headers=headers, checks=CHECKS)

            try:
                run()
            except Unsatisfiable:
                pass  # nothing to make invalid: a free-text path parameter takes anything
            except Exception as e:  # collect every operation's failure, then report all
                failures.append(f"{operation.label} [{mode.value}]: {str(e)[:1500]}")
    assert operations >= 40
    assert not failures, "\n\n".join(failures)
