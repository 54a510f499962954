"""mcfwatch: trace technology-transfer pathways to China's military-civil fusion, with evidence.

The library API is ``mcfwatch.workspace.Workspace``. Importing the package loads nothing else, so that
``import mcfwatch.errors`` or ``mcfwatch.settings`` stays cheap (no SQLAlchemy, no NLP models).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
