COMMENT ON VIEW bi.units IS $$One row per unit, however documents spell its name ('KPPN Malang', 'Kantor Pelayanan Perbendaharaan Negara (KPPN) Malang'): abbreviations written out, case, punctuation and Roman numerals folded.$$;
COMMENT ON COLUMN bi.units.unit_id IS $$The unit's key (12 hex characters); bi.documents, bi.document_versions and bi.indicator_links carry it.$$;
COMMENT ON COLUMN bi.units.unit IS $$The name most of its documents print (ties: the latest year's).$$;
COMMENT ON COLUMN bi.units.spellings IS $$Every spelling of the name seen in its documents.$$;
COMMENT ON COLUMN bi.units.first_year IS $$The earliest fiscal year of its documents.$$;
COMMENT ON COLUMN bi.units.last_year IS $$The latest fiscal year of its documents.$$;
COMMENT ON COLUMN bi.units.documents IS $$Its loaded documents, every version.$$;
COMMENT ON COLUMN bi.units.current_documents IS $$Its current documents (bi.document_versions.is_current).$$;
