-- One row per indicator and period (PK Rincian, SKP Lampiran).
CREATE OR REPLACE VIEW all_versions.period_targets AS
SELECT t.document_id, d.unit, d.fiscal_year, t.source, t.row_no, t.indicator_code,
       t.indicator, t.period, t.target_raw,
       CAST(t.target_value AS DOUBLE) AS target_value, t.is_percent, t.page,
       t.objective_no, t.objective, CAST(t.scale_max AS DOUBLE) AS scale_max, t.qualifier,
       t.matched_code, t.match_score, t.target_unit, t.line_no, t.ocr_confidence, v.is_current
FROM core.period_targets t
JOIN core.documents d USING (document_id)
JOIN core.document_versions v USING (document_id)
ORDER BY t.document_id, t.line_no;
