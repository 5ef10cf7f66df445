-- Money is DECIMAL in every bi view, never a float (CONTRACT.md). Returns the offending columns.
SELECT table_schema || '.' || table_name || '.' || column_name AS relation, 1 AS failures
FROM information_schema.columns
WHERE table_schema = 'bi'
  AND (column_name IN ('amount_idr', 'budget_idr', 'stated', 'computed', 'difference'))
  AND data_type NOT LIKE 'DECIMAL%'
