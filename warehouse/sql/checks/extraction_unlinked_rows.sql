-- Rincian / Lampiran rows linked to no indicator of their own agreement: a Rincian row to
-- the PK's indicators, a Lampiran row to the SKP's IKIs (to the PK's when the document has
-- no SKP table), by code or text (core.same_indicator); a file with neither table (a
-- Rincian-only file) links a row by any code it carries. `stated`: rows read; `computed`:
-- rows linked.
WITH owners(source, owner) AS (VALUES ('pk_rincian', 'pk'), ('skp_lampiran', 'skp'), ('skp_lampiran', 'pk')),
owned AS (
    SELECT r.*, (
        SELECT o.owner FROM owners o
        WHERE o.source = r.source
          AND EXISTS (SELECT 1 FROM core.indicator_targets t WHERE t.document_id = r.document_id AND t.source = o.owner)
        ORDER BY o.owner = 'pk'
        LIMIT 1
    ) AS owner
    FROM core.indicator_keys r
    WHERE r.source IN ('pk_rincian', 'skp_lampiran')
),
judged AS (
    SELECT o.document_id, o.source,
           CASE WHEN o.owner IS NULL THEN o.code_key IS NOT NULL
                ELSE EXISTS (
                    SELECT 1 FROM core.indicator_keys t
                    WHERE t.document_id = o.document_id AND t.source = o.owner
                      AND core.same_indicator(o.code_key, o.text_key, t.code_key, t.text_key))
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
