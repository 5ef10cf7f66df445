-- Issue 4: how each visible signature block is signed.
-- signed_mark: 'electronic' (the e-sign text or a BSrE footer on the page), 'image' (an
-- ink or stamp image overlaps the block), 'none' (a blank signature space). DuckDB cannot
-- add a column with a CHECK constraint; the loader writes only these three values.
-- Rows loaded before this migration were never looked at and keep NULL (unknown).
-- core.digital_signatures (001) already has the columns pyHanko's validation fills.
ALTER TABLE core.signatures ADD COLUMN signed_mark VARCHAR;
