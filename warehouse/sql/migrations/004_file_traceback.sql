-- The full Python traceback of a file quarantined because of an exception
-- (extraction_failed, and corrupt when a PDF library raised it); NULL otherwise.
ALTER TABLE core.files ADD COLUMN traceback VARCHAR;
