-- A PK indicator's annual target against the 'Y' column of its Rincian row.
-- Only indicators that appear in the Rincian at all are checked; a missing 'Y'
-- cell then compares as NULL. Both NULL ('-' on both sides) is ok.
WITH pk AS (
    SELECT document_id, indicator_code, upper(replace(indicator_code, ' ', '')) AS code_key,
           target_value, is_percent
    FROM core.indicator_targets
    WHERE source = 'pk' AND indicator_code IS NOT NULL
),
rincian AS (
    SELECT document_id, upper(replace(indicator_code, ' ', '')) AS code_key, period,
           target_value, is_percent
    FROM core.period_targets
    WHERE source = 'pk_rincian' AND indicator_code IS NOT NULL
),
pairs AS (
    SELECT pk.document_id, pk.indicator_code AS subject,
           CAST(pk.target_value AS DECIMAL(24,6)) AS stated,
           CAST(y.target_value AS DECIMAL(24,6)) AS computed,
           pk.is_percent AS stated_percent, y.is_percent AS computed_percent
    FROM pk
    LEFT JOIN rincian y
           ON y.document_id = pk.document_id AND y.code_key = pk.code_key AND y.period = 'Y'
    WHERE EXISTS (SELECT 1 FROM rincian r
                  WHERE r.document_id = pk.document_id AND r.code_key = pk.code_key)
)
SELECT document_id,
       'pk_target_vs_rincian_year' AS check_name,
       subject, stated, computed,
       CAST(computed - stated AS DECIMAL(24,6)) AS difference,
       CASE WHEN stated IS NULL AND computed IS NULL THEN 'ok'
            WHEN stated = computed AND stated_percent = computed_percent THEN 'ok'
            ELSE 'mismatch' END AS status
FROM pairs
