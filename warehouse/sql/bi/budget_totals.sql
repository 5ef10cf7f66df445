-- Printed grand totals: the budget table's Jumlah/Total, the SKP lampiran's Jumlah Anggaran. Current documents only (bi.document_versions); every version: all_versions.budget_totals.
CREATE OR REPLACE VIEW bi.budget_totals AS
SELECT * EXCLUDE (is_current) FROM all_versions.budget_totals WHERE is_current;
