"""Where a setting is written, for the start checks' findings: the settings
file beside the content folder and the line that assigns the setting."""

from __future__ import annotations

import os
import re


def settings_file(settings, name: str) -> str:
    """`name` (pelicanconf.py, publishconf.py) beside the content folder,
    which is the project's root."""
    content = os.path.abspath(settings.get("PATH") or "content")
    return os.path.join(os.path.dirname(content), name)


def assignment_line(path: str, setting: str) -> int:
    """The line of `path` that assigns `setting` (from 1), or 1."""
    assignment = re.compile(rf"^\s*{re.escape(setting)}\s*=")
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if assignment.match(line):
                    return number
    except OSError:
        pass
    return 1
