-- One row per distinct loaded document.
CREATE OR REPLACE VIEW bi.documents AS
SELECT document_id, file_name, unit, fiscal_year, page_count, sections, ocr_used,
       ingested_at, run_id, document_kind
FROM core.documents
ORDER BY ingested_at, document_id;
