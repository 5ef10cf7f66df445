-- Visible signature blocks. nip is the 18 digits, or NULL when not 18 digits were read. Current documents only (bi.document_versions); every version: all_versions.signatures.
CREATE OR REPLACE VIEW bi.signatures AS
SELECT * EXCLUDE (is_current) FROM all_versions.signatures WHERE is_current;
