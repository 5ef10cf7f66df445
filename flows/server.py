"""The Prefect API a run reports to.

When the user points PREFECT_API_URL at a server (`prefect config set` or the environment),
runs report there and its history is theirs to keep. Otherwise kinerja starts a private
API server for the run instead of Prefect's own temporary one, because Prefect's:
- keeps its history in ~/.prefect/prefect.db, which grows with every run (ours lives in a
  temporary folder removed at the end: kinerja's own trace is meta.runs);
- shares the terminal's process group, so Ctrl-C or `timeout` kills it while the flow
  still talks to it (minutes of connection-error tracebacks): ours has its own session;
- outlives a SIGKILLed kinerja (about 200 MB listening on loopback): ours gets SIGKILL
  from the kernel when its parent dies (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator

from flows.process import die_with_parent

# Prefect must not phone home (the README promises no network access) nor bury the run
# summary under its INFO logs. Read when Prefect is first imported: import this first.
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Importing Prefect creates ~/.prefect: leave the home alone unless the user has Prefect configured there.
if "PREFECT_HOME" not in os.environ and not os.path.isdir(os.path.expanduser("~/.prefect")):
    os.environ["PREFECT_HOME"] = os.path.join(tempfile.gettempdir(), f"kinerja-prefect-{os.getuid()}")

HEALTH_POLL_S = 0.1
STOP_GRACE_S = 3.0


# The server's event services write the history the run throws away at its end (events,
# task runs recorded from events) or act on it (automations): off, they cost no CPU the
# extractions need.
_IDLE_SERVICES = {
    f"PREFECT_SERVER_SERVICES_{name}_ENABLED": "false"
    for name in ("TASK_RUN_RECORDER", "EVENT_PERSISTER", "EVENT_LOGGER", "TRIGGERS")
}


_TEMPLATE_READY = {"PREFECT_SERVER_DATABASE_MIGRATE_ON_START": "false", "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false"}


class ServerError(RuntimeError):
    """The private API server did not come up; the message says what to do."""


@contextlib.contextmanager
def prefect_api() -> Iterator[str]:
    """Yield the API URL runs report to: the user's server, else a private one for the
    duration of the block."""
    with starting_api() as api_up:
        yield api_up()


@contextlib.contextmanager
def starting_api() -> Iterator[Callable[[], str]]:
    """Start the private API server (unless the user has one) and go on at once: the block
    does other work while it starts, and calls what it yields to wait for it (its URL).
    The server is launched before Prefect is imported (about a second of the run's start)."""
    named = os.environ.get("PREFECT_API_URL")
    if named:
        yield lambda: named
        return
    with tempfile.TemporaryDirectory(prefix="kinerja-prefect-") as home:
        with _private_server(home) as api_up:
            yield api_up


@contextlib.contextmanager
def _private_server(home: str) -> Iterator[Callable[[], str]]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = os.path.join(home, "server.log")
    database = os.path.join(home, "prefect.db")
    template = _template_path()
    process, launched = _launch(port, home, database, log, migrated=_copied(template, database)), time.monotonic()
    reporting = contextlib.ExitStack()  # the run's Prefect settings, once the server is up
    answer: list[str] = []

    def api_up() -> str:
        if answer:
            return answer[0]
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
            PREFECT_HOME,
            PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
            temporary_settings,
        )

        configured = PREFECT_API_URL.value()
        if configured:  # a Prefect profile names the user's server: ours started for nothing
            _stop(process)
            answer.append(str(configured))
            return answer[0]
        _wait_until_healthy(process, url, log, launched, float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()))
        if not os.path.exists(template):
            _keep_as_template(database, template)
        # Heartbeats let a long-lived server notice a crashed flow run; this one ends with the
        # run, and joining the heartbeat thread costs up to a second at the end of every run.
        reporting.enter_context(
            temporary_settings(updates={PREFECT_API_URL: url, PREFECT_HOME: home, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
        )
        reporting.enter_context(_no_events())
        answer.append(url)
        return url

    try:
        with reporting:
            yield api_up
            if answer == [url]:
                _drain_clients()  # a stopped run does not wait for its logs: the history is thrown away
    finally:
        _stop(process)


@contextlib.contextmanager
def _no_events() -> Iterator[None]:
    """Prefect's client reports each task's states as events, and this server records none
    of them (its event services are off, _IDLE_SERVICES): the run does not build and send
    them (three a document), and a stopped run has no events pending for a server it has
    just stopped (their retries cost seconds and print an error)."""
    from prefect.events.clients import NullEventsClient
    from prefect.events.worker import EventsWorker

    EventsWorker.set_client_override(NullEventsClient)
    try:
        yield
    finally:
        EventsWorker.set_client_override(None)


def _copied(template: str, database: str) -> bool:
    """The run's database starts as a copy of the template, if there is one and it copies whole."""
    try:
        shutil.copyfile(template, database)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(database)
        return False


def _template_path() -> str:
    """A migrated, empty Prefect database, made by the first run: a new database costs
    about 5 s of migrations, a copy of this one nothing. One per Prefect version."""
    folder = os.path.join(tempfile.gettempdir(), f"kinerja-prefect-{os.getuid()}")
    return os.path.join(folder, f"empty-{importlib.metadata.version('prefect')}.db")


def _keep_as_template(database: str, template: str) -> None:
    """Copy the just-migrated database (the server is idle: no flow has run) through
    SQLite's backup API, then rename: a reader never sees half a template."""
    with contextlib.suppress(OSError, sqlite3.Error):
        os.makedirs(os.path.dirname(template), mode=0o700, exist_ok=True)
        partial = f"{template}.{os.getpid()}.partial"
        source, copy = sqlite3.connect(database), sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        os.replace(partial, template)


def _launch(port: int, home: str, database: str, log: str, *, migrated: bool = False) -> subprocess.Popen:
    """Start the server on `database`; `migrated`: a copy of the template, whose schema is
    current and whose block types are registered, so the server checks neither (a second of its start)."""
    spec = importlib.util.find_spec("prefect")  # where it is, without the second its import takes
    assert spec is not None and spec.submodule_search_locations, "Prefect is a dependency"
    env = {
        **os.environ,
        "PREFECT_HOME": home,
        "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{database}",
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
        **_IDLE_SERVICES,
        **(_TEMPLATE_READY if migrated else {}),
    }
    env.pop("PREFECT_API_URL", None)
    with open(log, "wb") as errors:  # a file, not a pipe: nobody reads it during the run, it must never fill
        return subprocess.Popen(
            [
                sys.executable, "-m", "uvicorn", "--app-dir", os.path.dirname(spec.submodule_search_locations[0]),
                "--factory", "prefect.server.api.server:create_app",
                "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on",
            ],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
            start_new_session=True, preexec_fn=die_with_parent,  # we start it from the main thread
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_healthy(process: subprocess.Popen, url: str, log: str, launched: float, timeout_s: float) -> None:
    """Wait until the server answers, at most `timeout_s` from its launch (time.monotonic() `launched`)."""
    import httpx

    deadline = launched + timeout_s
    with httpx.Client(timeout=2) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                with open(log, "rb") as fh:
                    why = fh.read().decode(errors="replace").strip().splitlines()
                raise ServerError(
                    f"Prefect's local API server exited with status {process.returncode} at start-up"
                    f"{': ' + why[-1] if why else ''}; set PREFECT_API_URL to a running Prefect server to work around it"
                )
            try:
                if client.get(f"{url}/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(HEALTH_POLL_S)
    raise ServerError(
        f"Prefect's local API server did not start within {timeout_s:g} s (a slow or busy machine): "
        "raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, or set PREFECT_API_URL to a running Prefect server"
    )


def _drain_clients() -> None:
    """Send the logs and events Prefect's background workers still hold while the server
    is up (after it stops they would retry against a closed port)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    with contextlib.suppress(Exception):
        APILogWorker.drain_all(timeout=STOP_GRACE_S)
    with contextlib.suppress(Exception):
        EventsWorker.drain_all(timeout=STOP_GRACE_S)


def _stop(process: subprocess.Popen) -> None:
    """Kill the server: its history is a temporary folder about to be removed, nothing to save."""
    if process.poll() is None:
        process.kill()
    process.wait()
