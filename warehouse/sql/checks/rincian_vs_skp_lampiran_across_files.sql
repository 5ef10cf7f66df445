-- Each Rincian cell of a current PK (its own Rincian, or a companion Rincian-only file) against
-- the Lampiran cell of its head's SKP-only file, for the same indicator and period.
WITH rincian AS (
    SELECT c.pk_document_id, r.*
    FROM core.companions c
    JOIN core.target_cells r ON r.document_id IN (c.pk_document_id, c.companion_document_id) AND r.source = 'pk_rincian'
    WHERE c.role = 'rincian'
    UNION
    SELECT c.pk_document_id, r.*
    FROM core.companions c
    JOIN core.target_cells r ON r.document_id = c.pk_document_id AND r.source = 'pk_rincian'
)
SELECT s.companion_document_id AS document_id, 'rincian_vs_skp_lampiran' AS check_name,
       coalesce(r.code, r.indicator) || ' ' || r.period AS subject,
       r.target_value AS stated, l.target_value AS computed,
       CAST(l.target_value - r.target_value AS DECIMAL(24,6)) AS difference,
       core.target_status(r.target_value, l.target_value, r.is_percent, l.is_percent) AS status
FROM core.companions s
JOIN rincian r ON r.pk_document_id = s.pk_document_id
JOIN core.target_cells l
  ON l.document_id = s.companion_document_id AND l.source = 'skp_lampiran' AND l.period = r.period
 AND core.same_cell(r.code_key, r.text_key, l.code_key, l.text_key)
WHERE s.role = 'skp'
