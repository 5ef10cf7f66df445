-- Rincian / Lampiran rows linked to no indicator of their own agreement: a Rincian row to
-- the PK's indicators, a Lampiran row to the SKP's IKIs (to the PK's when the document has
-- no SKP table). A row is linked by its IKU code (printed or matched) or by the same
-- indicator text; a file with neither table (a Rincian-only file) links a row by any code
-- it carries. `stated`: rows read; `computed`: rows linked.
WITH owners(source, owner) AS (VALUES ('pk_rincian', 'pk'), ('skp_lampiran', 'skp'), ('skp_lampiran', 'pk')),
rows_ AS (
    SELECT DISTINCT document_id, source, page, row_no, indicator,
           upper(replace(coalesce(indicator_code, matched_code), ' ', '')) AS code_key
    FROM core.period_targets
),
owned AS (
    -- the table a row must link to: its own, or for a Lampiran the PK's when there is no SKP table
    SELECT r.*, (
        SELECT o.owner FROM owners o
        WHERE o.source = r.source
          AND EXISTS (SELECT 1 FROM core.indicator_targets t WHERE t.document_id = r.document_id AND t.source = o.owner)
        ORDER BY o.owner = 'pk'
        LIMIT 1
    ) AS owner
    FROM rows_ r
),
judged AS (
    SELECT o.document_id, o.source,
           CASE WHEN o.owner IS NULL THEN o.code_key IS NOT NULL
                ELSE EXISTS (
                    SELECT 1 FROM core.indicator_targets t
                    WHERE t.document_id = o.document_id AND t.source = o.owner
                      AND (lower(trim(t.indicator)) = lower(trim(o.indicator))
                           OR (o.code_key IS NOT NULL
                               AND upper(replace(coalesce(t.indicator_code, t.matched_code, ''), ' ', '')) = o.code_key)))
           END AS linked
    FROM owned o
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
