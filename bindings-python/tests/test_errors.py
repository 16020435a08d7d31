"""Every exception class, raised for the server answer (or failure) that calls for it."""

from __future__ import annotations

import builtins
import pickle
import signal
import time

import pytest

import iqtech
from iqtech.testing import Sandbox

from conftest import person, run, unique


def test_hierarchy() -> None:
    api: list[type[iqtech.IqtechError]] = [
        iqtech.BadRequestError,
        iqtech.AuthenticationError,
        iqtech.PermissionDeniedError,
        iqtech.NotFoundError,
        iqtech.ConflictError,
        iqtech.RateLimitError,
        iqtech.ServerError,
    ]
    assert all(issubclass(c, iqtech.ApiError) for c in api)
    others: list[type[iqtech.IqtechError]] = [
        iqtech.ApiError,
        iqtech.ValidationError,
        iqtech.ConfigurationError,
        iqtech.ConnectionError,
        iqtech.TimeoutError,
        iqtech.DecodeError,
        iqtech.OutcomeUnknownError,
    ]
    assert all(issubclass(c, iqtech.IqtechError) for c in others)
    assert issubclass(iqtech.ValidationError, ValueError)
    assert issubclass(iqtech.TimeoutError, builtins.TimeoutError)
    assert issubclass(iqtech.ConnectionError, builtins.ConnectionError)
    codes = {c.code for c in api + others}
    assert len(codes) == len(api + others)


def test_bad_request(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.BadRequestError) as info:
        client.employees.set_status("no-such-employee", True)
    e = info.value
    assert e.status == 400 and e.code == "bad_request"
    assert e.error_id == 400
    assert e.detail is not None and "Invalid Employee Number" in e.detail
    assert e.operation == "employees.set_status"
    assert e.page is None
    assert "HTTP 400" in str(e)


def test_bad_request_with_field_errors(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.BadRequestError) as info:
        client.will_call.send_new_code("not-a-guid")
    e = info.value
    assert e.field_errors, e
    assert all(isinstance(fe["messages"], list) and fe["messages"] and fe["field"] for fe in e.field_errors)
    assert e.trace_id
    assert e.body and e.body.startswith("{")


def test_authentication(sandbox: Sandbox) -> None:
    client = iqtech.Client(
        client_id=sandbox.client_id,
        client_secret="wrong-secret",
        auth_url=sandbox.auth_url,
        api_url=sandbox.api_url,
    )
    with pytest.raises(iqtech.AuthenticationError) as info:
        client.employees.list()
    assert info.value.code == "authentication"
    assert "wrong-secret" not in str(info.value) and "wrong-secret" not in repr(info.value)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (403, iqtech.PermissionDeniedError),
        (404, iqtech.NotFoundError),
        (409, iqtech.ConflictError),
        (429, iqtech.RateLimitError),
        (500, iqtech.ServerError),
        (503, iqtech.ServerError),
    ],
)
def test_status_classes(sandbox: Sandbox, status: int, cls: type[iqtech.ApiError]) -> None:
    client = sandbox.client(max_attempts=1)
    sandbox.inject(route="machines.list", status=status, times=1)
    with pytest.raises(cls) as info:
        client.machines.list()
    assert info.value.status == status
    if status == 429:
        assert info.value.retry_after == 1.0


def test_not_found_from_the_server(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.NotFoundError) as info:
        client.will_call.recall_reservation(
            "00000000-0000-0000-0000-000000000000", assignee_type="Custom", name="X"
        )
    assert info.value.error_id == 400  # the server's own errorId disagrees with its status


def test_server_error_for_duplicate(client: iqtech.Client) -> None:
    number = unique("dup")
    client.employees.create(person(number))
    with pytest.raises(iqtech.ServerError) as info:
        client.employees.create(person(number))
    assert info.value.status == 500


def test_retries_hide_a_transient_failure(sandbox: Sandbox, client: iqtech.Client) -> None:
    sandbox.clear_journal()
    sandbox.inject(route="employees.list", status=503, times=1)
    assert client.employees.list(page_size=1).items
    assert sandbox.journal()["per_route"]["employees.list"] == 2


