-- One row per input file seen: loaded, duplicate or quarantined.
CREATE OR REPLACE VIEW bi.files AS
SELECT file_name, file_path, sha256, status, reason, detail, document_id, run_id, seen_at
FROM core.files
ORDER BY seen_at, file_path;
