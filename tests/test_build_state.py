"""The plugins share one typed build state (lscb_core.build_state), fresh for
every build, and nothing else through Pelican's settings; PLUGINS is checked
at start-up for what each plugin relies on and the order
(lscb_core.plugin_order)."""

from __future__ import annotations

import ast
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pelican import signals

from conftest import DEMO_TODAY, ROOT, ScenarioSite, add_standard_pages, guidance_markdown, review_markdown
from lscb_core.build_state import NoBuildState, build_state
from lscb_core.plugin_order import ORDER, problems, working_list

# Each build's state, as the plugins see it once every file is read.
_SEEN: list = []


def _keep_state(generators) -> None:
    _SEEN.append(build_state(generators[0].settings))


@pytest.fixture
def states():
    _SEEN.clear()
    signals.all_generators_finalized.connect(_keep_state)
    yield _SEEN
    signals.all_generators_finalized.disconnect(_keep_state)
    _SEEN.clear()


def test_two_builds_in_one_process_do_not_share_their_state(tmp_path, states):
    first = ScenarioSite(tmp_path / "first")
    first.write("guidance/overdue.md", guidance_markdown("Overdue", Review_date="2020-01-01"))
    overdue = first.build()
    assert overdue.ok and overdue.codes() == ["DATE001"], overdue.messages()

    second = ScenarioSite(tmp_path / "second")
    second.write("guidance/current.md", guidance_markdown("Current"))
    current = second.build()
    assert current.ok and current.codes() == [], current.messages()

    assert len(states) == 2 and states[0] is not states[1]
    assert [f.code for f in states[0].findings] == ["DATE001"]
    assert states[1].findings == []
    # lscb_core.build reports what the state holds.
    assert overdue.result.findings == states[0].findings
    assert "(collect the site)" in overdue.result.timings
    assert overdue.result.timings == states[0].check_times
    assert states[0].site is not None and states[1].site is not states[0].site
    assert {item.relative_path for item in states[1].site.items if item.type_key == "guidance"} == {
        "guidance/current.md"
    }


def test_a_build_that_stopped_leaves_nothing_to_the_next(tmp_path, states):
    stopped = ScenarioSite(tmp_path / "stopped")
    stopped.write("reviews/child-q.md", review_markdown(Publication_decision=None))
    withheld = stopped.build()
    assert not withheld.ok and "REV001" in withheld.codes(), withheld.messages()
    assert states[0].blocked_reviews.articles  # the review the gate kept out

    clean = ScenarioSite(tmp_path / "clean")
    clean.write("guidance/current.md", guidance_markdown("Current"))
    after = clean.build()
    assert after.ok and after.codes() == [], after.messages()
    assert states[1].findings == [] and states[1].judged == 0
    assert states[1].blocked_reviews.articles == [] and not states[1].blocked_reviews.sources


def test_a_plugin_run_without_a_build_state_says_so():
    with pytest.raises(NoBuildState, match="LSCB_STATE"):
        build_state({"PATH": "content"})


# The runtime keys the plugins once passed each other in the settings.
_OLD_KEYS = re.compile(r"\bLSCB_(?:FINDINGS(?:_JUDGED)?|SITE|WAIVERS|CHECK_TIMES|SOURCE_BESIDE|BLOCKED_REVIEWS)\b")
_MUTATORS = {"setdefault", "pop", "popitem", "update", "clear", "__setitem__", "__delitem__"}
# The one place a plugin writes Pelican's settings during a build.
_WRITER = Path("plugins", "lscb_core", "build_state.py")


