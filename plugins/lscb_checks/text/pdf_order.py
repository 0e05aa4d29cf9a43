"""A PDF page's text in the order a reader sees it.

pypdf reads a page's text in the order the file writes it. A reader sees it
where it is drawn: a file can write a surname first and then move left to
draw the forename ("Zebedee Quinlan" on the page, "QuinlanZebedee" in the
file), place a name glyph by glyph in any order, draw the lines of a
paragraph bottom to top, draw a table column by column, or come back to a
line it drew earlier to add a word at its end.

Almost every PDF writes its text in reading order, so this costs little:
`OrderWatch` is given each operator as pypdf extracts the page's text (a
visitor, beside pdf_cover's), notes where each piece of text starts, and
says whether a piece ever starts left of the one before it on the same line,
or on a line above it. Only then is the page read again, piece by piece with
the positions and widths pypdf's layout mode computes (`shown_text`): the
pieces are grouped into lines by baseline, top to bottom, and ordered left to
right within a line, with a space where there is a gap between them, and a
" | " where the gap is as wide as between two cells of a table.

A page in two columns written column by column is also read again, and its
second reading puts the columns' lines side by side, " | " between them: a
name broken from the foot of one column to the head of the next is read
only when the file writes the columns in order. Text turned on its side
is left out of the second reading (the first has it), and so is the text of
form objects (pdf_strings reads those). Right-to-left scripts are not
reordered.
"""

from __future__ import annotations

import math

from pypdf.generic import ArrayObject, ContentStream

_SHOWS = frozenset({b"Tj", b"TJ", b"'", b'"'})
_STATE = frozenset({b"Tf", b"TL", b"TD", b"q", b"Q"})
WATCHED = _SHOWS | _STATE  # the only operators `OrderWatch.operator` needs to see
# Within a line, a TJ number above this (thousandths of an em) moves the next
# letters back by more than kerning ever does: it can draw them left of the
# letters before.
_BACKWARD_KERN = 300
# Two pieces whose baselines are closer than this share a line (a share of
# the larger font size: a superscript stays on its line).
_SAME_LINE = 0.6
# A gap wider than this between two pieces of a line is a space (a share of
# the font size; a space is about a quarter of an em, letters touch).
_WORD_GAP = 0.12
# A gap wider than this is between two cells of a table or two columns: read
# as " | ", as the final gate reads a table's cells (published.markup), so a
# cell's words never run into the next cell's ("Mother | 31").
_CELL_GAP = 1.5


class OrderWatch:
    """Give `operator` to page.extract_text as visitor_operand_before; then
    `in_order` says whether every piece of text starts after the one before
    it, in reading order."""

    def __init__(self):
        self.in_order = True
        self.size = 0.0  # Tf
        self.leading = 0.0  # TL
        self.stack: list[tuple[float, float]] = []
        self.last: tuple[float, float, float] | None = None  # x, y, height of the piece before

    def operator(self, op: bytes, args: list, cm: list, tm: list) -> None:
        if not self.in_order:
            return
        if op in _SHOWS:
            self._shown(op, args, cm, tm)
        elif op in _STATE:
            self._state(op, args)

    def _state(self, op: bytes, args: list) -> None:
        if op == b"q":
            self.stack.append((self.size, self.leading))
        elif op == b"Q":
            if self.stack:
                self.size, self.leading = self.stack.pop()
        elif op == b"Tf" and len(args) > 1 and isinstance(args[1], (int, float)):
            self.size = abs(float(args[1]))
        elif op == b"TL" and args and isinstance(args[0], (int, float)):
            self.leading = float(args[0])
        elif op == b"TD" and len(args) > 1 and isinstance(args[1], (int, float)):
            self.leading = -float(args[1])

    def _shown(self, op: bytes, args: list, cm: list, tm: list) -> None:
        a, b, c, d = (
            tm[0] * cm[0] + tm[1] * cm[2],
            tm[0] * cm[1] + tm[1] * cm[3],
            tm[2] * cm[0] + tm[3] * cm[2],
            tm[2] * cm[1] + tm[3] * cm[3],
        )
        if a <= 0 or d <= 0 or abs(b) > 0.01 * a or abs(c) > 0.01 * d:
            return  # turned, mirrored or slanted text: read in the file's order only
        tx, ty = tm[4], tm[5]
        if op != b"Tj" and op != b"TJ":  # ' and " first move to the next line
            tx, ty = tx - self.leading * tm[2], ty - self.leading * tm[3]
        x, y = tx * cm[0] + ty * cm[2] + cm[4], tx * cm[1] + ty * cm[3] + cm[5]
        height = self.size * d
        last = self.last
        if last is not None:
            tolerance = _SAME_LINE * max(height, last[2])
            if y > last[1] + tolerance or (y >= last[1] - tolerance and x < last[0] - 0.01):
                self.in_order = False  # on a line above, or left of the piece before on its line
        if op == b"TJ" and args and isinstance(args[0], ArrayObject):
            if any(isinstance(item, (int, float)) and item > _BACKWARD_KERN for item in args[0]):
                self.in_order = False
        self.last = (x, y, height)


