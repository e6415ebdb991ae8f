"""One error shape for everything, unexpected exceptions included: the answer carries a
request id and a Chinese message, never a traceback; the log carries the id and the
traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.world import Api, make_api


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    a = make_api(tmp_path)

    def boom() -> None:
        raise RuntimeError("内部细节 /srv/secret.py line 42")

    a.app.add_api_route("/api/test-boom", boom, methods=["GET"])
    with a.client:
        yield a


def test_an_unexpected_exception_answers_the_error_shape_with_a_request_id(
        api: Api, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="gongjian.api"):
        r = api.client.get("/api/test-boom", headers=api.headers("street"))
    assert r.status_code == 500
    assert r.headers["content-type"].startswith("application/json")
    error = r.json()["error"]
    assert error["code"] == "internal_error"
    rid = error["request_id"]
    assert rid and r.headers["X-Request-ID"] == rid and rid in error["message"]
    assert "服务器内部错误" in error["message"]
    assert "Traceback" not in r.text and "secret.py" not in r.text
    logged = [rec for rec in caplog.records if rid in rec.getMessage()]
    assert logged and logged[0].exc_info is not None


def test_every_answer_carries_its_request_id(api: Api) -> None:
    ok = api.client.get("/api/needs", headers=api.headers("street"))
    missing = api.client.get("/api/needs/N-NONE", headers=api.headers("street"))
    invalid = api.client.get("/api/needs", headers=api.headers("street"),
                             params={"urgency": "9223372036854775808"})
    assert ok.headers["X-Request-ID"] != missing.headers["X-Request-ID"]
    assert missing.json()["error"]["request_id"] == missing.headers["X-Request-ID"]
    assert invalid.status_code == 422
    assert invalid.json()["error"]["request_id"] == invalid.headers["X-Request-ID"]


def test_a_deeply_nested_json_import_is_a_422_not_a_500(api: Api) -> None:
    r = api.client.post("/api/imports", headers=api.headers("street"), data={"kind": "needs"},
                        files={"file": ("n.json", b"[" * 100_000 + b"]" * 100_000,
                                        "application/json")})
    assert r.status_code == 422 and r.json()["error"]["code"] == "import_rejected"
    assert "嵌套" in r.json()["error"]["message"]
