"""Extraction on a real Dask cluster (a LocalCluster of 2 worker processes): the same
verdicts and rows as a local run, the extractions on the workers, this process the writer."""

from __future__ import annotations

import shutil

import pytest

from flows.ingest import ingest, task_runner
from tests.support import SAMPLES, query

pytestmark = pytest.mark.usefixtures("prefect_api")

MEDAN = SAMPLES / "kppn-medan2-2026-pk.pdf"
MALANG = SAMPLES / "kppn-malang-2025-pk.pdf"


def test_ingest_on_a_dask_local_cluster_matches_a_local_run(tmp_path):
    import dask
    from distributed import Client, LocalCluster, get_task_stream

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(MEDAN, folder / "medan.pdf")
    shutil.copy(MALANG, folder / "malang.pdf")
    (folder / "kosong.pdf").write_bytes(b"")
    local = ingest(paths=[str(folder)], db=str(tmp_path / "local.duckdb"))

    # Dask's workers are daemonic by default, and a daemonic process may not start the
    # extraction's child process: a cluster for kinerja runs them non-daemonic.
    with dask.config.set({"distributed.worker.daemon": False}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
            flow = ingest.with_options(task_runner=task_runner(2, cluster.scheduler_address))
            with get_task_stream(client) as stream:
                on_dask = flow(paths=[str(folder)], db=str(tmp_path / "dask.duckdb"), workers=2)
            workers_used = {t["worker"] for t in stream.data}
    assert sorted((i.file, i.status, i.reason) for i in on_dask.items) == sorted((i.file, i.status, i.reason) for i in local.items)
    assert len(workers_used) >= 1 and all(w.startswith("tcp://") for w in workers_used)
    facts = "SELECT document_id, indicator_code, target_raw FROM bi.indicator_targets ORDER BY ALL"
    assert query(tmp_path / "dask.duckdb", facts) == query(tmp_path / "local.duckdb", facts) != []
