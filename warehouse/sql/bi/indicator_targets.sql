-- Annual targets: the PK table and the SKP RHK table. Current documents only (bi.document_versions); every version: all_versions.indicator_targets.
CREATE OR REPLACE VIEW bi.indicator_targets AS
SELECT * EXCLUDE (is_current) FROM all_versions.indicator_targets WHERE is_current;
