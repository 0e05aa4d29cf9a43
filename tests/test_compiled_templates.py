"""Templates compiled once per process (lscb_content.compiled_templates):
builds in one process share the compiled code, and a template whose source
or whose environment's options changed is compiled again, never served stale."""

from __future__ import annotations

import jinja2

from conftest import guidance_markdown

PARTIAL = "partials/back_to_top.html"


def _site_with_partial(scenario, tmp_path, text: str) -> dict:
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True, exist_ok=True)
    (overrides / PARTIAL).write_text(text, encoding="utf-8")
    scenario.write("guidance/referral.md", guidance_markdown("Making a referral", "Refer at once."))
    return {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}


def _page(site) -> str:
    return site.soup("guidance/referral/index.html").find(class_="back-to-top").decode()


def test_a_changed_template_is_compiled_again_in_the_same_process(scenario, tmp_path):
    overrides = _site_with_partial(scenario, tmp_path, '<p class="back-to-top">First wording</p>\n')
    first = scenario.build(**overrides)
    assert first.ok, first.messages()
    assert "First wording" in _page(first)

    _site_with_partial(scenario, tmp_path, '<p class="back-to-top">Second wording</p>\n')
    second = scenario.build(**overrides)
    assert second.ok, second.messages()
    assert "Second wording" in _page(second) and "First wording" not in _page(second)


def test_other_environment_options_get_code_of_their_own(scenario, tmp_path):
    """trim_blocks changes the compiled code, not the source: a build with
    other options must not reuse the code compiled for the first."""
    overrides = _site_with_partial(scenario, tmp_path, '<p class="back-to-top">{% if true %}\nX{% endif %}</p>\n')
    trimmed = scenario.build(**overrides)
    assert trimmed.ok, trimmed.messages()
    assert _page(trimmed) == '<p class="back-to-top">X</p>'

    kept = scenario.build(**overrides, JINJA_ENVIRONMENT={"trim_blocks": False, "lstrip_blocks": True})
    assert kept.ok, kept.messages()
    assert _page(kept) == '<p class="back-to-top">\nX</p>'


def test_a_second_build_compiles_no_template_again(scenario, tmp_path, monkeypatch):
    overrides = _site_with_partial(scenario, tmp_path, '<p class="back-to-top">Same wording</p>\n')
    assert scenario.build(**overrides).ok
    compiled = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    again = scenario.build(**overrides)
    assert again.ok, again.messages()
    assert compiled == [], compiled
    # The count is real: a changed template is compiled again.
    (tmp_path / "overrides" / PARTIAL).write_text('<p class="back-to-top">New wording</p>\n', encoding="utf-8")
    assert scenario.build(**overrides).ok
    assert PARTIAL in compiled
