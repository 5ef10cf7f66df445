"""Schedules: `kinerja serve --inbox DIR --cron "..."` serves a Prefect deployment that
ingests the inbox's new files on a schedule.

A schedule lives on a Prefect server (`prefect server start`, PREFECT_API_URL): the private
server a single `kinerja ingest` starts dies with the run. The served process polls the
server for due runs and runs each in a process of its own; a file already loaded is
settled by its hash, so a run over an unchanged inbox loads nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from prefect import flow

from flows.ingest import ingest, task_runner
from flows.settings import resolve

DEPLOYMENT = "kinerja-inbox"
PAUSE_TIMEOUT_S = 10.0  # a stop waits this long for the server to pause the schedule


@flow(name="ingest-inbox", log_prints=False)
def ingest_inbox(inbox: str, db: str | None = None, workers: int | None = None, publish: str | None = None, no_publish: bool = False) -> dict:
    """One scheduled run: ingest every PDF under the inbox (publishing the BI snapshot as
    `kinerja ingest` does); returns the counts per verdict and the snapshot's status."""
    run = resolve(db=db, workers=workers, publish=publish, no_publish=no_publish)
    summary = ingest.with_options(task_runner=task_runner(run.workers))(
        paths=[inbox], db=run.db, workers=run.workers, publish=run.publish, no_publish=run.publish is None
    )
    counts = {status: summary.count(status) for status in ("loaded", "duplicate", "quarantined")}
    snapshot = summary.snapshot.status if summary.snapshot else None
    return {"files": len(summary.items), "new": sum(i.new for i in summary.items), **counts, "snapshot": snapshot}


def serve_inbox(inbox: Path, cron: str, db: str, workers: int | None = None, publish: str | None = None) -> None:
    """Register the deployment with its cron schedule and run its scheduled runs until
    stopped, then pause its schedule; ``publish``: the BI snapshot each run writes (None: none)."""
    snapshot = {"publish": str(Path(publish).resolve()), "no_publish": False} if publish else {"publish": None, "no_publish": True}
    try:
        ingest_inbox.serve(
            name=DEPLOYMENT,
            cron=cron,
            parameters={"inbox": str(inbox.resolve()), "db": str(Path(db).resolve()), "workers": workers, **snapshot},
            description=f"kinerja ingest of {inbox.resolve()} into {Path(db).resolve()}",
            print_starting_message=False,
            # Prefect's own pause on stop waits on the server with 60 s per try and 5 retries: minutes
            # after Ctrl-C when the server is slow. pause_schedule does it in bounded time instead.
            pause_on_shutdown=False,
        )
    finally:
        pause_schedule()


def pause_schedule() -> None:
    """Pause the served deployment's schedule, so that runs nobody serves do not pile up as
    late; a server that does not answer within PAUSE_TIMEOUT_S leaves it active, and the
    message says how to pause it by hand."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_REQUEST_TIMEOUT, PREFECT_CLIENT_MAX_RETRIES, temporary_settings

    name = f"{ingest_inbox.name}/{DEPLOYMENT}"
    try:
        with temporary_settings(updates={PREFECT_API_REQUEST_TIMEOUT: PAUSE_TIMEOUT_S, PREFECT_CLIENT_MAX_RETRIES: 0}):
            with get_client(sync_client=True) as client:
                client.pause_deployment(client.read_deployment_by_name(name).id)
    except Exception as exc:  # the stop goes on: the schedule's state is the server's to keep
        how = f"prefect deployment schedule pause {name} --all"
        print(f"kinerja serve: the schedule of {name!r} stays active ({type(exc).__name__}): pause it with `{how}`", file=sys.stderr)
