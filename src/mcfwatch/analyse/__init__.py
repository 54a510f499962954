"""Analysis over the graph: exposure paths, transparent versioned risk rules, patterns, timelines, changes."""

from mcfwatch.analyse.exposure import Analyst
from mcfwatch.analyse.ruleset import LEVELS, UNKNOWN, RuleSet, load_rules

__all__ = ["LEVELS", "UNKNOWN", "Analyst", "RuleSet", "load_rules"]
