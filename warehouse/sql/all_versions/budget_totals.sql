-- Printed grand totals: the budget table's Jumlah/Total, the SKP lampiran's Jumlah Anggaran.
CREATE OR REPLACE VIEW all_versions.budget_totals AS
SELECT t.document_id, d.unit, d.fiscal_year, t.source, t.label, t.amount_idr, t.amount_raw,
       t.page, t.ocr_confidence, v.is_current
FROM core.budget_totals t
JOIN core.documents d USING (document_id)
JOIN core.document_versions v USING (document_id)
ORDER BY t.document_id, t.row_no;
