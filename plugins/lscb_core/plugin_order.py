"""The site's plugins: each one that another relies on is listed, in a working order.

Pelican runs the receivers of a signal in the order of PLUGINS, and a plugin
that is not listed does not run at all, silently. Checked when Pelican
starts (`initialized`, connected by every lscb plugin), before anything is
read: a wrong list stops the build with what is wrong and how to fix it.

The order is the flow of a build (docs/architecture.md):

* lscb_content gives every page its type as it is read, which the review
  gate and the checks go by (the early reader of bodies skips reviews by it,
  at the same signal), and finishes the pages (charts, glossary links)
  before the others read them;
* lscb_reviews keeps withheld reviews and their files out, before the
  checks collect the site, and reports what it finds for them to judge;
* lscb_search builds the index, which the final gate reads;
* lscb_checks last: its source stage judges every finding reported before
  it, its output stage reads every file of the finished site.

Other plugins may sit anywhere before lscb_checks, never after it: a plugin
after it could change or add files once the final gate has read the site.
"""

from __future__ import annotations

ORDER = ("lscb_content", "lscb_reviews", "lscb_search", "lscb_checks")

# Plugin -> the plugins it relies on, and why.
NEEDS = {
    "lscb_reviews": {
        "lscb_content": "the review gate knows a review by the type lscb_content gives it",
    },
    "lscb_search": {
        "lscb_checks": "the index may hold only the pages lscb_checks knows as published",
    },
    "lscb_checks": {
        "lscb_content": "the checks know a review by the type lscb_content gives it",
        "lscb_reviews": "without the review gate, reviews would be published unchecked",
    },
}

# (listed first, listed after it) -> why it comes first.
WHY_FIRST = {
    ("lscb_content", "lscb_reviews"): "lscb_content finishes each page before the review gate reads it",
    ("lscb_content", "lscb_checks"): "lscb_content finishes each page before the checks read it",
    ("lscb_reviews", "lscb_checks"): "the review gate keeps files out before the checks run",
    ("lscb_search", "lscb_checks"): "the last check reads the search index",
}


class PluginOrderError(Exception):
    """Raised at start-up; Pelican exits with `exitcode`."""

    exitcode = 1


def plugin_names(settings) -> list[str]:
    """PLUGINS as names (Pelican keeps the names of those it registered)."""
    return [getattr(plugin, "__name__", str(plugin)).rsplit(".", 1)[-1] for plugin in settings.get("PLUGINS") or []]


_AFTER_THE_GATE = "it could change the site after the final gate has read it"


def problems(names: list[str]) -> list[tuple[str, str]]:
    """(what is wrong, why it matters) for each problem of a PLUGINS list;
    [] when it works."""
    found = []
    if "lscb_checks" in names:
        found += [
            (f"{other} after lscb_checks", _AFTER_THE_GATE)
            for other in names[names.index("lscb_checks") + 1 :]
            if other not in ORDER
        ]
    for name in ORDER:
        if name in names:
            found += [
                (f"{name} without {needed}", why) for needed, why in NEEDS.get(name, {}).items() if needed not in names
            ]
    listed = [name for name in names if name in ORDER]
    for position, later in enumerate(listed):
        for earlier in listed[position + 1 :]:
            if ORDER.index(earlier) < ORDER.index(later):
                why = WHY_FIRST.get((earlier, later), "the build runs in the order " + ", ".join(ORDER))
                found.append((f"{earlier} after {later}", why))
    return found


def working_list(names: list[str]) -> list[str]:
    """The other plugins listed, in their order, then the lscb plugins
    listed, with those they rely on, in working order."""
    wanted = {name for name in names if name in ORDER}
    while more := {needed for name in wanted for needed in NEEDS.get(name, {})} - wanted:
        wanted |= more
    return [name for name in names if name not in ORDER] + [name for name in ORDER if name in wanted]


def check_order(pelican) -> None:
    """Pelican's `initialized`: stop here when PLUGINS would not work.

    The first line says what is wrong (it is the message lscb_core.build
    reports), one line per problem follows with why it matters, and the
    hint gives the list that works."""
    names = plugin_names(pelican.settings)
    found = problems(names)
    if found:
        suggested = ", ".join(f'"{name}"' for name in working_list(names))
        raise PluginOrderError(
            "\n".join(
                [f"PLUGINS: {found[0][0]}"]
                + [f"    {what}: {why}" for what, why in found]
                + [f"    hint: in pelicanconf.py, PLUGINS = [{suggested}]: {found[0][1]}"]
            )
        )
