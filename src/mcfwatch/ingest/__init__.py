"""Ingestion: files, folders and JSON-lines corpora into Documents (txt, md, html, pdf, docx)."""

from mcfwatch.ingest.sources import Failure, iter_documents, read_file, walk

__all__ = ["Failure", "iter_documents", "read_file", "walk"]
