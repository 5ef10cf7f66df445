-- Budget rows that fail their own sanity test, so no money check may rest on them: a
-- header word read as a name (a repeated header taken for data), a non-amount in the
-- amount cell, an activity printed before any program of a budget that has programs.
-- program_seq is the program a row belongs to (the nearest program row above it).
CREATE OR REPLACE VIEW core.budget_line_problems AS
WITH numbered AS (
    SELECT document_id, line_no, level, program, activity, amount_idr, amount_raw,
           count(*) FILTER (WHERE level = 'program') OVER (
               PARTITION BY document_id ORDER BY line_no
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS program_seq,
           count(*) FILTER (WHERE level = 'program') OVER (PARTITION BY document_id) AS programs
    FROM core.budget_lines
)
SELECT document_id, line_no, program_seq, level,
       CASE
           WHEN regexp_matches(lower(trim(coalesce(activity, program, ''))),
                '^(no\.?|program|kegiatan|sub ?kegiatan|program\s*/\s*kegiatan|uraian|anggaran.*|pagu.*|jumlah anggaran.*|tahun( anggaran)? \d{4}|\(?rp\.?\)?)$')
               THEN 'a header word read as a name: ' || coalesce(activity, program)
           WHEN regexp_matches(coalesce(amount_raw, ''), '^\s*(tahun( anggaran)? )?\d{4}\s*$')
               THEN 'a year in the amount cell: ' || amount_raw
           WHEN amount_idr IS NULL AND amount_raw IS NOT NULL AND NOT regexp_matches(amount_raw, '\d')
               THEN 'not an amount in the amount cell: ' || amount_raw
           WHEN level = 'activity' AND program_seq = 0 AND programs > 0
               THEN 'an activity before any program: ' || coalesce(activity, '')
       END AS problem
FROM numbered
WHERE problem IS NOT NULL;
