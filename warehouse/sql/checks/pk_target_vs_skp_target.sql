-- A PK indicator's annual target against the SKP RHK row matched to it.
SELECT pk.document_id, 'pk_target_vs_skp_target' AS check_name, pk.code AS subject,
       pk.target_value AS stated, skp.target_value AS computed,
       CAST(skp.target_value - pk.target_value AS DECIMAL(24,6)) AS difference,
       core.target_status(pk.target_value, skp.target_value, pk.is_percent, skp.is_percent) AS status
FROM core.target_cells pk
JOIN core.target_cells skp
  ON skp.document_id = pk.document_id AND skp.code_key = pk.code_key AND skp.source = 'skp'
WHERE pk.source = 'pk'
