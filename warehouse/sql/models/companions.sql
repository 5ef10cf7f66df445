-- Each current PK with its companion files: a current Rincian-only or SKP-only file of the same
-- unit (core.unit_key) and fiscal year. A Rincian is the PK's companion when it shares a signer
-- with it, or when the PK is the unit's only current one that year; an SKP when its appraisee is
-- one of the PK's signers (the head's own SKP, not a subordinate's, whose targets are a share).
-- Copies of one PK version (bi.document_versions.copy_of) state the same targets: only the first
-- is paired, so N copies of a PK and N of its Rincian give N pairs, not N * N, and count as one PK.
CREATE OR REPLACE VIEW core.companions AS
WITH current_ AS (
    SELECT v.document_id, v.unit_key, v.fiscal_year, v.role, v.copy_of, string_split(d.signers_key, ',') AS signers
    FROM core.document_versions v
    JOIN core.documents d USING (document_id)
    WHERE v.is_current AND v.unit_key IS NOT NULL AND v.fiscal_year IS NOT NULL
), pks AS (
    SELECT *, count(*) OVER (PARTITION BY unit_key, fiscal_year) AS pks_that_year
    FROM current_ WHERE role = 'pk' AND copy_of IS NULL
)
SELECT pk.document_id AS pk_document_id, c.document_id AS companion_document_id, c.role
FROM pks pk
JOIN current_ c ON c.unit_key = pk.unit_key AND c.fiscal_year = pk.fiscal_year
LEFT JOIN core.skp s ON s.document_id = c.document_id
WHERE (c.role = 'rincian' AND (pk.pks_that_year = 1 OR list_has_any(pk.signers, c.signers)))
   OR (c.role = 'skp' AND list_contains(pk.signers, s.appraisee_nip));
