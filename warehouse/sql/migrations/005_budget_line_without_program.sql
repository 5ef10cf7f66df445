-- An activity-only budget ('No | Kegiatan | Anggaran', no program rows) has activities that
-- belong to no program: their program is NULL, not ''.
ALTER TABLE core.budget_lines ALTER COLUMN program DROP NOT NULL;
