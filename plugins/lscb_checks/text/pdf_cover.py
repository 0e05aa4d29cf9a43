"""Text hidden by what is drawn over or under it: a redaction that only
covered the words, which are still in the PDF.

`CoverTracker` follows one page's content stream as pypdf extracts its text
(a visitor of each operator): each filled rectangle with its colour, and the
text operators, in drawing order. Where each letter is drawn is worked out
from the font's own widths (pdf_glyphs). A letter is hidden when both of two
points in its middle lie under a dark, opaque rectangle drawn later on the
same page (or under a redaction or dark square annotation), or when the
letter is filled in a dark colour and the last rectangle drawn under it is
dark too (black highlighting: black text on a black background). The
letters of each line are put back together into words, across the pieces a
program writes a line in, and a word is hidden when most of its letters are.
"""

from __future__ import annotations

import unicodedata

from .pdf_glyphs import GlyphRuns, Run, page_fonts
from .pdf_glyphs import apply as _apply

_FILLS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_TEXT = frozenset(
    {
        b"q",
        b"Q",
        b"BT",
        b"Tf",
        b"Tc",
        b"Tw",
        b"Tz",
        b"TL",
        b"Ts",
        b"Tr",
        b"Td",
        b"TD",
        b"Tm",
        b"T*",
        b"Tj",
        b"TJ",
        b"'",
        b'"',
    }
)
_DARK = 0.3  # luminance at or below which a fill hides text (0 black, 1 white)
_OPAQUE = 0.99
# Two pieces of text on one baseline are one line when the second starts at
# most this many font sizes after the first ends (a table's next cell starts
# further on); a gap of more than _SPACE is a space between words.
_JOIN = 1.0
_SPACE = 0.15
_PUNCTUATION = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019"  # around a hidden word, not part of it


def _inverse(m: list[float]) -> list[float] | None:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]


def _luminance(values: list[float]) -> float | None:
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        r, g, b = values
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(values) == 4:
        c, m, y, k = values
        return 0.299 * (1 - c) * (1 - k) + 0.587 * (1 - m) * (1 - k) + 0.114 * (1 - y) * (1 - k)
    return None


class _Box:
    """A filled rectangle: x, y, width, height in the space of its matrix."""

    def __init__(self, x: float, y: float, w: float, h: float, matrix: list[float]):
        x0, x1 = sorted((x, x + w))
        y0, y1 = sorted((y, y + h))
        self.rect = (x0, y0, x1, y1)
        self.dark = True
        self.inverse = _inverse(matrix)
        corners = [_apply(matrix, px, py) for px in (x0, x1) for py in (y0, y1)]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        self.bounds = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, x: float, y: float) -> bool:
        if self.inverse is None:
            return False
        bx0, by0, bx1, by1 = self.bounds
        if not (bx0 <= x <= bx1 and by0 <= y <= by1):
            return False
        px, py = _apply(self.inverse, x, y)
        x0, y0, x1, y1 = self.rect
        return x0 <= px <= x1 and y0 <= py <= y1


