"""Extraction: entities, pathway relations, dates and evidence spans from document text."""

from mcfwatch.extract.pipeline import Extractor

__all__ = ["Extractor"]
