-- Every loaded document of a unit and year in its chain of versions (CONTRACT.md). A re-issued
-- agreement ('REVISI I', a later signed copy) supersedes the one before; a Rincian-only or
-- SKP-only file of the same unit and year is a chain of its own (document_kind/role), current
-- beside the PK. Copies of one version (same content, date, revision) are all current;
-- copy_of names the first of them. Nothing is overwritten or deleted.
CREATE OR REPLACE VIEW bi.document_versions AS
SELECT document_id, unit, fiscal_year, document_kind, sections, revision_label, signed_on,
       ingested_at, version_no, supersedes, is_current, role, chain_id, copy_of,
       substr(md5(unit_key), 1, 12) AS unit_id
FROM core.document_versions
ORDER BY unit_key, fiscal_year, role, chain_id, version_no;
