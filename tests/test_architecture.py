"""docs/architecture.md matches the code: its table lists every package
(those under plugins/, installed with the project, and the audit library
under tools/, which is not) as layers from the bottom up, each importing
only the layers below it; the imports between packages are the ones the
table shows, the files it names exist, and the plugins are listed in the
order its flow describes."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
FOLDERS = ("plugins", "tools")  # installed with the project; used from the checkout only
# The layers, from the bottom up: a package may import only those before it.
LAYERS = ("lscb_core", "lscb_content", "lscb_reviews", "lscb_search", "lscb_checks", "lscb_audit", "lscb_cli")


def packages(root: Path = ROOT) -> dict[str, Path]:
    """Every package of the project: name -> folder."""
    return {
        path.parent.name: path.parent
        for folder in FOLDERS
        for path in sorted((root / folder).glob("lscb_*/__init__.py"))
    }


def imports_between_packages(root: Path = ROOT) -> dict[str, set[str]]:
    found = {name: set() for name in packages(root)}
    for package, folder in packages(root).items():
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else ([node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
                )
                for name in names:
                    top = name.split(".")[0]
                    if top in found and top != package:
                        found[package].add(top)
    return found


def upward_imports(found: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(package, imported package) for each import of a layer that is not
    below the importing package."""
    return sorted(
        (package, imported)
        for package, names in found.items()
        for imported in names
        if LAYERS.index(imported) >= LAYERS.index(package)
    )


def documented_imports(text: str) -> dict[str, set[str]]:
    rows = re.findall(r"^\| `(lscb_\w+)` \| .* \| ([^|]*) \|$", text, re.MULTILINE)
    return {
        name: {part.strip() for part in imports.split(",") if part.strip() not in ("", "-")} for name, imports in rows
    }


def test_the_package_table_shows_every_import_between_packages():
    assert documented_imports(DOC.read_text(encoding="utf-8")) == imports_between_packages()


def test_each_package_imports_only_the_layers_below_it():
    assert set(LAYERS) == set(packages())
    assert upward_imports(imports_between_packages()) == []


def test_the_table_lists_the_layers_from_the_bottom_up():
    assert list(documented_imports(DOC.read_text(encoding="utf-8"))) == list(LAYERS)


def test_an_upward_import_is_found(tmp_path):
    for package in LAYERS:
        folder = tmp_path / ("tools" if package == "lscb_audit" else "plugins") / package
        folder.mkdir(parents=True)
        (folder / "__init__.py").write_text("", encoding="utf-8")
    # Imported inside a function, as the shared pieces once were.
    (tmp_path / "plugins" / "lscb_core" / "waivers.py").write_text(
        "def fold(text):\n    from lscb_checks.text.normalise import normalise\n    return normalise(text)\n",
        encoding="utf-8",
    )
    (tmp_path / "plugins" / "lscb_content" / "charts.py").write_text("import lscb_reviews.state\n", encoding="utf-8")
    (tmp_path / "plugins" / "lscb_checks" / "site.py").write_text(
        "from lscb_reviews.state import blocked\n", encoding="utf-8"
    )
    assert upward_imports(imports_between_packages(tmp_path)) == [
        ("lscb_content", "lscb_reviews"),
        ("lscb_core", "lscb_checks"),
    ]


def test_an_import_the_table_does_not_show_is_found(tmp_path):
    for folder, package in (("plugins", "lscb_search"), ("plugins", "lscb_checks"), ("tools", "lscb_audit")):
        (tmp_path / folder / package).mkdir(parents=True)
        (tmp_path / folder / package / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "plugins" / "lscb_search" / "index.py").write_text(
        "from lscb_checks import registry\n", encoding="utf-8"
    )
    (tmp_path / "plugins" / "lscb_checks" / "late.py").write_text(
        "def f():\n    import lscb_audit.site\n", encoding="utf-8"
    )
    found = imports_between_packages(tmp_path)
    assert found == {"lscb_search": {"lscb_checks"}, "lscb_checks": {"lscb_audit"}, "lscb_audit": set()}


def test_the_installed_packages_are_those_under_plugins_without_the_audit_library():
    """pyproject.toml's package discovery installs every package under
    plugins/ and nothing else: the audit library, which needs the test
    extra's packages, is not shipped; and no installed package but the
    command line (whose browser commands add tools/ to the path) imports it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    installed = {
        name
        for where in find["where"]
        for name in find_packages(ROOT / where, include=find["include"])
        if "." not in name
    }
    under_plugins = {name for name, folder in packages().items() if folder.parent.name == "plugins"}
    assert installed == under_plugins and "lscb_audit" not in installed
    importers = {name for name, imported in imports_between_packages().items() if "lscb_audit" in imported}
    assert importers == {"lscb_cli"}
    runtime = " ".join(config["project"]["dependencies"]).lower()
    assert "playwright" not in runtime and "linkchecker" not in runtime


def test_the_files_and_modules_it_names_exist():
    text = DOC.read_text(encoding="utf-8")
    for path in re.findall(r"`((?:plugins|tools|scripts|tests|theme|docs)/[\w./-]+)`", text):
        path = path.replace("CODE.md", "PII001.md")  # "tests/fixtures/rules/CODE.md": one per rule
        assert (ROOT / path).exists(), path
    for dotted in re.findall(r"\b(lscb_\w+(?:\.\w+)+)", text):
        parts = dotted.split(".")
        folder = packages()[parts[0]].parent
        base = folder / Path(*parts)
        assert (
            base.with_suffix(".py").exists()
            or base.is_dir()
            or (folder / Path(*parts[:-1])).with_suffix(".py").exists()
        ), dotted


def test_the_table_lists_every_package():
    assert set(documented_imports(DOC.read_text(encoding="utf-8"))) == set(packages())


def test_the_plugins_are_listed_in_the_order_the_flow_describes():
    settings = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    listed = re.search(r"^PLUGINS = \[(.*)\]", settings, re.MULTILINE).group(1)
    order = re.findall(r'"(lscb_\w+)"', listed)
    flow = re.search(r"PLUGINS = ([\w, ]+)\n", DOC.read_text(encoding="utf-8")).group(1)
    assert order == [name.strip() for name in flow.split(",")]
