-- One row per distinct loaded document, current or not. is_current: the latest version of
-- its chain (bi.document_versions); the other bi fact views show current documents only.
-- unit_id: the unit however its name is spelled (bi.units).
CREATE OR REPLACE VIEW bi.documents AS
SELECT d.document_id, d.file_name, d.unit, d.fiscal_year, d.page_count, d.sections, d.ocr_used,
       d.ingested_at, d.run_id, d.document_kind, v.is_current, d.revision_label,
       substr(md5(v.unit_key), 1, 12) AS unit_id, d.extractor_version
FROM core.documents d
JOIN core.document_versions v USING (document_id)
ORDER BY d.ingested_at, d.document_id;
