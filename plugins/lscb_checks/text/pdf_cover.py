"""Text hidden under a filled box drawn on top of it: a redaction that only
covered the words, which are still in the PDF.

`CoverTracker` follows one page's content stream as pypdf extracts its text:
it sees each piece of text with its position, and each filled rectangle with
its colour, in drawing order. Text is "covered" when a dark, opaque
rectangle drawn later on the same page (or a redaction or dark square
annotation) lies over the middle of its letters. Glyph widths are estimated
from the font's /Widths where there are any, so the covered words are
approximate; whether something is covered is not.
"""

from __future__ import annotations

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

_FILLS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_DARK = 0.3  # luminance at or below which a fill hides text (0 black, 1 white)
_OPAQUE = 0.99


def _mul(m: list[float], n: list[float]) -> list[float]:
    """m then n, as PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F]


def _apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]


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


class _Text:
    def __init__(self, text: str, matrix: list[float], size: float, widths, spacing=(0.0, 0.0, 100.0)):
        self.text = text
        self.matrix = matrix
        self.size = size
        self.widths = widths
        self.char_spacing, self.word_spacing, scale = spacing
        self.scale = scale / 100

    def _advance(self, char: str) -> float:
        extra = self.char_spacing + (self.word_spacing if char == " " else 0.0)
        return (self.widths(char) * self.size + extra) * self.scale

    def points(self) -> list[tuple[tuple[float, float], tuple[float, float]] | None]:
        """For each character: two points in its middle, low and high, or None
        for spaces. Both must be under a box for the letter to be hidden, so
        a strike-through or underline line never counts."""
        result, advance = [], 0.0
        for char in self.text:
            width = self._advance(char)
            if char.isspace():
                result.append(None)
            else:
                middle = advance + width / 2
                result.append((_apply(self.matrix, middle, 0.15 * self.size),
                               _apply(self.matrix, middle, 0.55 * self.size)))
            advance += width
        return result

    def bounds(self) -> tuple[float, float, float, float]:
        total = sum(self._advance(c) for c in self.text)
        corners = [_apply(self.matrix, x, y) for x in (0, total) for y in (-0.2 * self.size, self.size)]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        return min(xs), min(ys), max(xs), max(ys)


def _overlaps(a, b) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


# Rough widths, in ems, for fonts that do not list theirs (the standard 14).
_NARROW = set("ijlftrI.,;:!'|()[] ")
_WIDE = set("mwMW@%")


def _guess_width(char: str) -> float:
    if char in _NARROW:
        return 0.28
    if char in _WIDE:
        return 0.83
    if char.isupper():
        return 0.68
    return 0.53


def _width_function(font):
    """char -> width in ems, from the font's /Widths when it is a simple font."""
    if not isinstance(font, DictionaryObject):
        return _guess_width
    if "/Courier" in str(font.get("/BaseFont", "")):
        return lambda char: 0.6
    widths = font.get("/Widths")
    if widths is not None:
        widths = [float(w) / 1000 for w in widths.get_object()]
        first = int(font.get("/FirstChar", 0))
        known = [w for w in widths if w > 0]
        average = sum(known) / len(known) if known else 0.5

        def simple(char: str) -> float:
            index = ord(char) - first
            if ord(char) < 128 and 0 <= index < len(widths) and widths[index] > 0:
                return widths[index]
            return average
        return simple
    descendants = font.get("/DescendantFonts")
    if descendants:
        descendant = descendants[0].get_object()
        numbers = [float(v) for v in _flatten(descendant.get("/W") or [])]
        default = float(descendant.get("/DW", 1000)) / 1000
        # /W mixes CIDs and widths; widths are the values between 100 and 2000
        # in practice, which is enough for an average.
        plausible = [n / 1000 for n in numbers if 100 <= n <= 2000]
        average = sum(plausible) / len(plausible) if plausible else default
        return lambda char: 0.28 if char.isspace() else average
    return _guess_width


def _flatten(values):
    for value in values:
        value = value.get_object() if isinstance(value, IndirectObject) else value
        if isinstance(value, ArrayObject):
            yield from _flatten(value)
        elif isinstance(value, (int, float)):
            yield value


