-- A PK indicator's annual target against the SKP RHK row matched to it
-- (the SKP prints no codes: matched_code comes from text matching).
WITH pk AS (
    SELECT document_id, indicator_code, upper(replace(indicator_code, ' ', '')) AS code_key,
           target_value, is_percent
    FROM core.indicator_targets
    WHERE source = 'pk' AND indicator_code IS NOT NULL
),
skp AS (
    SELECT document_id, upper(replace(matched_code, ' ', '')) AS code_key,
           target_value, is_percent
    FROM core.indicator_targets
    WHERE source = 'skp' AND matched_code IS NOT NULL
),
pairs AS (
    SELECT pk.document_id, pk.indicator_code AS subject,
           CAST(pk.target_value AS DECIMAL(24,6)) AS stated,
           CAST(skp.target_value AS DECIMAL(24,6)) AS computed,
           pk.is_percent AS stated_percent, skp.is_percent AS computed_percent
    FROM pk
    JOIN skp ON skp.document_id = pk.document_id AND skp.code_key = pk.code_key
)
SELECT document_id,
       'pk_target_vs_skp_target' AS check_name,
       subject, stated, computed,
       CAST(computed - stated AS DECIMAL(24,6)) AS difference,
       CASE WHEN stated IS NULL AND computed IS NULL THEN 'ok'
            WHEN stated = computed AND stated_percent = computed_percent THEN 'ok'
            ELSE 'mismatch' END AS status
FROM pairs
