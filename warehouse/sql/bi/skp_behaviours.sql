-- Perilaku Kerja (BerAKHLAK) items of an SKP.
CREATE OR REPLACE VIEW bi.skp_behaviours AS
SELECT document_id, behaviour_no, behaviour, expectation, criteria, page
FROM core.skp_behaviours
ORDER BY document_id, row_no;
