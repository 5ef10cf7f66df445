-- Annual targets: the PK table and the SKP RHK table.
CREATE OR REPLACE VIEW all_versions.indicator_targets AS
SELECT t.document_id, d.unit, d.fiscal_year, t.source, t.objective_no, t.objective,
       t.indicator_code, t.indicator, t.target_raw,
       CAST(t.target_value AS DOUBLE) AS target_value, t.is_percent,
       CAST(t.scale_max AS DOUBLE) AS scale_max, t.qualifier, t.perspective, t.page,
       t.matched_code, t.match_score, t.assignment, t.target_unit, t.row_no, t.ocr_confidence, v.is_current
FROM core.indicator_targets t
JOIN core.documents d USING (document_id)
JOIN core.document_versions v USING (document_id)
ORDER BY t.document_id, t.row_no;
