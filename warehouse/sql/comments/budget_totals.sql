COMMENT ON VIEW bi.budget_totals IS $$Printed grand totals: the 'Jumlah'/'Total' row of the PK's budget table and the SKP Lampiran's 'Jumlah Anggaran'. bi.reconciliation checks each against the sum of the program rows (budget_total_vs_programs).$$;
COMMENT ON COLUMN bi.budget_totals.document_id IS $$The document (SHA-256 of the file's bytes; joins bi.documents).$$;
COMMENT ON COLUMN bi.budget_totals.unit IS $$The document's unit (as in bi.documents).$$;
COMMENT ON COLUMN bi.budget_totals.fiscal_year IS $$The document's fiscal year (as in bi.documents).$$;
COMMENT ON COLUMN bi.budget_totals.source IS $$Where the total is printed: 'pk_budget' (the PK's budget table) or 'skp_lampiran' (the SKP Lampiran's Dukungan Sumber Daya).$$;
COMMENT ON COLUMN bi.budget_totals.label IS $$The total's label as printed, e.g. 'Jumlah', 'Total', 'Jumlah Anggaran'.$$;
COMMENT ON COLUMN bi.budget_totals.amount_idr IS $$The total in Rupiah, DECIMAL(20,2), exact ('Rp1,2 triliun' -> 1200000000000.00).$$;
COMMENT ON COLUMN bi.budget_totals.amount_raw IS $$The total exactly as printed, e.g. 'Rp 14.651.250.000,00' or 'Rp1,2 triliun'.$$;
COMMENT ON COLUMN bi.budget_totals.page IS $$The 1-based page of the PDF the total was read from.$$;
