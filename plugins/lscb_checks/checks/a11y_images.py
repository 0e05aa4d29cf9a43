"""Alt text of every image in every content body.

An image either carries information, and its alt text gives it, or is
decoration, and the editor says so explicitly:

    ![](images/border.png){: role="presentation" }

An image with empty alt text and no such declaration is a finding: most
images on a board's site (diagrams, charts, genograms) carry information,
and `![](x.png)` is far more often a forgotten description than a decision.
"""

from __future__ import annotations

import posixpath
import re

from lscb_core.quote import file, known, say
from lscb_core.rules import Rule

from .. import quick
from ..locate import image_positions, written_href

_DECORATIVE_ROLES = {"presentation", "none"}
# Alt text that says nothing about the image.
_PLACEHOLDERS = {
    "image",
    "img",
    "picture",
    "pic",
    "photo",
    "photograph",
    "graphic",
    "diagram",
    "chart",
    "icon",
    "logo",
    "screenshot",
    "figure",
    "alt",
    "alt text",
    "untitled",
}
_FILE_NAME = re.compile(r"^[\w.-]+\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|heic)$", re.IGNORECASE)


class ImageAltMissing(Rule):
    """Flags an image without alt text, or whose alt text is only a file name
    or a word such as "image" or "photo".

    ## Why it matters
    People who cannot see the image hear or read its alt text instead. A
    diagram, chart or family network without it gives them nothing, or only
    "image" or "IMG_0042.jpg" (WCAG 1.1.1, Non-text Content).

    ## Example
        <img src="images/referral-steps.png">
        ![IMG_0042.jpg](images/referral-steps.png)

    ## Use instead
        ![The three steps of a referral: call, confirm in writing within 48 hours, get a decision within one working day.](images/referral-steps.png)

    ## Known limitations
    The check cannot tell whether a description is accurate or sufficient;
    a reviewer must read it.
    """

    code = "A11Y001"
    name = "image-alt-missing"


class ImageAltEmptyUndeclared(Rule):
    """Flags an image with empty alt text (`![](x.png)`) that is not declared
    decorative.

    ## Why it matters
    Empty alt text tells screen readers to skip the image. That is right for
    pure decoration and wrong for everything else, and on this site most
    images carry information. Saying so explicitly shows the choice was made
    on purpose.

    ## Example
        ![](images/border.png)

    ## Use instead
    Describe the image in the square brackets, or, if it is only decoration:

        ![](images/border.png){: role="presentation" }

    ## Known limitations
    The declaration is trusted: the check cannot tell whether the image
    really is decoration.
    """

    code = "A11Y002"
    name = "image-alt-empty-undeclared"


def _decorative(attrs) -> bool:
    role = (attrs.get("role") or "").strip().lower()
    return role in _DECORATIVE_ROLES or (attrs.get("aria-hidden") or "").strip().lower() == "true"


def _placeholder(alt: str) -> bool:
    text = alt.strip()
    return text.lower().strip(" .:") in _PLACEHOLDERS or bool(_FILE_NAME.match(text))


def check(site):
    for item in site.items:
        if not quick.has_tag(item.html, "img"):
            continue
        images = item.parsed.images
        positions = None
        for index, image in enumerate(images):
            attrs = image.attrs
            alt = attrs.get("alt")
            if alt is not None and (_decorative(attrs) or (alt.strip() and not _placeholder(alt))):
                continue
            src = attrs.get("src") or ""
            name = posixpath.basename(written_href(src).split("?")[0])[-40:]
            name = file(name) if name else known("(no src)")
            positions = positions or image_positions(item)
            line, col = positions.position(index)
            if alt is None:
                yield ImageAltMissing.at(
                    item.path,
                    line,
                    say("image {name} has no alt text", name=name),
                    "describe what the image shows for people who cannot see it: ![description](...)",
                    col=col,
                )
            elif alt.strip():
                yield ImageAltMissing.at(
                    item.path,
                    line,
                    say("alt text of image {name} does not describe it", name=name),
                    "replace the alt text with what the image shows and why it is there",
                    col=col,
                )
            else:
                yield ImageAltEmptyUndeclared.at(
                    item.path,
                    line,
                    say("image {name} has empty alt text", name=name),
                    'describe it in the [ ], or if it is only decoration add {: role="presentation" }',
                    col=col,
                )
