-- Cryptographic (PAdES/CMS) signatures embedded in the PDF. Current documents only (bi.document_versions); every version: all_versions.digital_signatures.
CREATE OR REPLACE VIEW bi.digital_signatures AS
SELECT * EXCLUDE (is_current) FROM all_versions.digital_signatures WHERE is_current;
