-- Every stated target keyed for comparison across the sections of one document: the PK's
-- and the SKP's annual targets (period 'Y') and each Rincian / Lampiran cell. The key is
-- the IKU code as printed or, where the document prints none, the code the row was matched to.
CREATE OR REPLACE VIEW core.target_cells AS
SELECT document_id, source, code, upper(replace(code, ' ', '')) AS code_key, period,
       CAST(target_value AS DECIMAL(24,6)) AS target_value, is_percent
FROM (
    SELECT document_id, source, coalesce(indicator_code, matched_code) AS code, 'Y' AS period,
           target_value, is_percent
    FROM core.indicator_targets
    UNION ALL
    SELECT document_id, source, coalesce(indicator_code, matched_code), period, target_value, is_percent
    FROM core.period_targets
) AS cells
WHERE code IS NOT NULL;
