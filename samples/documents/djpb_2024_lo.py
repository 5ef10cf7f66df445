"""The DJPb 2024 PK + SKP again, typed into Word and converted by LibreOffice instead of
drawn by reportlab: the same hand-typed spec, so the same truth but for the file name
and the producer."""

from __future__ import annotations

from dataclasses import replace

from samples.documents import djpb_2024

DOCUMENT = replace(djpb_2024.DOCUMENT, name="djpb-2024-pk-skp-lo", producer="libreoffice")
