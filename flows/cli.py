"""The `kinerja` command line (CONTRACT.md): `kinerja ingest PATH... [--db] [--workers] [--json]`."""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import uuid
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from flows import (  # server first: it sets Prefect's environment before Prefect is imported
    cli_dictionary,
    cli_eval,
    cli_export,
    cli_reconcile,
    cli_report,
    server,
    settings,
    signals,
)
from flows.console import err, json_line, out, shown
from flows.console import fail as _fail
from flows.console import number as _num
from warehouse.reconcile import is_extraction

PUBLISH_HELP = (
    f"Read-only copy of the warehouse for BI tools, replaced after each run that changed something (default: ${settings.ENV_PUBLISH}, "
    "else <db stem>.bi.duckdb beside the warehouse)."
)

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, help="Indonesian performance agreements (PK, SKP) into DuckDB.")


def _print_version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import version

        out.print(f"kinerja {version('kinerja')}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit.")] = False,
) -> None:
    """kinerja: PK and SKP PDFs into a DuckDB warehouse with `bi` views."""


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="PDF files and/or folders (searched recursively for *.pdf).")],
    db: Annotated[str | None, typer.Option("--db", metavar="FILE", help=f"DuckDB warehouse file (default: ${settings.ENV_DB}, else {settings.DEFAULT_DB}).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", metavar="N", min=1, max=64, help=f"Documents extracted at once (default: {settings.DEFAULT_WORKERS}).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as one JSON object.")] = False,
    trust_roots: Annotated[Path | None, typer.Option("--trust-roots", metavar="DIR", help=f"Folder of CA certificates (PEM/DER) embedded signatures are checked against (default: ${settings.ENV_TRUST_ROOTS}; without one, trusted stays empty).")] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", metavar="SECONDS", min=1, help=f"Seconds one document may take (extract + normalize); longer ones are stopped and quarantined 'timeout' (default: {settings.DEFAULT_TIMEOUT_S:g}).")] = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", metavar="N", min=1, help=f"Documents with more pages are quarantined 'too_large', checked before parsing (default: {settings.DEFAULT_MAX_PAGES}).")] = None,
    max_mb: Annotated[float | None, typer.Option("--max-mb", metavar="MIB", min=0.001, help=f"Files larger than this many MiB are quarantined 'too_large' (default: {settings.DEFAULT_MAX_MB:g}).")] = None,
    max_memory_mb: Annotated[int | None, typer.Option("--max-memory-mb", metavar="MIB", min=1024, help=f"Address-space limit (MiB) of the process extracting one document (the parsers alone take about 0.8 GiB of it); exceeding it quarantines the file 'too_large' (default: three quarters of the machine's memory shared by the workers, at most {settings.MAX_MEMORY_CEILING_MB}, at least {settings.MIN_MEMORY_MB}; here {settings.default_max_memory_mb(1)} for one worker).")] = None,
    password_file: Annotated[Path | None, typer.Option("--password-file", metavar="FILE", help=f"Passwords to try on encrypted PDFs, one per line (default: ${settings.ENV_PASSWORDS_FILE}).")] = None,
    dask_address: Annotated[str | None, typer.Option("--dask-address", metavar="ADDRESS", help=f"Run the extractions on the workers of this Dask scheduler (tcp://host:port; default: ${settings.ENV_DASK_ADDRESS}, else in this machine's processes). Set --workers to the cluster's total threads; the workers need this package and the files at the same paths.")] = None,
    reextract: Annotated[bool, typer.Option("--reextract", help="Re-read the files whose documents an older extractor version read (bi.documents.extractor_version) and replace their rows, one transaction each; the rows replaced are kept in history.replaced_rows.")] = False,
    lock_timeout: Annotated[float | None, typer.Option("--lock-timeout", metavar="SECONDS", min=0, help=f"Seconds to wait while another process holds the warehouse (default: ${settings.ENV_LOCK_TIMEOUT}, else {settings.DEFAULT_LOCK_TIMEOUT_S:g}).")] = None,
    publish: Annotated[Path | None, typer.Option("--publish", metavar="FILE", help=PUBLISH_HELP)] = None,
    no_publish: Annotated[bool, typer.Option("--no-publish", help="Write no BI snapshot.")] = False,
) -> None:
    """Load every PDF under PATH into the warehouse; each file ends loaded, duplicate or quarantined."""
    from flows.discovery import DiscoveryError, discover_pdfs

    try:
        files = discover_pdfs(paths)
        run = settings.resolve(
            db=db, workers=workers, trust_roots=str(trust_roots) if trust_roots else None, timeout_s=timeout,
            max_pages=max_pages, max_mb=max_mb, max_memory_mb=max_memory_mb,
            password_file=str(password_file) if password_file else None, lock_timeout_s=lock_timeout, dask_address=dask_address,
            reextract=reextract, publish=str(publish) if publish else None, no_publish=no_publish,
        )
    except (DiscoveryError, settings.SettingsError) as exc:
        _fail(str(exc), 2)
    _check_inputs(run)
    summary = _run([str(p) for p in paths], files, run, as_json)
    if as_json:
        sys.stdout.write(json_line(summary.as_json()))
        return
    _print_summary(summary)


