-- One row per SKP (Sasaran Kinerja Pegawai).
CREATE OR REPLACE VIEW all_versions.skp AS
SELECT s.document_id, coalesce(d.fiscal_year, s.fiscal_year) AS fiscal_year,
       s.period_start, s.period_end,
       s.appraisee_name, s.appraisee_nip, s.appraisee_rank, s.appraisee_position,
       s.appraisee_unit,
       s.appraiser_name, s.appraiser_nip, s.appraiser_rank, s.appraiser_position,
       s.appraiser_unit,
       s.employees, s.budget_idr, s.page, d.unit, v.is_current
FROM core.skp s
JOIN core.documents d USING (document_id)
JOIN core.document_versions v USING (document_id)
ORDER BY s.document_id;
