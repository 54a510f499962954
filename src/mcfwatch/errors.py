"""All mcfwatch errors share one base class. Each docstring says what the caller should do."""


class McfwatchError(Exception):
    """Base class. The message is meant for a user: it names the input and the fix."""


class InputError(McfwatchError):
    """A single input (file, record) could not be read. Skip it, report it, go on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EvidenceError(McfwatchError):
    """A span does not match the text it claims to quote. A bug in an extractor: stop."""


class StoreError(McfwatchError):
    """The store cannot be opened or is of an unknown schema version. Stop and fix the store."""


class NotFoundError(McfwatchError):
    """A name or id was not found in the store or lists. Tell the user; nothing to retry."""


class MissingExtraError(McfwatchError):
    """An optional dependency is not installed. The message names the pip extra to install."""

    def __init__(self, extra: str, package: str) -> None:
        super().__init__(f"this feature needs the '{extra}' extra: pip install 'mcfwatch[{extra}]' (package {package})")


class WorkerLostError(McfwatchError):
    """An extraction worker process died (killed, out of memory, crashed). What was stored is kept: run again."""
