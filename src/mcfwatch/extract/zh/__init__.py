"""Chinese extraction: LAC or jieba segmentation, gazetteer and head-word rules, rule-based relations."""

from mcfwatch.extract.zh.extractor import ChineseExtractor

__all__ = ["ChineseExtractor"]
