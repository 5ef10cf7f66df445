-- Perilaku Kerja (BerAKHLAK) items of an SKP.
CREATE OR REPLACE VIEW all_versions.skp_behaviours AS
SELECT document_id, behaviour_no, behaviour, expectation, criteria, page, v.is_current
FROM core.skp_behaviours
JOIN core.document_versions v USING (document_id)
ORDER BY document_id, row_no;
