"""The bench gives Hugo and Eleventy the same pages as Pelican
(lscb_cli.bench_others.export): each Markdown body byte for byte, the title
and date as front matter, the other files as static files."""

from __future__ import annotations

from lscb_cli.bench_others import export
from lscb_cli.bench_site import generate


def test_every_page_reaches_both_tools_with_the_same_body(tmp_path):
    content = tmp_path / "content"
    generate(content, 20)
    folders = export(content, tmp_path / "work", tmp_path / "node_modules")
    sources = sorted(path for path in content.rglob("*.md"))
    assert len(sources) >= 20
    for source in sources:
        relative = source.relative_to(content)
        header, _, body = source.read_text(encoding="utf-8").partition("\n\n")
        title = next(line.split(":", 1)[1].strip() for line in header.splitlines() if line.startswith("Title:"))
        for target in (folders["hugo"] / "content" / relative, folders["eleventy"] / "src" / relative):
            front, _, rest = target.read_text(encoding="utf-8").removeprefix("---\n").partition("\n---\n\n")
            assert rest == body, target
            assert f'title: "{title}"' in front.splitlines(), front
    pdfs = sorted(path.relative_to(content) for path in content.rglob("*.pdf"))
    assert pdfs
    for relative in pdfs:
        assert (folders["hugo"] / "static" / relative).read_bytes() == (content / relative).read_bytes()
        assert (folders["eleventy"] / "src" / relative).read_bytes() == (content / relative).read_bytes()


def test_a_title_with_quotes_and_colons_stays_one_yaml_string(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "odd.md").write_text(
        'Title: Section 47: "strategy" discussions\nDate: 2026-01-02\n\nBody text.\n', encoding="utf-8"
    )
    folders = export(content, tmp_path / "work", tmp_path / "node_modules")
    text = (folders["hugo"] / "content" / "pages" / "odd.md").read_text(encoding="utf-8")
    assert text.startswith(
        '---\ntitle: "Section 47: \\"strategy\\" discussions"\ndate: 2026-01-02\n---\n\nBody text.\n'
    )
