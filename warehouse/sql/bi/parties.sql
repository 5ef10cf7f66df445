-- Pihak pertama / pihak kedua of a PK statement page. Current documents only (bi.document_versions); every version: all_versions.parties.
CREATE OR REPLACE VIEW bi.parties AS
SELECT * EXCLUDE (is_current) FROM all_versions.parties WHERE is_current;
