-- Issue 11: Tesseract's confidence (0-100) in each value kinerja read by OCR: that of the
-- value's least sure word (extractors/confidence.py). NULL for values read from a text layer,
-- and for rows loaded before this migration.
ALTER TABLE core.indicator_targets ADD COLUMN ocr_confidence DECIMAL(5,2);
ALTER TABLE core.period_targets ADD COLUMN ocr_confidence DECIMAL(5,2);
ALTER TABLE core.budget_lines ADD COLUMN ocr_confidence DECIMAL(5,2);
ALTER TABLE core.budget_totals ADD COLUMN ocr_confidence DECIMAL(5,2);
