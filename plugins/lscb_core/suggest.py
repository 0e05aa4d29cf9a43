"""Suggest what an editor probably meant by a mistyped path."""

from __future__ import annotations

import difflib
import posixpath


def closest_path(wanted: str, candidates) -> str | None:
    """The candidate whose file name is nearest to `wanted`'s, if it is close.

    File names are compared without their folders, which all candidates share
    and which would make every path look alike.
    """
    by_name = {posixpath.splitext(posixpath.basename(path))[0]: path for path in candidates}
    name = posixpath.splitext(posixpath.basename(wanted))[0]
    matches = difflib.get_close_matches(name, by_name, n=1, cutoff=0.8)
    return by_name[matches[0]] if matches else None
