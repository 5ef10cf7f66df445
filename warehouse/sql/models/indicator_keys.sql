-- Each indicator row (PK / SKP table) and each Rincian / Lampiran row with the two keys
-- that identify its indicator within a document: the IKU code (printed, else matched;
-- spaces out, upper case) and the indicator text (trimmed, lower case).
CREATE OR REPLACE VIEW core.indicator_keys AS
SELECT document_id, source, page,
       nullif(upper(replace(coalesce(indicator_code, matched_code, ''), ' ', '')), '') AS code_key,
       lower(trim(indicator)) AS text_key
FROM (
    SELECT document_id, source, page, indicator_code, matched_code, indicator FROM core.indicator_targets
    UNION ALL
    SELECT DISTINCT document_id, source, page, indicator_code, matched_code, indicator FROM core.period_targets
) AS rows_;
