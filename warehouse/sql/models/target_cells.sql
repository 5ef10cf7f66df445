-- Every stated target keyed for comparison across the sections of one document, or across a
-- PK and its companion files: the PK's and the SKP's annual targets (period 'Y') and each
-- Rincian / Lampiran cell. code_key is the IKU code as printed or, where the document prints
-- none, the code the row was matched to (NULL if neither); text_key the indicator's text.
CREATE OR REPLACE VIEW core.target_cells AS
SELECT document_id, source, code, upper(replace(code, ' ', '')) AS code_key, indicator,
       lower(trim(indicator)) AS text_key, period,
       CAST(target_value AS DECIMAL(24,6)) AS target_value, is_percent
FROM (
    SELECT document_id, source, coalesce(indicator_code, matched_code) AS code, indicator, 'Y' AS period,
           target_value, is_percent
    FROM core.indicator_targets
    UNION ALL
    SELECT document_id, source, coalesce(indicator_code, matched_code), indicator, period, target_value, is_percent
    FROM core.period_targets
) AS cells;
