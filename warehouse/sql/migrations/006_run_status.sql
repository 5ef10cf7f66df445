-- How each run ended. status: 'running' (its process holds the warehouse), 'completed',
-- 'interrupted' (stopped by SIGINT/SIGTERM, or found unclosed by the next run: killed),
-- 'failed' (a fatal error); detail says how. new_files: files this run saw for the first
-- time (a re-run over known files has 0).
ALTER TABLE meta.runs ADD COLUMN status VARCHAR;
ALTER TABLE meta.runs ADD COLUMN detail VARCHAR;
ALTER TABLE meta.runs ADD COLUMN new_files INTEGER;
UPDATE meta.runs SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' ELSE 'completed' END,
                     detail = CASE WHEN finished_at IS NULL THEN 'ended without closing its trace (found by migration 006)' END;
