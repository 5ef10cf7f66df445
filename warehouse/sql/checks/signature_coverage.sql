-- Each embedded digital signature: is the PDF still what its signer signed?
-- ok: the signature was read and validated, its signed bytes are intact, and either it
-- covers the whole file or what was appended after it is only what pyHanko classes as
-- 'lta_updates' (validation data, document timestamps) or 'form_filling' (later
-- signatures: the second party of a PK signs after the first). Anything else (changed
-- page content, annotations, an unreadable signature) is a mismatch; the document is
-- loaded with the values the PDF shows now. Nothing numeric is compared: stated,
-- computed and difference are NULL.
SELECT document_id,
       'signature_coverage' AS check_name,
       coalesce(field_name, 'signature ' || CAST(row_no AS VARCHAR)) AS subject,
       CAST(NULL AS DECIMAL(24,6)) AS stated,
       CAST(NULL AS DECIMAL(24,6)) AS computed,
       CAST(NULL AS DECIMAL(24,6)) AS difference,
       CASE WHEN error IS NULL AND intact
                 AND (covers_whole_document OR modification_level IN ('lta_updates', 'form_filling'))
            THEN 'ok' ELSE 'mismatch' END AS status
FROM core.digital_signatures
