"""Does the site work under its own security policy? Every page is opened
(served with its _headers, and with the policy's <meta>), and what the
browser refused (securitypolicyviolation events: an inline script, a style
attribute, a file from another site) and every console error or uncaught
script error is reported with the page."""

from __future__ import annotations

from .browser import new_context
from .problems import Problem

# Runs before any of the page's own scripts, outside the page's policy.
_LISTEN = """
window.__lscbViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__lscbViolations.push({
    directive: e.effectiveDirective, blocked: e.blockedURI || "inline",
    sample: e.sample || "", line: e.lineNumber || 0
  });
});
"""


def policy_problems(browser, base_url: str, addresses: list[str], mode: str = "default") -> list[Problem]:
    context = new_context(browser, mode)
    context.add_init_script(_LISTEN)
    page = context.new_page()
    problems: list[Problem] = []
    current = {"address": ""}

    def console(message) -> None:
        # The browser asks for /favicon.ico on its own; the site has none.
        if message.type == "error" and not (message.location or {}).get("url", "").endswith("/favicon.ico"):
            problems.append(Problem(current["address"], "console", "", message.text[:200]))

    page.on("console", console)
    page.on(
        "pageerror", lambda error: problems.append(Problem(current["address"], "script error", "", str(error)[:200]))
    )
    try:
        for address in addresses:
            current["address"] = address
            page.goto(base_url + address)
            page.wait_for_load_state("load")
            for seen in page.evaluate("() => window.__lscbViolations || []"):
                where = f"line {seen['line']}" if seen["line"] else ""
                what = f"{seen['directive']} refused {seen['blocked']}"
                if seen["sample"]:
                    what += f": {seen['sample'][:60]}"
                problems.append(Problem(address, "CSP", where, what))
    finally:
        context.close()
    return problems
