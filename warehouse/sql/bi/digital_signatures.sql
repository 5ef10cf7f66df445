-- Cryptographic (PAdES/CMS) signatures embedded in the PDF.
CREATE OR REPLACE VIEW bi.digital_signatures AS
SELECT document_id, field_name, signer_name, issuer, signing_time, intact,
       covers_whole_document, trusted, signer_org, modification_level, error
FROM core.digital_signatures
ORDER BY document_id, row_no;
