-- Perilaku Kerja (BerAKHLAK) items of an SKP. Current documents only (bi.document_versions); every version: all_versions.skp_behaviours.
CREATE OR REPLACE VIEW bi.skp_behaviours AS
SELECT * EXCLUDE (is_current) FROM all_versions.skp_behaviours WHERE is_current;