def _check_inputs(run: settings.Settings) -> None:
    """The warehouse's folder, trust roots and the password file are checked now: a bad one
    is a usage error before any work."""
    from extractors.source import read_password_file

    folder = Path(run.db).parent
    if not folder.is_dir():
        if run.db != settings.DEFAULT_DB:
            _fail(f"the folder {folder} of the warehouse does not exist: create it first (a mistyped --db or $KINERJA_DB would start a new, empty warehouse)", 2)
        folder.mkdir(parents=True)
        err.print(f"created the folder {shown(str(folder))} for the default warehouse {shown(run.db)}", soft_wrap=True)
    if run.publish and not Path(run.publish).parent.is_dir():
        _fail(f"the folder {Path(run.publish).parent} of the BI snapshot does not exist: create it first, or give --publish another file", 2)

    if run.trust_roots:
        from extractors.digital_signature import TrustRootsError, load_trust_roots  # pyHanko: a second to import

        try:
            load_trust_roots(Path(run.trust_roots))
        except TrustRootsError as exc:
            _fail(str(exc), 2)
    passwords = run.limits.password_file
    try:
        if passwords:
            read_password_file(passwords)
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read the password file {passwords}: {exc}", 2)


def _run(paths: list[str], files: list, run: settings.Settings, as_json: bool):
    """Settle the files known from earlier runs (no Prefect needed when that is all of
    them), else run the ingest flow."""
    from flows.outcome import settled_before
    from warehouse.db import WarehouseError, open_warehouse
    from warehouse.publish import publish_snapshot

    try:
        # Wait for the lock here, before Prefect starts (its failed-flow log is not one line).
        # Kept open for the run: no other process can take the file before the flow opens it
        # (a second connection in this process shares the same DuckDB instance).
        holder = open_warehouse(run.db, lock_timeout_s=run.lock_timeout_s)
    except WarehouseError as exc:
        _fail(str(exc), 1)
    try:
        with signals.stop_on_signals():  # hashing a large corpus takes a while: Ctrl-C is one line here too
            known = None if run.reextract else settled_before(holder, files, run.db)
    except signals.Interrupted as stop:
        _close_interrupted(holder, stop, run)
    except BaseException:
        holder.close()
        raise
    if known is not None:
        try:
            known.snapshot = publish_snapshot(holder, run.db, run.publish) if run.publish else None
        finally:
            holder.close()
        return known
    return _run_flow(holder, paths, files, run, as_json)


