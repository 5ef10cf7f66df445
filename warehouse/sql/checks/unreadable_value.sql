-- Every printed value that could not be read (kept raw, loaded as NULL) is a finding.
SELECT document_id,
       'unreadable_value' AS check_name,
       record_kind || '.' || field || ' p' || page || ': ' || raw AS subject,
       CAST(NULL AS DECIMAL(24,6)) AS stated,
       CAST(NULL AS DECIMAL(24,6)) AS computed,
       CAST(NULL AS DECIMAL(24,6)) AS difference,
       'mismatch' AS status
FROM core.value_problems
