-- Each Rincian cell (indicator, period) against the SKP Lampiran cell of the IKI
-- matched to that indicator, for the same period.
WITH rincian AS (
    SELECT document_id, indicator_code, upper(replace(indicator_code, ' ', '')) AS code_key,
           period, target_value, is_percent
    FROM core.period_targets
    WHERE source = 'pk_rincian' AND indicator_code IS NOT NULL
),
lampiran AS (
    SELECT document_id, upper(replace(matched_code, ' ', '')) AS code_key, period,
           target_value, is_percent
    FROM core.period_targets
    WHERE source = 'skp_lampiran' AND matched_code IS NOT NULL
),
pairs AS (
    SELECT r.document_id, r.indicator_code || ' ' || r.period AS subject,
           CAST(r.target_value AS DECIMAL(24,6)) AS stated,
           CAST(l.target_value AS DECIMAL(24,6)) AS computed,
           r.is_percent AS stated_percent, l.is_percent AS computed_percent
    FROM rincian r
    JOIN lampiran l
      ON l.document_id = r.document_id AND l.code_key = r.code_key AND l.period = r.period
)
SELECT document_id,
       'rincian_vs_skp_lampiran' AS check_name,
       subject, stated, computed,
       CAST(computed - stated AS DECIMAL(24,6)) AS difference,
       CASE WHEN stated IS NULL AND computed IS NULL THEN 'ok'
            WHEN stated = computed AND stated_percent = computed_percent THEN 'ok'
            ELSE 'mismatch' END AS status
FROM pairs
