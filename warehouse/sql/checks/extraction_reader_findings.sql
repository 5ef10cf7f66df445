-- What the reader itself saw but could not vouch for (raw records of kind 'finding'):
-- figures inside a recognised table that no row took up, a document kind that was only
-- assumed, values read from a text layer laid over a scan by another tool, ...
SELECT document_id,
       json_extract_string(fields, '$.check') AS check_name,
       json_extract_string(fields, '$.subject') || ' (p' || page || ')' AS subject,
       TRY_CAST(json_extract_string(fields, '$.stated') AS DECIMAL(24,6)) AS stated,
       TRY_CAST(json_extract_string(fields, '$.computed') AS DECIMAL(24,6)) AS computed,
       CAST(TRY_CAST(json_extract_string(fields, '$.computed') AS DECIMAL(24,6))
            - TRY_CAST(json_extract_string(fields, '$.stated') AS DECIMAL(24,6)) AS DECIMAL(24,6)) AS difference,
       'mismatch' AS status
FROM raw.records
WHERE kind = 'finding'
