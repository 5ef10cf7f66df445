"""PDF -> raw records with page and position.

EXTRACTOR_VERSION names what this code reads from a PDF. Raise it with every change that
alters the records of any document (a table read differently, a new field): documents
loaded by an older version are then re-read by `kinerja ingest --reextract`.
"""

# 3: OCR confidence on values read by OCR, and its findings; 4: scans under another tool's OCR
# layer read with image rules, stacked targets split, second readings, OCR'd amounts repaired;
# 5: a target column headed by its year alone ('Indikator Kinerja | Satuan | 2022'), a lost budget row's amount found,
# slanted OCR lines grouped square to their slant, figures under their label cut apart,
# a scan's rules that lean (photographed pages) or zigzag once turned straight read whole;
# 6: OCR specks (smeared glyphs, signs at a cell's edges, a stray figure in a header line) left
# out of a scan's borderless tables, a target with no indicator stated instead of loaded, an amount
# OCR read as letters loaded as unreadable, a funding-source column ('Sumber Dana') kept out of
# the rows' names, a money column headed 'Jumlah (Rp)' or 'Biaya';
# 7: header labels wrapped in narrow borderless columns read whole ('Jumlah' over 'Anggaran',
# 'Sumber' over 'Dana'), a merged objective's words wrapped past its first indicator kept with it.

EXTRACTOR_VERSION = 7
