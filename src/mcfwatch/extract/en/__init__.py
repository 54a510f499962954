"""English extraction (spaCy). See extract/en/README in the design section of the project README."""

from mcfwatch.extract.en.extractor import EnglishExtractor

__all__ = ["EnglishExtractor"]
