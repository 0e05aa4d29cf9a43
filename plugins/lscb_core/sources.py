"""Map metadata fields back to the line of the source file they came from."""

from __future__ import annotations

import functools
import re

_FIELD = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]*):")


@functools.lru_cache(maxsize=4096)
def metadata_lines(source_path: str) -> dict[str, int]:
    """Field name (lower case) -> 1-based line number, for a Markdown header.

    Reads only the metadata block at the top of the file, which ends at the
    first blank line.
    """
    lines: dict[str, int] = {}
    try:
        with open(source_path, encoding="utf-8") as handle:
            for number, text in enumerate(handle, start=1):
                if not text.strip():
                    break
                match = _FIELD.match(text)
                if match:
                    lines.setdefault(match.group(1).strip().lower(), number)
    except OSError:
        pass
    return lines


def field_line(source_path: str, field: str) -> int:
    """Line of `field` in the file's metadata, or 1 when it is absent."""
    return metadata_lines(source_path).get(field.lower(), 1)
