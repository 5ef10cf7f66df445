-- A current PK's annual target against the 'Y' cell of its companion Rincian-only file.
-- document_id is the companion's; stated the PK's value, computed the companion's.
SELECT c.companion_document_id AS document_id, 'pk_target_vs_rincian_year' AS check_name,
       coalesce(pk.code, pk.indicator) AS subject, pk.target_value AS stated, y.target_value AS computed,
       CAST(y.target_value - pk.target_value AS DECIMAL(24,6)) AS difference,
       core.target_status(pk.target_value, y.target_value, pk.is_percent, y.is_percent) AS status
FROM core.companions c
JOIN core.target_cells pk ON pk.document_id = c.pk_document_id AND pk.source = 'pk'
JOIN core.target_cells y
  ON y.document_id = c.companion_document_id AND y.source = 'pk_rincian' AND y.period = 'Y'
 AND core.same_cell(pk.code_key, pk.text_key, y.code_key, y.text_key)
WHERE c.role = 'rincian'