def _is_settings(node: ast.AST) -> bool:
    """`settings`, `x.settings`, `settings_dict`: a name for Pelican's settings."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return name == "settings" or name.endswith("_settings")


def settings_state(root: Path = ROOT) -> list[str]:
    """'file:line: what' for each use of an old runtime key, and each write
    to a settings dict, in the code of plugins/, scripts/ and tools/."""
    found = []
    for folder in ("plugins", "scripts", "tools"):
        for path in sorted((root / folder).rglob("*")):
            if not path.is_file() or (path.suffix != ".py" and folder != "scripts"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            relative = path.relative_to(root)
            for number, line in enumerate(text.splitlines(), 1):
                for key in _OLD_KEYS.findall(line):
                    found.append(f"{relative}:{number}: {key}")
            if path.suffix != ".py" or relative == _WRITER:
                continue
            for node in ast.walk(ast.parse(text)):
                targets = (
                    node.targets
                    if isinstance(node, (ast.Assign, ast.Delete))
                    else [node.target]
                    if isinstance(node, ast.AugAssign)
                    else []
                )
                for target in targets:
                    if isinstance(target, ast.Subscript) and _is_settings(target.value):
                        found.append(f"{relative}:{node.lineno}: settings[...] written")
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in _MUTATORS
                    and _is_settings(node.func.value)
                ):
                    found.append(f"{relative}:{node.lineno}: settings.{node.func.attr}(...)")
    return found


def test_no_plugin_passes_state_through_the_settings():
    assert settings_state() == [], "keep a build's state in lscb_core.build_state.BuildState"


def test_state_passed_through_the_settings_is_found(tmp_path):
    for folder in ("plugins/lscb_core", "plugins/lscb_search", "scripts", "tools"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "plugins" / "lscb_core" / "build_state.py").write_text(
        "def begin(pelican):\n    pelican.settings['LSCB_STATE'] = 1\n", encoding="utf-8"
    )
    (tmp_path / "plugins" / "lscb_search" / "indexer.py").write_text(
        "def f(pelican, settings):\n"
        "    site = settings.get('LSCB_SITE')\n"
        "    pelican.settings['LSCB_NEW'] = 1\n"
        "    settings.setdefault('X', []).append(site)\n"
        "    url = settings.get('LSCB_SITEURL')\n",
        encoding="utf-8",
    )
    assert settings_state(tmp_path) == [
        "plugins/lscb_search/indexer.py:2: LSCB_SITE",
        "plugins/lscb_search/indexer.py:3: settings[...] written",
        "plugins/lscb_search/indexer.py:4: settings.setdefault(...)",
    ]


def test_every_order_of_the_plugins_but_one_is_refused():
    for names in itertools.permutations(ORDER):
        assert (problems(list(names)) == []) == (names == ORDER), names


def test_the_plugins_a_plugin_relies_on_are_required():
    assert problems(["lscb_content"]) == []
    assert problems(["lscb_content", "lscb_reviews"]) == []  # the bench's build without checks
    assert [what for what, _why in problems(["lscb_reviews"])] == ["lscb_reviews without lscb_content"]
    assert [what for what, _why in problems(["lscb_search", "lscb_checks"])] == [
        "lscb_checks without lscb_content",
        "lscb_checks without lscb_reviews",
    ]
    assert working_list(["lscb_search"]) == list(ORDER)


def test_no_plugin_may_follow_the_checks():
    """A plugin after lscb_checks could change the site once the final gate
    has read it; before lscb_checks, anywhere, it is read like the rest."""
    assert [what for what, _why in problems([*ORDER, "sitemap"])] == ["sitemap after lscb_checks"]
    assert problems(["sitemap", *ORDER]) == problems(["lscb_content", "sitemap", *ORDER[1:]]) == []
    assert working_list([*ORDER, "sitemap"]) == ["sitemap", *ORDER]


# A plugin of a board's own that writes a file once the site is finalized.
_LATE_WRITER = """
import os
from pelican import signals

def write(pelican):
    with open(os.path.join(pelican.output_path, "late.txt"), "w", encoding="utf-8") as handle:
        handle.write("Written by a plugin when the site was finalized.")

def register():
    signals.finalized.connect(write)
"""


def _build_with(scenario: ScenarioSite, plugins: list[str]) -> subprocess.CompletedProcess:
    """A real build in its own process: Pelican's signals keep the receivers
    of every plugin a process ever registered, in the order it first did."""
    add_standard_pages(scenario.content)
    (scenario.root / "own_plugins").mkdir(exist_ok=True)
    (scenario.root / "own_plugins" / "late_writer.py").write_text(_LATE_WRITER, encoding="utf-8")
    settings = scenario.root / "orderconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PATH = {str(scenario.content)!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(scenario.root / 'own_plugins')!r}]\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGINS = {plugins!r}\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--settings",
            str(settings),
            "--output",
            str(scenario.output),
        ],
        cwd=scenario.root,
        env={**os.environ, "LSCB_TODAY": DEMO_TODAY},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("plugins", "wrong"),
    [
        (["lscb_content", "lscb_reviews", "lscb_checks", "lscb_search"], "lscb_search after lscb_checks"),
        (["lscb_reviews", "lscb_content", "lscb_search", "lscb_checks"], "lscb_content after lscb_reviews"),
        (["lscb_content", "lscb_search", "lscb_checks"], "lscb_checks without lscb_reviews"),
        (["lscb_content", "lscb_reviews", "lscb_search"], "lscb_search without lscb_checks"),
        ([*ORDER, "late_writer"], "late_writer after lscb_checks"),
    ],
)
def test_plugins_in_a_wrong_list_stop_the_build_with_a_hint(scenario, plugins, wrong):
    scenario.write("guidance/current.md", guidance_markdown("Current"))
    done = _build_with(scenario, plugins)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert f"BLD005 the build stopped: PluginOrderError: PLUGINS: {wrong}\n" in said
    working = ", ".join(f'"{name}"' for name in [*(set(plugins) - set(ORDER)), *ORDER])
    assert f"hint: in pelicanconf.py, PLUGINS = [{working}]: " in said
    assert "Traceback" not in said and not scenario.output.exists()


@pytest.mark.parametrize("plugins", [list(ORDER), ["lscb_content", "lscb_reviews"], ["late_writer", *ORDER]])
def test_plugins_in_a_working_list_build_the_site(scenario, plugins):
    scenario.write("guidance/current.md", guidance_markdown("Current"))
    done = _build_with(scenario, plugins)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (scenario.output / "guidance" / "current" / "index.html").exists()
    assert (scenario.output / "pagefind").is_dir() == ("lscb_search" in plugins)
    assert (scenario.output / "late.txt").exists() == ("late_writer" in plugins)
