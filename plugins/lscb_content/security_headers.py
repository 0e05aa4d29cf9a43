"""The site's security headers (SECURITY_HEADERS in pelicanconf.py), defined
once and delivered two ways:

- `_headers` in the output, the file Netlify and Cloudflare Pages read: every
  header, for every address;
- the Content-Security-Policy as a `<meta http-equiv>` in every page
  (theme/templates/base.html, through the `csp_meta` filter), for hosts that
  cannot set headers, such as GitHub Pages. A meta policy cannot carry
  frame-ancestors, report-uri or sandbox (browsers ignore them there), so
  they are left out of it.

docs/deploying.md shows the same headers for nginx and Apache.
"""

from __future__ import annotations

from pathlib import Path

HEADERS_FILE = "_headers"
# Directives a browser ignores in a <meta> policy.
_NOT_IN_META = {"frame-ancestors", "report-uri", "report-to", "sandbox"}


def policy_text(directives: dict[str, list[str] | str]) -> str:
    """{"default-src": ["'none'"], ...} -> "default-src 'none'; ..."."""
    parts = []
    for name, sources in directives.items():
        values = sources.split() if isinstance(sources, str) else list(sources)
        parts.append(" ".join([name, *values]))
    return "; ".join(parts)


def header_values(settings) -> dict[str, str]:
    """Header name -> value; the policy's directives joined into one line."""
    values = {}
    for name, value in (settings.get("SECURITY_HEADERS") or {}).items():
        values[name] = policy_text(value) if isinstance(value, dict) else str(value)
    return values


def csp_meta(headers: dict) -> str:
    """The Content-Security-Policy of SECURITY_HEADERS without the directives
    a <meta> cannot carry; "" when there is no policy."""
    directives = (headers or {}).get("Content-Security-Policy")
    if not isinstance(directives, dict):
        return ""
    return policy_text({k: v for k, v in directives.items() if k not in _NOT_IN_META})


def headers_file_text(settings) -> str:
    lines = ["/*"] + [f"  {name}: {value}" for name, value in header_values(settings).items()]
    return "\n".join(lines) + "\n"


def write_headers_file(pelican) -> None:
    if not pelican.settings.get("SECURITY_HEADERS"):
        return
    target = Path(pelican.settings["OUTPUT_PATH"]) / HEADERS_FILE
    target.write_text(headers_file_text(pelican.settings), encoding="utf-8")


def add_csp_filter(generator) -> None:
    environment = getattr(generator, "env", None)
    if environment is not None:
        environment.filters["csp_meta"] = csp_meta
