-- One row per indicator and period (PK Rincian, SKP Lampiran). Current documents only (bi.document_versions); every version: all_versions.period_targets.
CREATE OR REPLACE VIEW bi.period_targets AS
SELECT * EXCLUDE (is_current) FROM all_versions.period_targets WHERE is_current;
