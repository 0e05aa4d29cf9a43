"""docs/architecture.md matches the code: the packages are layers and each
imports only the layers below it, the imports between packages are the ones
its table shows, the files it names exist, and the plugins are listed in the
order its flow describes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
# The layers, from the bottom up: a package may import only those before it.
PACKAGES = ("lscb_core", "lscb_content", "lscb_reviews", "lscb_search", "lscb_checks", "lscb_audit")


def imports_between_packages(plugins: Path = ROOT / "plugins") -> dict[str, set[str]]:
    found: dict[str, set[str]] = {name: set() for name in PACKAGES}
    for package in PACKAGES:
        for path in (plugins / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                    [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
                for name in names:
                    top = name.split(".")[0]
                    if top in PACKAGES and top != package:
                        found[package].add(top)
    return found


def upward_imports(found: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(package, imported package) for each import of a layer that is not
    below the importing package."""
    return sorted((package, imported) for package, names in found.items() for imported in names
                  if PACKAGES.index(imported) >= PACKAGES.index(package))


def documented_imports(text: str) -> dict[str, set[str]]:
    rows = re.findall(r"^\| `(lscb_\w+)` \| .* \| ([^|]*) \|$", text, re.MULTILINE)
    return {name: {part.strip() for part in imports.split(",") if part.strip() not in ("", "-")}
            for name, imports in rows}


def test_the_package_table_shows_every_import_between_packages():
    assert documented_imports(DOC.read_text(encoding="utf-8")) == imports_between_packages()


def test_each_package_imports_only_the_layers_below_it():
    assert upward_imports(imports_between_packages()) == []


def test_the_table_lists_the_layers_from_the_bottom_up():
    assert list(documented_imports(DOC.read_text(encoding="utf-8"))) == list(PACKAGES)


def test_an_upward_import_is_found(tmp_path):
    plugins = tmp_path / "plugins"
    for package in PACKAGES:
        (plugins / package).mkdir(parents=True)
    # Imported inside a function, as the shared pieces once were.
    (plugins / "lscb_core" / "waivers.py").write_text(
        "def fold(text):\n    from lscb_checks.text.normalise import normalise\n    return normalise(text)\n",
        encoding="utf-8")
    (plugins / "lscb_content" / "charts.py").write_text("import lscb_reviews.state\n", encoding="utf-8")
    (plugins / "lscb_checks" / "site.py").write_text("from lscb_reviews.state import blocked\n", encoding="utf-8")
    assert upward_imports(imports_between_packages(plugins)) == [
        ("lscb_content", "lscb_reviews"), ("lscb_core", "lscb_checks")]


def test_an_import_the_table_does_not_show_is_found(tmp_path):
    plugins = tmp_path / "plugins"
    for package in PACKAGES:
        (plugins / package).mkdir(parents=True)
        (plugins / package / "__init__.py").write_text("", encoding="utf-8")
    (plugins / "lscb_search" / "index.py").write_text("from lscb_checks import registry\n", encoding="utf-8")
    assert imports_between_packages(plugins)["lscb_search"] == {"lscb_checks"}


def test_the_files_and_modules_it_names_exist():
    text = DOC.read_text(encoding="utf-8")
    for path in re.findall(r"`((?:plugins|scripts|tests|theme|docs)/[\w./-]+)`", text):
        path = path.replace("CODE.md", "PII001.md")  # "tests/fixtures/rules/CODE.md": one per rule
        assert (ROOT / path).exists(), path
    for dotted in re.findall(r"\b(lscb_\w+(?:\.\w+)+)", text):
        parts = dotted.split(".")
        base = ROOT / "plugins" / Path(*parts)
        assert base.with_suffix(".py").exists() or base.is_dir() or \
            (ROOT / "plugins" / Path(*parts[:-1])).with_suffix(".py").exists(), dotted


def test_the_plugins_are_listed_in_the_order_the_flow_describes():
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    listed = re.search(r"^PLUGINS = \[(.*)\]", settings, re.MULTILINE).group(1)
    order = re.findall(r'"(lscb_\w+)"', listed)
    flow = re.search(r"PLUGINS = ([\w, ]+)\n", DOC.read_text(encoding="utf-8")).group(1)
    assert order == [name.strip() for name in flow.split(",")]
