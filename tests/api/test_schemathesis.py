"""schemathesis (a client nobody on the team wrote) generates requests from our OpenAPI document and checks
every answer against it: no server error, statuses and bodies as documented, invalid input refused.

Bounded: a few examples per operation (the whole file runs in well under a minute). Documented exceptions:
none at present (EXCLUDED is the place to add one, with the reason).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from mcfwatch.api.app import create_app

EXAMPLES = 8
EXCLUDED: dict[str, str] = {}
APP = create_app(hosts=["localhost", "testserver"])
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True, scope="module")
def _store(demo_db: Path) -> Iterator[None]:
    APP.state.db = demo_db
    yield
    APP.state.db = None


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_contract(case: schemathesis.Case) -> None:
    if case.operation.label in EXCLUDED:
        pytest.skip(EXCLUDED[case.operation.label])
    case.call_and_validate(headers={"Host": "localhost"}, timeout=300)  # a first call builds indexes
