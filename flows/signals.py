"""Stopping a run on SIGINT (Ctrl-C) or SIGTERM (`timeout`, systemd, docker): quickly, in
one line, with nothing left behind.

The first signal kills the extraction children, silences logging (Prefect would log the
interrupted flow with tracebacks) and raises `Interrupted` in the main thread, where the
run is closed as interrupted; the documents it loaded stay, each in its own committed
transaction, and the next run does the rest. A second signal exits at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
from collections.abc import Iterator

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Prefect's flow engine catches SIGTERM first (then passes it on to our handler) and logs
# the flow run as crashed: the one line printed after it says the same, better.
# A SIGTERM while Prefect's engine starts the flow run is reported by its engine logger.
_PREFECT_CRASH_LOGGERS = ("prefect.flow_runs", "prefect.engine")


def _not_a_crash_report(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("Crash detected!")


class Interrupted(BaseException):
    """The run was stopped by a signal (a BaseException, like KeyboardInterrupt: no
    `except Exception` on the way up may swallow it)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise Interrupted (main thread only); after a
    stop, any further signal ends the process at once."""
    received: list[int] = []

    def handle(signum: int, _frame) -> None:
        if received:
            _exit_now(signum, _frame)
        received.append(signum)
        logging.disable(logging.CRITICAL)
        from flows.isolation import stop_children  # imported by the run already: the parsers load with it

        stop_children()
        raise Interrupted(signum)

    global _handler
    _handler = handle
    previous = {s: signal.signal(s, handle) for s in STOP_SIGNALS}
    for name in _PREFECT_CRASH_LOGGERS:
        logging.getLogger(name).addFilter(_not_a_crash_report)
    try:
        yield
    except BaseException as exc:
        if received and not isinstance(exc, Interrupted):
            # A library turned the signal into its own error on the way up (DuckDB
            # interrupts the running query: "RuntimeError: Query interrupted").
            raise Interrupted(received[0]) from exc
        raise
    finally:
        _handler = None
        for name in _PREFECT_CRASH_LOGGERS:
            logging.getLogger(name).removeFilter(_not_a_crash_report)
        for s, handler in previous.items():
            signal.signal(s, _exit_now if received else handler)


_handler = None  # the handler of the stop_on_signals block in force, if any


def reclaim_sigterm() -> None:
    """Within a flow run, Prefect puts its own SIGTERM handler first; a library may turn the
    exception it raises into its own error (DuckDB: "Query interrupted") before Prefect
    hands the signal on, and the stop would look like a failure. The flow calls this first
    thing so that the stop handler sees SIGTERM itself (Prefect restores it at the end)."""
    if _handler is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _handler)


def _exit_now(signum: int, _frame) -> None:
    os._exit(128 + signum)
