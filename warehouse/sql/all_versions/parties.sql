-- Pihak pertama / pihak kedua of a PK statement page.
CREATE OR REPLACE VIEW all_versions.parties AS
SELECT p.document_id, p.party, p.name, p.position, p.nip, p.rank, p.page,
       d.unit, d.fiscal_year, v.is_current
FROM core.parties p
JOIN core.documents d USING (document_id)
JOIN core.document_versions v USING (document_id)
ORDER BY p.document_id, p.row_no;
