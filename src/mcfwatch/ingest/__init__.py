"""Ingestion: files, folders and JSON-lines corpora into Documents (txt, md, html, pdf, docx)."""

from mcfwatch.ingest.sources import Failure, display_path, iter_documents, read_file, unread_files, walk

__all__ = ["Failure", "display_path", "iter_documents", "read_file", "unread_files", "walk"]
