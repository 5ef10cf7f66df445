-- One row per input file seen: loaded, duplicate or quarantined.
-- traceback: the exception behind a quarantine (extraction_failed, corrupt), else NULL.
CREATE OR REPLACE VIEW bi.files AS
SELECT file_name, file_path, sha256, status, reason, detail, document_id, run_id, seen_at,
       CASE WHEN status = 'quarantined' THEN traceback END AS traceback
FROM core.files
ORDER BY seen_at, file_path;