def test_validation_names_the_field(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.list(page_size=500)
    assert info.value.field == "page_size" and info.value.code == "validation"
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.create(person(""))
    assert info.value.field == "employee_number"


def test_configuration(monkeypatch: pytest.MonkeyPatch, client: iqtech.Client) -> None:
    monkeypatch.delenv("IQTECH_CLIENT_ID", raising=False)
    monkeypatch.delenv("IQTECH_CLIENT_SECRET", raising=False)
    with pytest.raises(iqtech.ConfigurationError) as info:
        iqtech.Client.from_env()
    assert "IQTECH_CLIENT_ID" in str(info.value)
    client.close()
    with pytest.raises(iqtech.ConfigurationError):
        client.employees.list()


def test_from_env(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    monkeypatch.setenv("IQTECH_CLIENT_ID", sandbox.client_id)
    monkeypatch.setenv("IQTECH_CLIENT_SECRET", sandbox.client_secret)
    monkeypatch.setenv("IQTECH_AUTH_URL", sandbox.auth_url)
    monkeypatch.setenv("IQTECH_API_URL", sandbox.api_url)
    assert iqtech.Client.from_env().employees.list(page_size=1).items
    assert run(lambda: iqtech.AsyncClient.from_env(request_timeout=5).machines.list(page_size=1)).items


def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(iqtech.ValidationError) as info:
        iqtech.Client(client_id="a", client_secret="b", api_url="http://example.com/")
    assert info.value.field == "api_url"


def test_connection() -> None:
    client = iqtech.Client(
        client_id="a",
        client_secret="b",
        auth_url="http://127.0.0.1:9/",
        api_url="http://127.0.0.1:9/",
        max_attempts=1,
        connect_timeout=2,
    )
    with pytest.raises(iqtech.ConnectionError) as info:
        client.employees.list()
    assert info.value.code == "connection" and info.value.operation


def test_timeout(sandbox: Sandbox) -> None:
    client = sandbox.client(request_timeout=0.3, max_attempts=1)
    client.employees.list(page_size=1)  # token fetched
    sandbox.inject(route="employees.list", latency_ms=1500, times=1)
    with pytest.raises(iqtech.TimeoutError) as info:
        client.employees.list(page_size=1)
    assert info.value.timeout == pytest.approx(0.3)
    assert info.value.operation == "employees.list"


def test_decode(sandbox: Sandbox, client: iqtech.Client) -> None:
    # Every attempt: the core retries a corrupt 2xx of a repeatable read like a 502.
    sandbox.inject(route="employees.list", body="malformed")
    with pytest.raises(iqtech.DecodeError) as info:
        client.employees.list(page_size=1)
    assert info.value.status == 200 and info.value.code == "decode"


def test_failed_envelope_with_200_is_the_plain_api_error(
    sandbox: Sandbox, client: iqtech.Client
) -> None:
    # API notes, quirk 3: a 2xx with isSuccess false is an error, of no status subclass.
    sandbox.inject(route="employees.list", body="failed_envelope", times=1)
    with pytest.raises(iqtech.ApiError) as info:
        client.employees.list(page_size=1)
    e = info.value
    assert type(e) is iqtech.ApiError
    assert (e.code, e.status, e.error_id) == ("api", 200, 500)
    assert e.detail == "Simulated failure with a 200 status"
    assert e.operation == "employees.list"


def test_outcome_unknown(sandbox: Sandbox, client: iqtech.Client) -> None:
    number = unique("lost")
    sandbox.inject(route="employees.create", drop_connection=True, times=1)
    with pytest.raises(iqtech.OutcomeUnknownError) as info:
        client.employees.create(person(number))
    assert info.value.operation == "employees.create"
    assert "lookup" in (info.value.how_to_check or "")
    # It did take effect: that is why it must not be retried.
    assert client.employees.lookup(employee_number=number)


def test_async_errors_are_the_same(sandbox: Sandbox) -> None:
    client = sandbox.async_client(max_attempts=1)

    async def body() -> None:
        with pytest.raises(iqtech.BadRequestError):
            await client.employees.set_status("no-such-employee", True)
        with pytest.raises(iqtech.ValidationError):
            await client.employees.list(page=0)
        sandbox.inject(route="machines.list", status=500, times=1)
        with pytest.raises(iqtech.ServerError):
            await client.machines.list()

    run(body)


def test_pager_error_names_the_page(sandbox: Sandbox, client: iqtech.Client) -> None:
    items = []
    with pytest.raises(iqtech.ServerError) as info:
        for i, e in enumerate(client.employees.iter(page_size=10)):
            items.append(e)
            if i == 15:
                sandbox.inject(route="employees.list", status=500)
    page = info.value.page
    assert page is not None and page >= 2
    assert len(items) == (page - 1) * 10
    assert str(info.value).startswith(f"page {page}: ")


def test_errors_pickle_with_their_fields(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.BadRequestError) as info:
        client.employees.set_status("no-such-employee", True)
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is iqtech.BadRequestError
    assert (copy.status, copy.error_id, copy.detail, str(copy)) == (
        info.value.status,
        info.value.error_id,
        info.value.detail,
        str(info.value),
    )
    timeout = pickle.loads(pickle.dumps(iqtech.TimeoutError("late", operation="x", timeout=1.5)))
    assert timeout.timeout == 1.5 and str(timeout) == "late"


class _Interrupted(Exception):
    pass


def test_a_signal_interrupts_a_slow_call(sandbox: Sandbox, client: iqtech.Client) -> None:
    client.employees.list(page_size=1)
    sandbox.inject(route="employees.list", latency_ms=3000, times=1)

    def handler(signum: int, frame: object) -> None:
        raise _Interrupted()

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    start = time.perf_counter()
    try:
        with pytest.raises(_Interrupted):
            client.employees.list(page_size=1)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - start < 1.5
