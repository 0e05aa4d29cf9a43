"""Files the rule fixtures need besides Markdown (PDFs, images), made in code.

A fixture asks for one with a directive at its top:

    <!-- file: reviews/documents/child-x.pdf = pdf_plain -->

The name after `=` is a key of FACTORIES; the function returns the bytes.
"""

from __future__ import annotations

from collections.abc import Callable

FACTORIES: dict[str, Callable[[], bytes]] = {}


def factory(function: Callable[[], bytes]) -> Callable[[], bytes]:
    FACTORIES[function.__name__] = function
    return function
