"""kidpedia's typed errors. Each carries a one-line message and a hint.

    KidpediaError                 base: message + hint; the CLI prints one line, exit 1
    ├── SourceError               a source cannot be opened or read
    │   ├── SourceNotFound        no such file
    │   ├── SourceIsDirectory     a directory where a file was expected
    │   ├── EmptySource           the file is empty
    │   └── DumpFormatError       bad XML, bad compression, truncated dump (page + offset)
    ├── StoreError                the database is missing, locked or not a kidpedia database
    │   └── ArticleNotFound       no article (or redirect) by that title
    ├── UsageError                options that do not fit together
    └── ExportError               a ZIM or a site cannot be written

Errors for bad *pages* are not exceptions: a page that cannot be processed becomes
a ``model.Skip`` and the build counts it.
"""

from __future__ import annotations


class KidpediaError(Exception):
    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __reduce__(self):  # keep hint and extra fields across processes
        return (_rebuild, (self.__class__, self.message, self.hint, self.__dict__))

    def one_line(self) -> str:
        line = self.message.replace("\n", " ")
        return f"{line} ({self.hint})" if self.hint else line


def _rebuild(cls: type, message: str, hint: str, state: dict) -> KidpediaError:
    err: KidpediaError = Exception.__new__(cls)
    KidpediaError.__init__(err, message, hint)
    err.__dict__.update(state)
    return err


class SourceError(KidpediaError):
    pass


class SourceNotFound(SourceError):
    pass


class SourceIsDirectory(SourceError):
    pass


class EmptySource(SourceError):
    pass


class DumpFormatError(SourceError):
    """The dump is malformed or truncated; ``pages_read`` pages before the fault were good."""

    def __init__(self, message: str, hint: str = "", pages_read: int = 0, offset: int | None = None):
        super().__init__(message, hint)
        self.pages_read = pages_read
        self.offset = offset


class StoreError(KidpediaError):
    pass


class ArticleNotFound(StoreError):
    pass


class UsageError(KidpediaError):
    exit_code = 2


class ExportError(KidpediaError):
    pass
