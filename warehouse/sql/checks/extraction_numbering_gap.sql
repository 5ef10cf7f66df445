-- Numbered rows missing from their sequence (1, 2, 4): a row the reader lost. Programs,
-- objectives of the PK table and Rincian rows; `stated` is the highest number printed,
-- `computed` the distinct numbers read.
WITH numbers AS (
    SELECT document_id, 'budget program_no' AS seq, program_no AS n
    FROM core.budget_lines WHERE level = 'program' AND program_no IS NOT NULL
    UNION ALL
    SELECT document_id, 'pk objective_no', TRY_CAST(objective_no AS INTEGER)
    FROM core.indicator_targets WHERE source = 'pk' AND TRY_CAST(objective_no AS INTEGER) IS NOT NULL
    UNION ALL
    SELECT document_id, source || ' row_no', TRY_CAST(row_no AS INTEGER)
    FROM core.period_targets WHERE TRY_CAST(row_no AS INTEGER) IS NOT NULL
),
spans AS (
    SELECT document_id, seq, min(n) AS lo, max(n) AS hi, count(DISTINCT n) AS distinct_n
    FROM numbers GROUP BY document_id, seq
)
SELECT document_id,
       'extraction_numbering_gap' AS check_name,
       seq AS subject,
       CAST(hi AS DECIMAL(24,6)) AS stated,
       CAST(distinct_n AS DECIMAL(24,6)) AS computed,
       CAST(distinct_n - hi AS DECIMAL(24,6)) AS difference,
       CASE WHEN lo = 1 AND distinct_n = hi THEN 'ok' ELSE 'mismatch' END AS status
FROM spans
