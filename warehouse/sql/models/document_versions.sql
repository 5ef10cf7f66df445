-- Every loaded document in its chain of versions. A chain is one agreement of a unit and year:
-- the same unit (core.unit_key), fiscal year, role ('pk' a PK with or without its Rincian/SKP;
-- 'rincian' a Rincian-only file; 'skp' an SKP-only file) and signers (schemas/versions.py). A
-- document whose unit, year or signers were not read is a chain of its own: it is never hidden
-- behind another.
-- A version is what a chain's documents state and when: the same content (targets as printed,
-- amounts), signing date and revision number make files copies of one version (the same
-- agreement printed by another tool, saved again), all current or none, so no reader of bi
-- loses one of them. A re-issue (a 'REVISI I', a later signed copy, changed figures) is a new
-- version. Versions rank by the printed revision number first (a date not read must not make a
-- 'REVISI I' older), then the latest signing date, then a text layer over OCR (the scan of an
-- agreement loaded beside its born-digital file does not hide the exact one), then the first
-- ingestion of their content.
CREATE OR REPLACE VIEW core.document_versions AS
WITH roles AS (
    SELECT d.*, core.unit_key(d.unit) AS unit_key,
           CASE WHEN list_has_any(d.sections, ['pk_statement', 'pk', 'pk_budget']) THEN 'pk'
                WHEN list_contains(d.sections, 'pk_rincian') THEN 'rincian'
                WHEN list_has_any(d.sections, ['skp', 'skp_lampiran']) THEN 'skp'
                ELSE 'other' END AS role
    FROM core.documents d
), chained AS (
    SELECT *,
           CASE WHEN unit_key IS NULL OR fiscal_year IS NULL OR signers_key IS NULL OR role = 'other' THEN document_id
                ELSE md5(concat_ws('|', unit_key, fiscal_year, role, signers_key)) END AS chain_id,
           concat_ws('|', coalesce(content_key, document_id), signed_on, coalesce(revision_no, 0)) AS version_key
    FROM roles
), versions AS (
    SELECT chain_id, version_key, any_value(coalesce(revision_no, 0)) AS revision_no, any_value(signed_on) AS signed_on,
           bool_and(NOT ocr_used) AS text_layer, min(ingested_at) AS first_ingested_at, min(document_id) AS first_document_id
    FROM chained
    GROUP BY chain_id, version_key
), ranked AS (
    SELECT *,
           row_number() OVER chain AS version_no,
           lag(first_document_id) OVER chain AS supersedes,
           row_number() OVER chain = count(*) OVER (PARTITION BY chain_id) AS is_current
    FROM versions
    WINDOW chain AS (PARTITION BY chain_id ORDER BY revision_no, signed_on NULLS FIRST, text_layer, first_ingested_at, first_document_id)
)
SELECT c.document_id, c.unit, c.unit_key, c.fiscal_year, c.document_kind, c.sections, c.role, c.revision_label,
       c.signed_on, c.ingested_at, c.chain_id, c.content_key, c.signers_key,
       r.version_no, r.supersedes, r.is_current,
       nullif(r.first_document_id, c.document_id) AS copy_of
FROM chained c
JOIN ranked r USING (chain_id, version_key);
