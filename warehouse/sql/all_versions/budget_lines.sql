-- The budget table in the document's order: program rows and their activities.
CREATE OR REPLACE VIEW all_versions.budget_lines AS
SELECT b.document_id, d.unit, d.fiscal_year, b.program_no, b.program, b.activity_code,
       b.activity, b.level, b.amount_idr, b.page, b.line_no, b.amount_raw, b.ocr_confidence, v.is_current
FROM core.budget_lines b
JOIN core.documents d USING (document_id)
JOIN core.document_versions v USING (document_id)
ORDER BY b.document_id, b.line_no;
