-- One row per unit, however its name is spelled across files and years (core.unit_key):
-- the name most documents print (then the latest), every spelling seen, years and documents.
CREATE OR REPLACE VIEW bi.units AS
SELECT substr(md5(unit_key), 1, 12) AS unit_id,
       mode(unit ORDER BY fiscal_year DESC, unit) AS unit,
       list_sort(list_distinct(list(unit))) AS spellings,
       min(fiscal_year) AS first_year, max(fiscal_year) AS last_year,
       count(*) AS documents, count(*) FILTER (WHERE is_current) AS current_documents
FROM core.document_versions
WHERE unit_key IS NOT NULL
GROUP BY unit_key
ORDER BY unit;
