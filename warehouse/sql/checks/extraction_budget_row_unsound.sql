-- Each budget row that failed its own sanity test (core.budget_line_problems): the money
-- checks skip what rests on it, and this finding says why.
SELECT document_id,
       'extraction_budget_row_unsound' AS check_name,
       'line ' || line_no || ': ' || problem AS subject,
       CAST(NULL AS DECIMAL(24,6)) AS stated,
       CAST(NULL AS DECIMAL(24,6)) AS computed,
       CAST(NULL AS DECIMAL(24,6)) AS difference,
       'mismatch' AS status
FROM core.budget_line_problems
