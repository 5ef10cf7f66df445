-- Each Rincian cell (indicator, period) against the Lampiran cell of the IKI matched to it.
SELECT r.document_id, 'rincian_vs_skp_lampiran' AS check_name, r.code || ' ' || r.period AS subject,
       r.target_value AS stated, l.target_value AS computed,
       CAST(l.target_value - r.target_value AS DECIMAL(24,6)) AS difference,
       core.target_status(r.target_value, l.target_value, r.is_percent, l.is_percent) AS status
FROM core.target_cells r
JOIN core.target_cells l
  ON l.document_id = r.document_id AND l.code_key = r.code_key AND l.period = r.period
 AND l.source = 'skp_lampiran'
WHERE r.source = 'pk_rincian'
