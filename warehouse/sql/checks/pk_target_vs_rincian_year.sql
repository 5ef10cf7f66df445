-- A PK indicator's annual target against the 'Y' cell of its Rincian row. Only indicators
-- the Rincian lists are checked; a missing 'Y' cell then compares as NULL.
SELECT pk.document_id, 'pk_target_vs_rincian_year' AS check_name, pk.code AS subject,
       pk.target_value AS stated, y.target_value AS computed,
       CAST(y.target_value - pk.target_value AS DECIMAL(24,6)) AS difference,
       core.target_status(pk.target_value, y.target_value, pk.is_percent, y.is_percent) AS status
FROM core.target_cells pk
LEFT JOIN core.target_cells y
       ON y.document_id = pk.document_id AND y.code_key = pk.code_key
      AND y.source = 'pk_rincian' AND y.period = 'Y'
WHERE pk.source = 'pk'
  AND EXISTS (SELECT 1 FROM core.target_cells r
              WHERE r.source = 'pk_rincian' AND r.document_id = pk.document_id AND r.code_key = pk.code_key)
