-- One row per SKP (Sasaran Kinerja Pegawai). Current documents only (bi.document_versions); every version: all_versions.skp.
CREATE OR REPLACE VIEW bi.skp AS
SELECT * EXCLUDE (is_current) FROM all_versions.skp WHERE is_current;
