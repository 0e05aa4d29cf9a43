"""Whether work can go to a second process: the PDF reader, the early reader
of bodies, the source checks beside the writing and the final gate's readers
all fork one, and all do the work in the build process instead when this
says no."""

from __future__ import annotations

import multiprocessing
import os


def second_core() -> bool:
    """Two cores or more, and processes that can be forked (not on Windows
    or where the start method is not available)."""
    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()
