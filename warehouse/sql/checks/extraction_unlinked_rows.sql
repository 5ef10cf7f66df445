-- Rincian / Lampiran rows linked to no indicator of the document. A row is linked by its
-- IKU code (printed or matched) when the document's PK table prints codes, else by the
-- same indicator text as a PK or SKP row of the document; a document with neither (a
-- Rincian-only file) links a row by any code it carries. `stated`: rows read; `computed`:
-- rows linked.
WITH pk_codes AS (
    SELECT DISTINCT document_id, upper(replace(indicator_code, ' ', '')) AS code_key
    FROM core.indicator_targets
    WHERE source = 'pk' AND indicator_code IS NOT NULL
),
texts AS (
    SELECT DISTINCT document_id, lower(trim(indicator)) AS text_key FROM core.indicator_targets
),
rows_ AS (
    SELECT DISTINCT document_id, source, page, row_no, indicator,
           upper(replace(coalesce(indicator_code, matched_code), ' ', '')) AS code_key
    FROM core.period_targets
),
judged AS (
    SELECT r.document_id, r.source,
           r.code_key IN (SELECT code_key FROM pk_codes c WHERE c.document_id = r.document_id)
           OR lower(trim(r.indicator)) IN (SELECT text_key FROM texts t WHERE t.document_id = r.document_id)
           OR (r.code_key IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM texts t WHERE t.document_id = r.document_id)) AS linked
    FROM rows_ r
)
SELECT document_id,
       'extraction_unlinked_rows' AS check_name,
       source AS subject,
       CAST(count(*) AS DECIMAL(24,6)) AS stated,
       CAST(count(*) FILTER (WHERE linked) AS DECIMAL(24,6)) AS computed,
       CAST(count(*) FILTER (WHERE linked) - count(*) AS DECIMAL(24,6)) AS difference,
       CASE WHEN bool_and(linked) THEN 'ok' ELSE 'mismatch' END AS status
FROM judged
GROUP BY document_id, source