def _overlaps(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


class CoverTracker:
    """Give `operator` to page.extract_text as visitor_operand_before; then
    `covered()` lists the words that are hidden."""

    def __init__(self, page):
        self.page = page
        self.boxes: list[tuple[int, _Box]] = []  # (drawing order, box), light ones too
        self.text_ops: list[tuple] = []  # (op, args, cm, fill, drawing order)
        self.order = 0
        self.fill: float | None = 0.0  # luminance of the fill colour; black to start
        self.alpha = 1.0
        self.stack: list[tuple] = []
        self.path: list = []  # ("rect", x, y, w, h, cm) or ("poly", points, cm)

    # Visitors ---------------------------------------------------------------

    def operator(self, op: bytes, args: list, cm: list, tm: list) -> None:
        if op in _TEXT:
            self.order += 1
            self.text_ops.append((op, list(args), list(cm), self.fill if self.alpha >= _OPAQUE else None, self.order))
        if op == b"q":
            self.stack.append((self.fill, self.alpha))
        elif op == b"Q":
            if self.stack:
                self.fill, self.alpha = self.stack.pop()
        elif op in (b"g", b"rg", b"k", b"sc", b"scn"):
            numbers = [float(a) for a in args if isinstance(a, (int, float))]
            self.fill = _luminance(numbers) if len(numbers) == len(args) else None
        elif op == b"cs":
            self.fill = None if args and args[0] == "/Pattern" else 0.0
        elif op == b"gs" and args:
            self._graphics_state(args[0])
        elif op == b"re" and len(args) == 4:
            self.path.append(("rect", *[float(a) for a in args], list(cm)))
        elif op == b"m" and len(args) == 2:
            self.path.append(("poly", [(float(args[0]), float(args[1]))], list(cm)))
        elif op == b"l" and len(args) == 2 and self.path and self.path[-1][0] == "poly":
            self.path[-1][1].append((float(args[0]), float(args[1])))
        elif op in (b"c", b"v", b"y") and self.path:
            self.path[-1] = ("curve",)
        elif op in _FILLS:
            self._filled()
            self.path = []
        elif op in (b"n", b"S", b"s"):
            self.path = []

    # Results ----------------------------------------------------------------

    def covered(self) -> list[str]:
        self._annotation_boxes()
        if not any(dark for _order, box in self.boxes for dark in (box.dark,)):
            return []
        glyphs = GlyphRuns(page_fonts(self.page.get("/Resources") or {}))
        for op, args, cm, fill, order in self.text_ops:
            glyphs.operator(op, args, cm, fill, order)
        phrases: list[str] = []
        for line in _lines(glyphs.runs):
            phrases.extend(_hidden_phrases([(text, hidden) for run in line for text, hidden in self._letters(run)]))
        phrases = [_as_written(phrase.strip(_PUNCTUATION)) for phrase in phrases]
        return list(dict.fromkeys(phrase for phrase in phrases if phrase))

    # Internals --------------------------------------------------------------

    def _letters(self, run: Run):
        """(text, hidden) for each letter of the run; None for the space put
        between two pieces of a line."""
        later = [
            box for order, box in self.boxes if order > run.index and box.dark and _overlaps(run.bounds, box.bounds)
        ]
        dark_text = run.filled and run.fill is not None and run.fill <= _DARK
        under = (
            [box for order, box in reversed(self.boxes) if order < run.index and _overlaps(run.bounds, box.bounds)]
            if dark_text
            else []
        )
        for text, low, high in run.letters:
            if low is None:
                yield text, False
                continue
            hidden = any(box.contains(*low) and box.contains(*high) for box in later)
            if not hidden and under:
                below = next((box for box in under if box.contains(*low) and box.contains(*high)), None)
                hidden = below is not None and below.dark
            yield text, hidden

    def _graphics_state(self, name) -> None:
        try:
            state = self.page["/Resources"]["/ExtGState"][name].get_object()
        except (KeyError, TypeError, AttributeError):
            return
        if "/ca" in state:
            self.alpha = float(state["/ca"])

    def _filled(self) -> None:
        if self.fill is None or self.alpha < _OPAQUE:
            return
        dark = self.fill <= _DARK
        self.order += 1
        for element in self.path:
            box = None
            if element[0] == "rect":
                _kind, x, y, w, h, cm = element
                if abs(w) > 0.5 and abs(h) > 0.5:
                    box = _Box(x, y, w, h, cm)
            elif element[0] == "poly":
                box = _polygon_box(element[1], element[2])
            if box is not None:
                box.dark = dark
                self.boxes.append((self.order, box))

    def _annotation_boxes(self) -> None:
        """Redaction marks not yet applied, and dark filled square comments,
        are drawn over the page."""
        for annot in self.page.get("/Annots") or []:
            try:
                annot = annot.get_object()
                subtype = annot.get("/Subtype")
                rect = [float(v) for v in annot["/Rect"]]
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            dark_square = False
            if subtype == "/Square" and float(annot.get("/CA", 1)) >= _OPAQUE:
                interior = _luminance([float(v) for v in annot.get("/IC") or []])
                dark_square = interior is not None and interior <= _DARK
            if subtype == "/Redact" or dark_square:
                x0, y0, x1, y1 = rect
                self.order += 1
                self.boxes.append((self.order, _Box(x0, y0, x1 - x0, y1 - y0, [1, 0, 0, 1, 0, 0])))


def _lines(runs: list[Run]):
    """The runs grouped into lines: a run that starts on the baseline where
    the one before ended, a little after it, continues its line (a space
    between them when there is a gap)."""
    line: list[Run] = []
    for run in runs:
        if line and _continues(line[-1], run):
            gap = _gap(line[-1], run)
            if gap > _SPACE * run.size:
                line.append(
                    Run(
                        [(" ", None, None)],
                        None,
                        False,
                        run.start,
                        run.start,
                        run.along,
                        run.up,
                        0.0,
                        run.bounds,
                        run.index,
                    )
                )
            line.append(run)
            continue
        if line:
            yield line
        line = [run]
    if line:
        yield line


def _gap(before: Run, after: Run) -> float:
    dx, dy = after.start[0] - before.end[0], after.start[1] - before.end[1]
    return dx * before.along[0] + dy * before.along[1]


def _continues(before: Run, after: Run) -> bool:
    if before.size <= 0 or after.size <= 0:
        return False
    if before.along[0] * after.along[0] + before.along[1] * after.along[1] < 0.99:
        return False
    dx, dy = after.start[0] - before.end[0], after.start[1] - before.end[1]
    offset = abs(dx * before.up[0] + dy * before.up[1])
    size = max(before.size, after.size)
    return offset <= 0.3 * size and -0.3 * size <= _gap(before, after) <= _JOIN * size


def _hidden_phrases(letters: list[tuple[str, bool]]) -> list[str]:
    text = "".join(letter for letter, _hidden in letters)
    flags = [hidden for letter, hidden in letters for _char in letter]
    phrases, current = [], []
    for word, start in _words(text):
        hidden = flags[start : start + len(word)]
        if sum(hidden) * 2 >= len(word) and any(hidden):
            current.append(word)
        elif current:
            phrases.append(" ".join(current))
            current = []
    if current:
        phrases.append(" ".join(current))
    return phrases


def _as_written(phrase: str) -> str:
    """A right-to-left phrase (Arabic, Hebrew) is drawn left to right, often
    in presentation forms: put it back in the order it is written and read."""
    if not any(unicodedata.bidirectional(char) in ("R", "AL") for char in phrase):
        return phrase
    return unicodedata.normalize("NFKC", phrase)[::-1]


def _words(text: str):
    start = None
    for index, char in enumerate(text + " "):
        if char.isspace():
            if start is not None:
                yield text[start:index], start
                start = None
        elif start is None:
            start = index


def _polygon_box(points: list[tuple[float, float]], cm: list[float]) -> _Box | None:
    """A closed path with four straight, axis-aligned sides, as a box. Word
    processors start a rectangle in the middle of a side and come back to
    it (LibreOffice: six points), so repeated points and points in the
    middle of a side are dropped first."""
    corners: list[tuple[float, float]] = []
    for x, y in points:
        point = (round(x, 2), round(y, 2))
        if not corners or corners[-1] != point:
            corners.append(point)
    if len(corners) > 1 and corners[0] == corners[-1]:
        corners.pop()
    changed = True
    while changed and len(corners) > 4:
        changed = False
        for index in range(len(corners)):
            (ax, ay), (bx, by), (cx, cy) = corners[index - 1], corners[index], corners[(index + 1) % len(corners)]
            if (ax == bx == cx) or (ay == by == cy):
                del corners[index]
                changed = True
                break
    if len(corners) != 4:
        return None
    for index in range(4):
        (ax, ay), (bx, by) = corners[index - 1], corners[index]
        if ax != bx and ay != by:
            return None  # a slanted side
    xs = sorted({x for x, _y in corners})
    ys = sorted({y for _x, y in corners})
    if len(xs) != 2 or len(ys) != 2:
        return None
    if xs[1] - xs[0] <= 0.5 or ys[1] - ys[0] <= 0.5:
        return None
    return _Box(xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0], cm)