def _run_flow(holder, paths: list[str], files: list, run: settings.Settings, as_json: bool):
    from warehouse.db import WarehouseError
    from warehouse.load import close_unfinished_runs, start_run

    run_id = str(uuid.uuid4())  # a run is an event, not content; opened now, a stop during the server start is traced
    # Prefect's imports and the flow's set-up leave little garbage but set off full
    # collections (0.1-0.2 s each, several) while every core is busy starting the run.
    gc.disable()
    try:
        with signals.stop_on_signals():
            start_run(holder, run_id)
        # The API server starts first: the parsers, the forkserver, the head start and the
        # tokenizer the run's indicator links need load while it does.
        with signals.stop_on_signals(), server.starting_api() as api_up:
            from flows.head_start import head_start
            from schemas.matching import load_tokenizer

            threading.Thread(target=load_tokenizer, name="kinerja-load-tokenizer", daemon=True).start()

            with head_start(holder, files, run) as early:
                from flows.ingest import ingest as ingest_flow
                from flows.ingest import task_runner

                # Prefect's UI names the flow run after the run's trace in bi.runs.
                flow = ingest_flow.with_options(task_runner=task_runner(run.workers, run.dask_address), flow_run_name=run_id)
                api_up()
                if early is not None:
                    early.stop_queuing()  # the flow is up: files not yet queued are its tasks' own
                _collect_from_now()
                return _call_flow(flow, paths, files, run, run_id, as_json)
    except signals.Interrupted as stop:
        _close_interrupted(holder, stop, run)
    except (WarehouseError, server.ServerError) as exc:
        with contextlib.suppress(Exception):  # the trace says why the run ended
            close_unfinished_runs(holder, "failed", f"{type(exc).__name__}: {exc}"[:500])
        _fail(str(exc), 1)
    finally:
        _collect_from_now()
        gc.unfreeze()  # the run is over: its objects are the collector's again (tests run many in one process)
        holder.close()