class CoverTracker:
    """Give `operator` and `text` to page.extract_text as visitors; then
    `covered()` lists the words that a later dark box hides."""

    def __init__(self, page):
        self.page = page
        self.events: list = []  # _Text and _Box, in drawing order
        self.fill: float | None = 0.0  # luminance of the fill colour; black to start
        self.alpha = 1.0
        self.spacing = (0.0, 0.0, 100.0)  # Tc, Tw, Tz
        self.render_mode = 0  # Tr: 4 to 7 make text a clipping path (WordArt), not hidden text
        self.stack: list[tuple] = []
        self.path: list = []  # ("rect", x, y, w, h, cm) or ("poly", points, cm)
        self.widths_by_font: dict[int, object] = {}

    # Visitors ---------------------------------------------------------------

    def operator(self, op: bytes, args: list, cm: list, tm: list) -> None:
        if op == b"q":
            self.stack.append((self.fill, self.alpha, self.spacing, self.render_mode))
        elif op == b"Q":
            if self.stack:
                self.fill, self.alpha, self.spacing, self.render_mode = self.stack.pop()
        elif op == b"Tr" and args and isinstance(args[0], (int, float)):
            self.render_mode = int(args[0])
        elif op in (b"Tc", b"Tw", b"Tz") and args and isinstance(args[0], (int, float)):
            index = (b"Tc", b"Tw", b"Tz").index(op)
            spacing = list(self.spacing)
            spacing[index] = float(args[0])
            self.spacing = tuple(spacing)
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

    def text(self, text: str, cm: list, tm: list, font, size) -> None:
        if not text or not text.strip() or not size or self.render_mode >= 4:
            return
        key = id(font)
        if key not in self.widths_by_font:
            self.widths_by_font[key] = _width_function(font)
        for line in text.split("\n"):
            if line.strip():
                self.events.append(_Text(line, _mul(list(tm), list(cm)), float(size),
                                         self.widths_by_font[key], self.spacing))

    # Results ----------------------------------------------------------------

    def covered(self) -> list[str]:
        self._annotation_boxes()
        if not any(isinstance(e, _Box) for e in self.events):
            return []
        phrases: list[str] = []
        later: list[_Box] = []
        for event in reversed(self.events):
            if isinstance(event, _Box):
                later.append(event)
            elif later:
                phrases.extend(self._hidden_words(event, later))
        return list(dict.fromkeys(reversed(phrases)))

    # Internals --------------------------------------------------------------

    def _graphics_state(self, name) -> None:
        try:
            state = self.page["/Resources"]["/ExtGState"][name].get_object()
        except (KeyError, TypeError, AttributeError):
            return
        if "/ca" in state:
            self.alpha = float(state["/ca"])

    def _filled(self) -> None:
        if self.fill is None or self.fill > _DARK or self.alpha < _OPAQUE:
            return
        for element in self.path:
            if element[0] == "rect":
                _kind, x, y, w, h, cm = element
                if abs(w) > 0.5 and abs(h) > 0.5:
                    self.events.append(_Box(x, y, w, h, cm))
            elif element[0] == "poly":
                box = _polygon_box(element[1], element[2])
                if box is not None:
                    self.events.append(box)

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
                self.events.append(_Box(x0, y0, x1 - x0, y1 - y0, [1, 0, 0, 1, 0, 0]))

    def _hidden_words(self, text: _Text, boxes: list[_Box]) -> list[str]:
        bounds = text.bounds()
        near = [box for box in boxes if _overlaps(bounds, box.bounds)]
        if not near:
            return []
        hidden = [point is not None and any(box.contains(*point[0]) and box.contains(*point[1]) for box in near)
                  for point in text.points()]
        if not any(hidden):
            return []
        phrases, current = [], []
        for word, start in _words(text.text):
            letters = hidden[start:start + len(word)]
            if sum(letters) * 2 >= len(word):
                current.append(word)
            elif current:
                phrases.append(" ".join(current))
                current = []
        if current:
            phrases.append(" ".join(current))
        return phrases


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
    """A closed four-sided path with straight, axis-aligned sides, as a box."""
    if len(points) == 5 and points[0] == points[-1]:
        points = points[:4]
    if len(points) != 4:
        return None
    xs = sorted({round(x, 2) for x, _y in points})
    ys = sorted({round(y, 2) for _x, y in points})
    if len(xs) != 2 or len(ys) != 2:
        return None
    if xs[1] - xs[0] <= 0.5 or ys[1] - ys[0] <= 0.5:
        return None
    return _Box(xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0], cm)
