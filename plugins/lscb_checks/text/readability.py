"""textstat, imported without the 0.35 s it spends importing nltk.

textstat imports nltk at start-up for one thing only: a pronouncing
dictionary that its syllable-based formulas use (and download from the
internet on first use). The formulas the reading-age check offers count
letters, words and sentences and never touch it. So while textstat is
imported, `nltk` is a stand-in module that imports the real nltk the first
time anything asks it for an attribute; once textstat is imported the
stand-in is removed from sys.modules, so any other `import nltk` gets the
real package. Only textstat's own reference keeps the stand-in.
"""

from __future__ import annotations

import importlib
import sys
import types


class _ImportedOnUse(types.ModuleType):
    def __getattr__(self, attribute: str):
        # Called only for attributes the stand-in lacks: everything real.
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attribute)


def _import_textstat():
    if "textstat" in sys.modules or "nltk" in sys.modules:
        return importlib.import_module("textstat")
    stand_in = _ImportedOnUse("nltk")
    sys.modules["nltk"] = stand_in
    try:
        return importlib.import_module("textstat")
    finally:
        if sys.modules.get("nltk") is stand_in:
            del sys.modules["nltk"]


textstat = _import_textstat()
