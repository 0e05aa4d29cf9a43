"""The plugins' order: the final gate must read the finished search index.

Pelican runs the receivers of a signal in the order of PLUGINS. The checks'
output stage reads every file of the built site, the search index included,
so lscb_search, when it is used, must be listed before lscb_checks.
"""

from __future__ import annotations


class PluginOrderError(Exception):
    """Raised at start-up; Pelican exits with `exitcode`."""

    exitcode = 1


def check_order(pelican) -> None:
    names = [getattr(plugin, "__name__", str(plugin)).rsplit(".", 1)[-1]
             for plugin in pelican.settings.get("PLUGINS") or []]
    if "lscb_search" in names and "lscb_checks" in names and \
            names.index("lscb_search") > names.index("lscb_checks"):
        raise PluginOrderError(
            "pelicanconf.py: PLUGINS lists lscb_search after lscb_checks, so the last check would "
            "not read the search index\n    hint: list lscb_search before lscb_checks in PLUGINS")
