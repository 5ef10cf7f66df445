-- One row per `kinerja ingest` run: how it ended and what it settled. status: 'running',
-- 'completed', 'interrupted' (a signal, or killed: the next run says so), 'failed';
-- the files a run settled before it stopped stay loaded, the next run does the rest.
CREATE OR REPLACE VIEW bi.runs AS
SELECT run_id, started_at, finished_at, status, detail, files, new_files, loaded, duplicate, quarantined
FROM meta.runs
ORDER BY started_at;
