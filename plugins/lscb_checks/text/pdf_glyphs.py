"""Where each letter of a PDF page is drawn, from the font's own widths.

`GlyphRuns` is given a page's text operators in drawing order (with the
current transformation matrix) and follows the text state as a viewer does:
the text and line matrices, the font and size, character and word spacing,
horizontal scaling and rise. Each string shown becomes a `Run`: its letters,
each with two points in the middle of the letter (low and high, in page
space), the colour it was filled with, and where the run starts and ends.

The width of each letter is read from the font: /Widths for simple fonts
(TrueType and Type 1 subsets, which word processors write with their own
encodings: code 1 is the first letter used, not "A"), /W and /DW for CID
fonts (Type0 over CIDFontType2, as browsers and online editors write them),
and the standard metrics for the standard 14 fonts. pypdf reads those and
the font's /ToUnicode map (pypdf.generic._font.Font, which its own text
extraction uses); a font it cannot read falls back to estimated widths.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

IDENTITY = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


def mul(m: list[float], n: list[float]) -> list[float]:
    """m then n, as PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]


def apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]


# Rough widths, in ems, for a font whose widths cannot be read.
_NARROW = set("ijlftrI.,;:!'|()[] ")
_WIDE = set("mwMW@%")


def guess_width(char: str) -> float:
    if char in _NARROW:
        return 0.28
    if char in _WIDE:
        return 0.83
    if char.isupper():
        return 0.68
    return 0.53


class FontMetrics:
    """Turns the bytes of a shown string into (text, width in ems, whether
    the code is the single-byte space that word spacing applies to)."""

    def __init__(self, font):
        self.font = None
        self.scale = 0.001  # glyph space to ems
        if not isinstance(font, DictionaryObject):
            return
        try:
            from pypdf.generic._font import Font

            self.font = Font.from_font_resource(font)
        except Exception:  # an unreadable font: estimated widths
            self.font = None
        if font.get("/Subtype") == "/Type3":
            try:
                self.scale = float(font["/FontMatrix"][0])
            except (KeyError, TypeError, ValueError, IndexError):
                pass

    def glyphs(self, data: bytes) -> list[tuple[str, float, bool]]:
        font = self.font
        if font is None:
            return [(char, guess_width(char), char == " ") for char in data.decode("latin-1")]
        widths, default = font.character_widths, font.character_widths.get("default", 500)
        result = []
        if isinstance(font.encoding, str):
            try:
                codes = data.decode(font.encoding, "surrogatepass")
            except (UnicodeDecodeError, LookupError):
                codes = data.decode("latin-1")
            single = len(codes) == len(data)
            for code in codes:
                width = widths.get(code, default) * self.scale
                result.append((font.character_map.get(code, code), width, single and code == " "))
        else:
            for byte in data:
                raw = chr(byte)
                named = font.encoding.get(byte, raw)
                width = widths.get(raw, default) * self.scale
                result.append((font.character_map.get(named, named), width, byte == 32))
        return result


@dataclass
class Run:
    """One string as drawn: `letters` are (text, low, high) with the two
    points in page space, or None for a space."""

    letters: list[tuple[str, tuple[float, float] | None, tuple[float, float] | None]]
    fill: float | None  # luminance of the text's fill colour; None when unknown
    filled: bool  # drawn by filling its letters (not outlined, invisible or clipping)
    start: tuple[float, float]
    end: tuple[float, float]
    along: tuple[float, float]  # unit vector along the baseline
    up: tuple[float, float]  # unit vector up from the baseline
    size: float  # the font size in page units
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    index: int = 0  # its place in the page's drawing order


@dataclass
class _State:
    font: FontMetrics | None = None
    size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0
    render: int = 0