def _collect_from_now() -> None:
    """What is allocated by now (Prefect, DuckDB, the tokenizer) lives as long as the run:
    frozen until its end, the collections the run's loading sets off no longer scan it."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _call_flow(flow, paths: list[str], files: list, run: settings.Settings, run_id: str, as_json: bool):
    """Run the ingest flow with a progress bar: files, pages/s, ETA."""
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        TextColumn("{task.fields[rate]}"), TextColumn("{task.description}"),
        console=err, disable=as_json or not err.is_terminal, transient=True,
    )
    with progress:
        bar = progress.add_task("", total=len(files), rate="")
        pages = [0]

        def advance(outcome) -> None:
            pages[0] += outcome.pages or 0
            elapsed = progress.tasks[bar].elapsed or 0.0
            rate = f"{pages[0] / elapsed:.1f} pages/s" if elapsed > 0 and pages[0] else ""
            progress.update(bar, advance=1, rate=rate, description=shown(Path(outcome.file).name[:40]))

        return flow(
            paths=paths, db=run.db, workers=run.workers, trust_roots=run.trust_roots,
            timeout_s=run.limits.timeout_s, max_pages=run.limits.max_pages,
            max_mb=run.limits.max_bytes / settings.MIB, max_memory_mb=run.limits.max_memory_bytes // settings.MIB,
            password_file=run.limits.password_file, lock_timeout_s=run.lock_timeout_s,
            publish=run.publish, no_publish=run.publish is None, on_file=advance, reextract=run.reextract, run_id=run_id,
        )


def _close_interrupted(holder, stop, run: settings.Settings) -> None:
    """Mark the run interrupted, publish what it settled for BI tools (the warehouse is
    consistent: one transaction per document), say in one line what was kept, exit 128 + the signal."""
    from warehouse.load import close_unfinished_runs
    from warehouse.publish import publish_snapshot

    try:
        closed = close_unfinished_runs(holder, "interrupted", f"{stop}; the files settled before it are kept")
        snapshot = publish_snapshot(holder, run.db, run.publish) if run.publish else None
    finally:
        holder.close()
    settled = sum(files for _, files in closed)
    err.print(
        f"[yellow]interrupted[/yellow] ({stop}): the {settled} files settled before it are kept"
        + (f" ({_snapshot_line(snapshot)})" if snapshot else "") + "; run the same command again to do the rest",
        soft_wrap=True,
    )
    raise typer.Exit(stop.exit_status)


def _snapshot_line(snapshot) -> str:
    if snapshot.status == "failed":
        return f"[yellow]the BI snapshot {shown(snapshot.path)} was not published[/yellow]: {shown(snapshot.detail or '')}; BI tools keep reading the previous one"
    if snapshot.status == "unchanged":
        return f"BI snapshot {shown(snapshot.path)}: unchanged"
    return f"BI snapshot {shown(snapshot.path)}: published in {snapshot.seconds:.1f} s"


def _print_summary(summary) -> None:
    data = summary.as_json()
    known = data["files"] - data["new"]
    out.print(
        f"run {data['run_id']} into {shown(summary.db)}: {data['files']} files ({data['new']} new), "
        f"[green]{data['loaded']} loaded[/green], {data['duplicate']} duplicate, "
        f"[yellow]{data['quarantined']} quarantined[/yellow]"
        + (f"; {known} known from earlier runs" if known else "")
    )
    if summary.older_extractor:
        out.print(
            f"{summary.older_extractor} documents in the warehouse were read by an older extractor: "
            "run `kinerja ingest PATH --reextract` on their files to read them again"
        )
    flagged = {f["document_id"] for f in summary.findings if is_extraction(f)}
    if flagged:
        out.print(f"[yellow]{len(flagged)} of the loaded documents state what they could not read[/yellow] (extraction_ findings below): look at them before trusting their rows")
    quarantined = [i for i in summary.items if i.new and i.status == "quarantined"]
    if quarantined:
        t = Table("file", "reason", "detail", title="quarantined", title_justify="left")
        for i in quarantined:
            t.add_row(shown(Path(i.file).name), i.reason or "", shown((i.detail or "").splitlines()[0][:100]))
        out.print(t)
    if summary.findings:
        t = Table("document", "check", "subject", "stated", "computed", "difference", title="reconciliation findings", title_justify="left")
        for f in summary.findings:
            t.add_row(f["document_id"][:12], f["check_name"], shown(str(f["subject"])), _num(f["stated"]), _num(f["computed"]), _num(f["difference"]))
        out.print(t)
    else:
        out.print("reconciliation: no new documents to check" if not data["new"] else "reconciliation: no mismatches" + (" in the new documents" if known else ""))
    if summary.snapshot:
        out.print(_snapshot_line(summary.snapshot), soft_wrap=True)


@app.command()
def serve(
    inbox: Annotated[Path, typer.Option("--inbox", metavar="DIR", exists=True, file_okay=False, help="Folder whose PDFs each scheduled run ingests (searched recursively).")],
    cron: Annotated[str, typer.Option("--cron", metavar="EXPR", help='When to run, as a cron expression in the server\'s time zone (e.g. "0 2 * * *": 02:00 daily).')],
    db: Annotated[str | None, typer.Option("--db", metavar="FILE", help=f"DuckDB warehouse file (default: ${settings.ENV_DB}, else {settings.DEFAULT_DB}).")] = None,
    workers: Annotated[int | None, typer.Option("--workers", metavar="N", min=1, max=64, help=f"Documents extracted at once (default: {settings.DEFAULT_WORKERS}).")] = None,
    publish: Annotated[Path | None, typer.Option("--publish", metavar="FILE", help=PUBLISH_HELP)] = None,
    no_publish: Annotated[bool, typer.Option("--no-publish", help="Write no BI snapshot.")] = False,
) -> None:
    """Serve the ingest of DIR as a Prefect deployment on a cron schedule, until stopped.
    Needs a Prefect server (`prefect server start`) named by PREFECT_API_URL."""
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        _fail("schedules live on a Prefect server: start one with `prefect server start` and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)", 2)
    try:
        CronSchedule(cron=cron)
    except ValueError as exc:
        _fail(f"--cron {cron!r} is not a cron expression: {exc.errors()[0]['msg'] if hasattr(exc, 'errors') else exc}", 2)
    try:
        run = settings.resolve(db=db, workers=workers, publish=str(publish) if publish else None, no_publish=no_publish)
    except settings.SettingsError as exc:
        _fail(str(exc), 2)
    _check_inputs(run)
    from flows.schedule import serve_inbox

    err.print(f"serving the ingest of {shown(str(inbox))} into {shown(run.db)} on {shown(cron)}; Ctrl-C stops it", soft_wrap=True)
    serve_inbox(inbox, cron, run.db, workers, run.publish)


app.command()(cli_export.export)
app.command("eval")(cli_eval.eval_)
app.command()(cli_reconcile.reconcile)
app.command()(cli_dictionary.dictionary)
app.command()(cli_report.report)

if __name__ == "__main__":
    app()
