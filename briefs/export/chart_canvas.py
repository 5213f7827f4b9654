"""A small raster canvas for the document's bar and line charts, drawn with Pillow.

Why not a chart library: matplotlib drew these charts first, and its artists (every tick,
label and legend entry an object with transforms, laid out and drawn in Python) took some
100 ms a chart on the server, half of the export's 600 ms budget for a 300-building brief
(issue 14). Pillow draws the same bars, lines and words in a few milliseconds, without a
browser, and shows text only as the literal characters given (no mathtext, no markup).
What is written here is only the geometry of four simple charts: value axes with round
steps, bars, a line, labels and a legend.
"""

from __future__ import annotations

import importlib.util
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DPI = 150
WIDTH_INCHES = 7.0
TEXT = "#1a1a1a"
AXIS = "#333333"
GRID = "#e5e5e5"
LABEL_LIMIT = 40


@cache
def _font_file() -> str:
    """DejaVu Sans, which matplotlib carries: it covers the accents, € and m² of Flemish
    names and amounts (Pillow's own default font lacks them) and needs no system fonts.
    Found by matplotlib's package location, so that importing it (a quarter second, numpy
    included) is not paid by a document."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        raise RuntimeError("matplotlib, which carries the charts' font, is not installed")
    return str(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")


@cache
def font(points: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_font_file(), round(points * DPI / 72))


def pixels(inches: float) -> int:
    return round(inches * DPI)


def text_width(words: str, points: float = 10) -> float:
    """How many pixels ``words`` take on a chart."""
    return font(points).getlength(words)


def plain(text: str, limit: int = LABEL_LIMIT) -> str:
    """User text as one printable line, cut short to fit beside a chart."""
    line = " ".join("".join(c for c in text if c.isprintable()).split())
    return line[: limit - 1] + "…" if len(line) > limit else line


def round_steps(top: float, most: int = 6, whole: bool = False) -> list[float]:
    """Axis values from 0 to at least ``top`` in round steps (1, 2, 2.5 or 5 × 10ⁿ), at
    most ``most`` + 1 of them; ``whole`` keeps the steps whole numbers (buildings)."""
    if top <= 0:
        top = 1.0  # nothing to show yet: an axis to one
    top = max(top, 0.01)  # the charts' finest figures are cents and hundredths of a percent
    rough = top / most
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    if whole:  # a whole step: 1 below one, 5 for 2.5 (2 would need more than ``most``)
        step = 1 if step < 1 else 5 if step == 2.5 else step
    count = math.ceil(top / step - 1e-9)
    return [round(step * k, 10) for k in range(count + 1)]


def axis_number(value: float) -> str:
    """An axis value as Flemish readers write it: 2,5 and 1.000."""
    return f"{value:,.10g}".translate(str.maketrans(",.", ".,"))


@dataclass
class Chart:
    """A white image with a plot area set by its margins in inches, and the value range
    each plot axis spans."""

    height: float
    left: float = 0.8
    top: float = 0.15
    bottom: float = 0.45
    right: float = 0.15
    # How the axes write their values: the document's language (``Translator.number``).
    number: Callable[[float], str] = axis_number

    def __post_init__(self) -> None:
        self.image = Image.new("RGB", (pixels(WIDTH_INCHES), pixels(self.height)), "white")
        self.draw = ImageDraw.Draw(self.image)
        self.x0, self.x1 = pixels(self.left), pixels(WIDTH_INCHES - self.right)
        self.y0, self.y1 = pixels(self.top), pixels(self.height - self.bottom)
        self.x_range = (0.0, 1.0)
        self.y_range = (0.0, 1.0)

    def x(self, value: float) -> float:
        low, high = self.x_range
        return self.x0 + (value - low) / (high - low) * (self.x1 - self.x0)

    def y(self, value: float) -> float:
        low, high = self.y_range
        return self.y1 - (value - low) / (high - low) * (self.y1 - self.y0)

    def text(
        self,
        at: tuple[float, float],
        words: str,
        points: float = 10,
        anchor: str = "mm",
        colour: str = TEXT,
        backdrop: bool = False,
    ) -> None:
        """Words as literal characters; ``anchor`` as Pillow's (e.g. "mm" centred, "rm"
        right-middle, "mt" middle-top); ``backdrop`` clears the grid lines behind them."""
        if backdrop:
            left, top, right, bottom = self.draw.textbbox(
                at, words, font=font(points), anchor=anchor
            )
            self.draw.rectangle((left - 3, top - 3, right + 3, bottom + 3), fill="white")
        self.draw.text(at, words, font=font(points), fill=colour, anchor=anchor)

    def text_with_room(
        self,
        at: tuple[float, float],
        words: str,
        taken: list[tuple[float, float, float, float]],
        points: float = 8,
        anchor: str = "mm",
    ) -> None:
        """Words only where they overlap none of the ``taken`` boxes, which they join: of
        labels crowded together, those written first stay readable."""
        left, top, right, bottom = self.draw.textbbox(at, words, font=font(points), anchor=anchor)
        box = (left - 4, top - 2, right + 4, bottom + 2)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            return
        taken.append(box)
        self.text(at, words, points, anchor)

    def upright_text(self, at: tuple[float, float], words: str, points: float = 10) -> None:
        """Words turned a quarter left, centred on ``at`` (an axis title beside its values)."""
        face = font(points)
        left, top, right, bottom = face.getbbox(words)
        label = Image.new("L", (int(right - left) + 2, int(bottom - top) + 2), 0)
        ImageDraw.Draw(label).text((1 - left, 1 - top), words, font=face, fill=255)
        turned = label.rotate(90, expand=True)
        corner = (round(at[0] - turned.width / 2), round(at[1] - turned.height / 2))
        self.image.paste(
            TEXT, (*corner, corner[0] + turned.width, corner[1] + turned.height), turned
        )

    def fitting_steps(self, top: float, across: bool, whole: bool = False) -> list[float]:
        """Round steps from 0 to ``top``, as many (up to seven) as leave each value's words
        room on the axis: ``across`` for the horizontal axis, where they stand side by side."""
        length = (self.x1 - self.x0) if across else (self.y1 - self.y0)
        for most in range(6, 0, -1):
            steps = round_steps(top, most, whole)
            spacing = length * (steps[1] - steps[0]) / (steps[-1] - steps[0])
            needed = (
                max(text_width(self.number(value)) for value in steps) + pixels(0.12)
                if across
                else pixels(10 / 72) * 1.6  # a line of 10 pt with some air
            )
            if needed <= spacing:
                break
        return steps

    def value_axis_y(self, steps: list[float], title: str) -> None:
        """The vertical value axis: grid lines across, the values left, the title beside."""
        self.y_range = (steps[0], steps[-1])
        widest = 0.0
        for value in steps:
            y = round(self.y(value))
            if value != steps[0]:
                self.draw.line((self.x0, y, self.x1, y), fill=GRID, width=2)
            self.draw.line((self.x0 - 7, y, self.x0, y), fill=AXIS, width=2)
            words = self.number(value)
            self.text((self.x0 - 12, y), words, anchor="rm")
            widest = max(widest, text_width(words))
        self.draw.line((self.x0, self.y0, self.x0, self.y1), fill=AXIS, width=2)
        self.upright_text((self.x0 - 12 - widest - pixels(0.14), (self.y0 + self.y1) / 2), title)

    def value_axis_x(self, steps: list[float], title: str, limit: float | None = None) -> None:
        """The horizontal value axis: grid lines up, the values below, the title under them."""
        self.x_range = (steps[0], limit if limit is not None else steps[-1])
        for value in steps:
            x = round(self.x(value))
            if value != steps[0]:
                self.draw.line((x, self.y0, x, self.y1), fill=GRID, width=2)
            self.draw.line((x, self.y1, x, self.y1 + 7), fill=AXIS, width=2)
            self.text((x, self.y1 + 12), self.number(value), anchor="mt")
        self.text((((self.x0 + self.x1) / 2), self.y1 + pixels(0.32)), title, anchor="mt")

    def stacked_columns(
        self,
        names: list[str],
        stacks: list[tuple[str, list[int]]],
        share: float,
        labelled_from: float,
    ) -> None:
        """A column per name, stacked bottom-up from ``stacks`` (a colour and a height per
        column each), filling ``share`` of its slot; a segment from ``labelled_from`` high
        carries its number; the names stand under the columns."""
        slot = (self.x1 - self.x0) / len(names)
        bottoms = [0] * len(names)
        for colour, heights in stacks:
            for column, (bottom, height) in enumerate(zip(bottoms, heights, strict=True)):
                if not height:
                    continue
                left = self.x0 + slot * (column + (1 - share) / 2)
                top, foot = self.y(bottom + height), self.y(bottom)
                self.box(left, top, left + slot * share, foot, colour)
                if height >= labelled_from:
                    middle = (left + slot * share / 2, (top + foot) / 2)
                    self.text(middle, str(height), 8, colour="white")
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        for column, name in enumerate(names):
            self.text((self.x0 + slot * (column + 0.5), self.y1 + 10), name, anchor="mt")

    def base_line(self) -> None:
        """The axis the bars stand on (or start from), drawn over their feet."""
        self.draw.line((self.x0, self.y1, self.x1, self.y1), fill=AXIS, width=2)
        self.draw.line((self.x0, self.y0, self.x0, self.y1), fill=AXIS, width=2)

    def box(self, left: float, top: float, right: float, bottom: float, colour: str) -> None:
        self.draw.rectangle(
            (round(left), round(top), round(right) - 1, round(bottom) - 1), fill=colour
        )

    def legend(self, entries: list[tuple[str, str]], points: float = 8) -> None:
        """Colour swatches with their names in one row above the plot area."""
        x = float(self.x0)
        y = pixels(self.top) / 2
        swatch = pixels(0.22)
        for name, colour in entries:
            self.box(x, y - pixels(0.04), x + swatch, y + pixels(0.04), colour)
            x += swatch + pixels(0.07)
            self.text((x, y), name, points, anchor="lm")
            x += text_width(name, points) + pixels(0.25)

    def png(self) -> bytes:
        buffer = io.BytesIO()
        # Light compression: a chart's flat colours pack well, and zlib's default level
        # spends more time than the smaller file saves.
        self.image.save(buffer, format="PNG", compress_level=1, dpi=(DPI, DPI))
        return buffer.getvalue()
