-- Every loaded document in its chain of versions. A chain is one agreement of a unit and year:
-- the same unit (core.unit_key), fiscal year, role ('pk' a PK with or without its Rincian/SKP;
-- 'rincian' a Rincian-only file; 'skp' an SKP-only file) and signers (schemas/versions.py). A
-- document whose unit, year or signers were not read is a chain of its own: it is never hidden
-- behind another. In a chain the printed revision number ranks first (a date not read must not
-- make a 'REVISI I' older), then the latest signing date, then the latest ingestion of its
-- content; byte-different copies of the same content (copy_of) rank by document_id, so which
-- copy is current does not depend on the order files arrived in.
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
           min(ingested_at) OVER (PARTITION BY unit_key, fiscal_year, role, signers_key, coalesce(content_key, document_id))
               AS content_ingested_at
    FROM roles
)
SELECT document_id, unit, unit_key, fiscal_year, document_kind, sections, role, revision_label, signed_on,
       ingested_at, chain_id, content_key, signers_key,
       row_number() OVER chain AS version_no,
       lag(document_id) OVER chain AS supersedes,
       row_number() OVER chain = count(*) OVER (PARTITION BY chain_id) AS is_current,
       CASE WHEN content_key IS NOT NULL
            THEN nullif(first_value(document_id) OVER (PARTITION BY chain_id, content_key ORDER BY
                     coalesce(revision_no, 0), signed_on NULLS FIRST, content_ingested_at, document_id), document_id) END AS copy_of
FROM chained
WINDOW chain AS (PARTITION BY chain_id ORDER BY coalesce(revision_no, 0), signed_on NULLS FIRST, content_ingested_at, document_id);
