-- Visible signature blocks. nip is the 18 digits, or NULL when not 18 digits were read.
-- signed_mark: 'electronic' | 'image' | 'none' (NULL for rows loaded before migration 002).
CREATE OR REPLACE VIEW all_versions.signatures AS
SELECT s.document_id, s.section, s.role, s.name,
       CASE WHEN regexp_full_match(s.nip, '[0-9]{18}') THEN s.nip END AS nip,
       s.place, s.signed_on, s.electronic, s.page,
       s.block_no, s.party, s.nip_valid, s.date_precision, s.nip_raw,
       s.nip_birth_date, s.nip_appointed, s.nip_sex, s.nip_problem, s.signed_mark, v.is_current
FROM core.signatures s
JOIN core.document_versions v USING (document_id)
ORDER BY s.document_id, s.row_no;
