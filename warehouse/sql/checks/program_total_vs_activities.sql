-- A program's printed amount against the sum of the activities printed under it.
-- An activity belongs to the nearest program row above it in document order, so
-- the grouping does not depend on program_no being read on activity rows. A program
-- with a row that failed its sanity test (core.budget_line_problems) is not checked:
-- extraction_budget_row_unsound reports it instead of a mismatch the document never had.
-- A Pemda budget's third level (Sub Kegiatan '1.1.1' under Kegiatan '1.1') is not summed
-- here: activity_total_vs_sub_activities checks it against its Kegiatan.
WITH numbered AS (
    SELECT document_id, line_no, program_no, level, amount_idr, activity_code,
           count(*) FILTER (WHERE level = 'program') OVER (
               PARTITION BY document_id ORDER BY line_no
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS program_seq
    FROM core.budget_lines
),
activity_sums AS (
    SELECT document_id, program_seq, sum(amount_idr) AS activities_idr
    FROM numbered n
    WHERE level = 'activity' AND program_seq > 0
      AND NOT EXISTS (SELECT 1 FROM numbered parent
                      WHERE parent.document_id = n.document_id AND parent.program_seq = n.program_seq
                        AND parent.level = 'activity' AND starts_with(n.activity_code, parent.activity_code || '.'))
    GROUP BY document_id, program_seq
),
pairs AS (
    SELECT p.document_id,
           'program ' || CAST(coalesce(p.program_no, p.program_seq) AS VARCHAR) AS subject,
           CAST(p.amount_idr AS DECIMAL(24,6)) AS stated,
           CAST(a.activities_idr AS DECIMAL(24,6)) AS computed
    FROM numbered p
    JOIN activity_sums a USING (document_id, program_seq)
    WHERE p.level = 'program'
      AND NOT EXISTS (SELECT 1 FROM core.budget_line_problems b
                      WHERE b.document_id = p.document_id AND b.program_seq = p.program_seq)
)
SELECT document_id,
       'program_total_vs_activities' AS check_name,
       subject, stated, computed,
       CAST(computed - stated AS DECIMAL(24,6)) AS difference,
       CASE WHEN computed = stated THEN 'ok' ELSE 'mismatch' END AS status
FROM pairs
