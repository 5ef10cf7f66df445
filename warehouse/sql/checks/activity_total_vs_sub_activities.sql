-- A Kegiatan's printed amount against the Sub Kegiatan printed under it: a three-level Pemda
-- budget (Program 1, Kegiatan '1.1', Sub Kegiatan '1.1.1'). A child is an activity of the
-- same program whose code is its parent's code and one more part.
WITH numbered AS (
    SELECT document_id, line_no, level, amount_idr, activity_code,
           count(*) FILTER (WHERE level = 'program') OVER (
               PARTITION BY document_id ORDER BY line_no
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS program_seq
    FROM core.budget_lines
),
pairs AS (
    SELECT parent.document_id, 'activity ' || parent.activity_code AS subject,
           CAST(parent.amount_idr AS DECIMAL(24,6)) AS stated,
           CAST(sum(child.amount_idr) AS DECIMAL(24,6)) AS computed
    FROM numbered parent
    JOIN numbered child
      ON child.document_id = parent.document_id AND child.program_seq = parent.program_seq
     AND child.level = 'activity' AND starts_with(child.activity_code, parent.activity_code || '.')
     AND NOT contains(substr(child.activity_code, length(parent.activity_code) + 2), '.')
    WHERE parent.level = 'activity' AND parent.activity_code IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM core.budget_line_problems b
                      WHERE b.document_id = parent.document_id AND b.program_seq = parent.program_seq)
    GROUP BY parent.document_id, parent.activity_code, parent.amount_idr
)
SELECT document_id,
       'activity_total_vs_sub_activities' AS check_name,
       subject, stated, computed,
       CAST(computed - stated AS DECIMAL(24,6)) AS difference,
       CASE WHEN computed = stated THEN 'ok' ELSE 'mismatch' END AS status
FROM pairs
