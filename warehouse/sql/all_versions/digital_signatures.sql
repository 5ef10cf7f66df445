-- Cryptographic (PAdES/CMS) signatures embedded in the PDF.
CREATE OR REPLACE VIEW all_versions.digital_signatures AS
SELECT document_id, field_name, signer_name, issuer, signing_time, intact,
       covers_whole_document, trusted, signer_org, modification_level, error, v.is_current
FROM core.digital_signatures
JOIN core.document_versions v USING (document_id)
ORDER BY document_id, row_no;
