-- Each printed grand total (the budget table's Jumlah/Total or the SKP lampiran's
-- Jumlah Anggaran) against the sum of the program rows of the same document.
-- Documents without program rows have nothing to compare against and are skipped, and so
-- are documents with a budget row that failed its sanity test (extraction_budget_row_unsound).
WITH program_sums AS (
    SELECT document_id, sum(amount_idr) AS programs_idr
    FROM core.budget_lines
    WHERE level = 'program'
      AND document_id NOT IN (SELECT document_id FROM core.budget_line_problems)
    GROUP BY document_id
),
pairs AS (
    SELECT t.document_id, t.label AS subject,
           CAST(t.amount_idr AS DECIMAL(24,6)) AS stated,
           CAST(p.programs_idr AS DECIMAL(24,6)) AS computed
    FROM core.budget_totals t
    JOIN program_sums p USING (document_id)
)
SELECT document_id,
       'budget_total_vs_programs' AS check_name,
       subject, stated, computed,
       CAST(computed - stated AS DECIMAL(24,6)) AS difference,
       CASE WHEN computed = stated THEN 'ok' ELSE 'mismatch' END AS status
FROM pairs
