-- A current PK's annual target against the RHK row of its head's SKP-only file.
SELECT c.companion_document_id AS document_id, 'pk_target_vs_skp_target' AS check_name,
       coalesce(pk.code, pk.indicator) AS subject, pk.target_value AS stated, skp.target_value AS computed,
       CAST(skp.target_value - pk.target_value AS DECIMAL(24,6)) AS difference,
       core.target_status(pk.target_value, skp.target_value, pk.is_percent, skp.is_percent) AS status
FROM core.companions c
JOIN core.target_cells pk ON pk.document_id = c.pk_document_id AND pk.source = 'pk'
JOIN core.target_cells skp
  ON skp.document_id = c.companion_document_id AND skp.source = 'skp'
 AND core.same_cell(pk.code_key, pk.text_key, skp.code_key, skp.text_key)
WHERE c.role = 'skp'
