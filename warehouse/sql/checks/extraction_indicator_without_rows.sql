-- Indicators the document lists in one table but not in its companion table: a PK IKU
-- with no Rincian row (when the document has a Rincian), an SKP IKI with no Lampiran row
-- (when it has a Lampiran). A page of one of the tables was lost, or a row was misread.
-- `stated`: indicators of the first table; `computed`: those found in the second.
WITH pairs(first_source, second_source) AS (VALUES ('pk', 'pk_rincian'), ('skp', 'skp_lampiran')),
found AS (
    SELECT k.document_id, p.second_source, EXISTS (
        SELECT 1 FROM core.indicator_keys r
        WHERE r.document_id = k.document_id AND r.source = p.second_source
          AND core.same_indicator(k.code_key, k.text_key, r.code_key, r.text_key)
    ) AS has_row
    FROM core.indicator_keys k
    JOIN pairs p ON p.first_source = k.source
    WHERE EXISTS (SELECT 1 FROM core.period_targets r WHERE r.document_id = k.document_id AND r.source = p.second_source)
)
SELECT document_id,
       'extraction_indicator_without_rows' AS check_name,
       second_source AS subject,
       CAST(count(*) AS DECIMAL(24,6)) AS stated,
       CAST(count(*) FILTER (WHERE has_row) AS DECIMAL(24,6)) AS computed,
       CAST(count(*) FILTER (WHERE has_row) - count(*) AS DECIMAL(24,6)) AS difference,
       CASE WHEN bool_and(has_row) THEN 'ok' ELSE 'mismatch' END AS status
FROM found
GROUP BY document_id, second_source