@dataclass
class GlyphRuns:
    """Replays a page's text operators; `runs` lists what each string drew."""

    fonts: dict  # resource name -> font dictionary
    runs: list[Run] = field(default_factory=list)
    state: _State = field(default_factory=_State)
    stack: list[_State] = field(default_factory=list)
    tm: list[float] = field(default_factory=lambda: list(IDENTITY))
    tlm: list[float] = field(default_factory=lambda: list(IDENTITY))
    metrics: dict = field(default_factory=dict)

    def operator(self, op: bytes, args: list, cm: list[float], fill: float | None, index: int) -> None:
        state = self.state
        numbers = [float(a) for a in args if isinstance(a, (int, float))]
        if op == b"q":
            self.stack.append(_State(**vars(state)))
        elif op == b"Q":
            if self.stack:
                self.state = self.stack.pop()
        elif op == b"BT":
            self.tm, self.tlm = list(IDENTITY), list(IDENTITY)
        elif op == b"Tf" and len(args) >= 2 and isinstance(args[1], (int, float)):
            state.font = self._metrics(args[0])
            state.size = float(args[1])
        elif op in _SETTERS and numbers:
            setattr(state, _SETTERS[op], numbers[0] / 100 if op == b"Tz" else numbers[0])
        elif op == b"Tr" and numbers:
            state.render = int(numbers[0])
        elif op in (b"Td", b"TD") and len(numbers) == 2:
            if op == b"TD":
                state.leading = -numbers[1]
            self._move(*numbers)
        elif op == b"Tm" and len(numbers) == 6:
            self.tm, self.tlm = list(numbers), list(numbers)
        elif op == b"T*":
            self._move(0.0, -state.leading)
        elif op == b"Tj" and args:
            self._show([args[0]], cm, fill, index)
        elif op == b"TJ" and args and isinstance(args[0], ArrayObject):
            self._show(list(args[0]), cm, fill, index)
        elif op == b"'" and args:
            self._move(0.0, -state.leading)
            self._show([args[0]], cm, fill, index)
        elif op == b'"' and len(args) >= 3:
            if len(numbers) >= 2:
                state.word_spacing, state.char_spacing = numbers[0], numbers[1]
            self._move(0.0, -state.leading)
            self._show([args[2]], cm, fill, index)

    def _metrics(self, name) -> FontMetrics:
        font = self.fonts.get(str(name))
        key = id(font)
        if key not in self.metrics:
            self.metrics[key] = FontMetrics(font)
        return self.metrics[key]

    def _move(self, tx: float, ty: float) -> None:
        self.tlm = mul([1.0, 0.0, 0.0, 1.0, tx, ty], self.tlm)
        self.tm = list(self.tlm)

    def _show(self, items: list, cm: list[float], fill: float | None, index: int) -> None:
        state = self.state
        if not state.size or state.render >= 4:
            return
        metrics = state.font or FontMetrics(None)
        size, scale = state.size, state.scale
        letters, x = [], 0.0
        matrix = mul(self.tm, list(cm))
        for item in items:
            if isinstance(item, (int, float)):
                x -= float(item) / 1000 * size * scale
                if -float(item) / 1000 >= _WORD_GAP and letters and letters[-1][1] is not None:
                    letters.append((" ", None, None))  # a gap as wide as a space, with no space drawn
                continue
            data = _bytes(item)
            if data is None:
                continue
            for text, width, space in metrics.glyphs(data):
                advance = (width * size + state.char_spacing + (state.word_spacing if space else 0.0)) * scale
                if text.isspace() or not text:
                    letters.append((text or " ", None, None))
                else:
                    middle = x + width * size * scale / 2
                    letters.append(
                        (
                            text,
                            apply(matrix, middle, state.rise + 0.15 * size),
                            apply(matrix, middle, state.rise + 0.55 * size),
                        )
                    )
                x += advance
        if letters and any(point is not None for _t, point, _h in letters):
            self.runs.append(_run(letters, matrix, x, state, fill, index))
        self.tm = mul([1.0, 0.0, 0.0, 1.0, x, 0.0], self.tm)


# A TJ number that moves the next letter on by more than this (in ems) is a
# gap between words; kerning moves letters by less.
_WORD_GAP = 0.15
_SETTERS = {b"Tc": "char_spacing", b"Tw": "word_spacing", b"Tz": "scale", b"TL": "leading", b"Ts": "rise"}


def _bytes(item) -> bytes | None:
    item = item.get_object() if isinstance(item, IndirectObject) else item
    if isinstance(item, TextStringObject):
        return item.original_bytes
    if isinstance(item, bytes):
        return bytes(item)
    if isinstance(item, str):
        return item.encode("latin-1", "replace")
    return None


def _unit(dx: float, dy: float) -> tuple[float, float]:
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    return dx / length, dy / length


def _run(letters, matrix, width, state: _State, fill, index) -> Run:
    size = state.size
    corners = [apply(matrix, x, y) for x in (0.0, width) for y in (state.rise - 0.2 * size, state.rise + size)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    start, end = apply(matrix, 0.0, state.rise), apply(matrix, width, state.rise)
    up_x, up_y = matrix[2] * size, matrix[3] * size
    return Run(
        letters=letters,
        fill=fill,
        filled=state.render in (0, 2),
        start=start,
        end=end,
        along=_unit(matrix[0], matrix[1]),
        up=_unit(up_x, up_y),
        size=(up_x * up_x + up_y * up_y) ** 0.5,
        bounds=(min(xs), min(ys), max(xs), max(ys)),
        index=index,
    )


def page_fonts(resources, depth: int = 0) -> dict:
    """Resource name -> font dictionary: the page's fonts, then those of the
    forms it draws (a name the page uses first keeps the page's font)."""
    found: dict = {}
    try:
        resources = resources.get_object()
        fonts = resources.get("/Font")
        for name, font in fonts.get_object().items() if fonts is not None else ():
            found[str(name)] = font.get_object()
        if depth < 3:
            xobjects = resources.get("/XObject")
            for _name, xobject in xobjects.get_object().items() if xobjects is not None else ():
                xobject = xobject.get_object()
                if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                    for name, font in page_fonts(xobject["/Resources"], depth + 1).items():
                        found.setdefault(name, font)
    except (AttributeError, KeyError, TypeError):
        pass
    return found
