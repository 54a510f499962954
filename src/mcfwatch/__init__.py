"""mcfwatch: trace technology-transfer pathways to China's military-civil fusion, with evidence."""

from mcfwatch.workspace import IngestReport, Workspace

__version__ = "0.1.0"
__all__ = ["IngestReport", "Workspace", "__version__"]