def shown_text(page) -> str:
    """The page's text in reading order: lines by baseline from the top,
    pieces left to right within a line."""
    pieces = _pieces(page)
    lines: list[list[tuple[float, float, float, float, str]]] = []
    top, top_height = 0.0, 0.0
    for piece in sorted(pieces, key=lambda p: -p[2]):
        x0, x1, y, height, text = piece
        if lines and top - y <= _SAME_LINE * max(height, top_height):
            lines[-1].append(piece)
            top_height = max(top_height, height)
        else:
            lines.append([piece])
            top, top_height = y, height
    return "\n".join(_line(line) for line in lines)


def _line(pieces: list[tuple[float, float, float, float, str]]) -> str:
    parts: list[str] = []
    end = None
    for x0, x1, _y, height, text in sorted(pieces, key=lambda p: p[0]):
        if end is not None:
            gap = x0 - end
            if gap > _CELL_GAP * height:
                parts.append(" | ")
            elif parts[-1].endswith(" ") or text.startswith(" "):
                pass
            elif gap > _WORD_GAP * height or gap < -0.5 * (x1 - x0):
                parts.append(" ")  # a gap, or a piece drawn over the one before: two words
        parts.append(text)
        end = x1 if end is None else max(end, x1)
    return " ".join("".join(parts).split())


_CONTROL = str.maketrans(dict.fromkeys(range(32), " "))


def _pieces(page) -> list[tuple[float, float, float, float, str]]:
    """(left, right, baseline, height, text) of every upright piece of text
    the page's own content stream shows, with pypdf's layout-mode fonts
    (decoding and widths) and text state."""
    from pypdf._text_extraction._layout_mode._fixed_width_page import recurse_to_target_op, set_font_operation
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager

    contents = page.get("/Contents")
    if contents is None:
        return []
    ops = iter(ContentStream(contents.get_object(), page.pdf, "bytes").operations)
    fonts = page._layout_mode_fonts()
    state = TextStateManager()
    shows = []
    for operands, op in ops:
        if op in (b"BT", b"q"):
            shows.extend(recurse_to_target_op(ops, state, b"ET" if op == b"BT" else b"Q", fonts, True)[1])
        elif op == b"cm" and len(operands) == 6:
            state.add_cm(*operands)
        elif op == b"Tf":
            set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(op, operands)
    pieces = []
    previous, cursor = None, 0.0
    for show in shows:
        if show.rotated or not show.font.interpretable:
            continue
        width = show.displaced_tx - show.tx
        # pypdf places each show where the last Td, Tm or TJ number put the
        # pen; two shows in a row at one place follow each other.
        start = cursor if previous == (show.tx, show.ty) else show.tx
        previous, cursor = (show.tx, show.ty), start + width
        text = show.text.translate(_CONTROL)
        if text.strip() and math.isfinite(start + width + show.ty):
            pieces.append((start, start + width, show.ty, show.font_height, text))
    return pieces
