"""Validation of uploaded sketches: only real, reasonably sized images, re-encoded."""

from __future__ import annotations

import io
import threading
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

# Pillow is imported by the functions that decode, when a sketch is uploaded or restored:
# every page imports this module for its limits, few ever decode an image.

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
# A sketch or a photo of one needs far less; a larger image costs ~10 bytes a pixel to decode.
MAX_PIXELS = 25_000_000
# Images decoded at once, whatever the number of uploads: each may take a few hundred MB.
DECODING = threading.BoundedSemaphore(2)
MAX_SIDE = 2400
# Greyscale with more than 8 bits a sample: a 16-bit PNG opens as "I;16", other files as "I"
# (32-bit integers) or "F" (floats). Pillow's convert() clips these at 255, not scales them.
SIXTEEN_BIT_MODES = ("I;16", "I;16L", "I;16B", "I;16N")
DEEP_GREY_MODES = (*SIXTEEN_BIT_MODES, "I", "F")


class ImageRefused(ValueError):
    """The upload is not stored; ``reason`` is one of not_image, too_big, too_many_pixels."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    mime: str
    width: int
    height: int


def clean_image(data: bytes) -> CleanImage:
    """Return the upload decoded, downscaled and re-encoded, or raise ImageRefused."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImageRefused("too_big")
    with DECODING:
        image = _decode(data)
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        buffer = io.BytesIO()
        if image.mode == "RGBA":
            image.save(buffer, format="PNG", optimize=True)
            mime = "image/png"
        else:
            image.save(buffer, format="JPEG", quality=85)
            mime = "image/jpeg"
    return CleanImage(buffer.getvalue(), mime, image.width, image.height)


def _decode(data: bytes) -> Image.Image:
    """Open and decode an upload as RGB(A), refusing what is not a plain image or too large."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise ImageRefused("too_many_pixels")
                if probe.format not in ("PNG", "JPEG", "GIF", "WEBP"):
                    raise ImageRefused("not_image")
                if probe.format == "JPEG":
                    # Let the JPEG decoder scale down by 2, 4 or 8 while it decodes.
                    probe.draft("RGB", (MAX_SIDE, MAX_SIDE))
                probe.load()
                image = _eight_bit(probe) if probe.mode in DEEP_GREY_MODES else probe
                return image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        if isinstance(error, ImageRefused):
            raise
        raise ImageRefused("not_image") from None


def _eight_bit(image: Image.Image) -> Image.Image:
    """Return deep greyscale as "L" (or "LA" when a grey value is transparent), scaled.

    16-bit samples map 0–65535 onto 0–255. For "I" and "F" the range is not fixed: values
    that already fit 0–255 are kept, others are stretched from their minimum to their maximum.
    """
    from PIL import Image, ImageMath

    samples = image.convert("F")
    if image.mode in SIXTEEN_BIT_MODES:
        low, high = 0.0, 65535.0
    else:
        extrema = samples.getextrema()
        low, high = float(extrema[0]), float(extrema[1])  # type: ignore[arg-type]
        if low >= 0 and high <= 255:
            low, high = 0.0, 255.0
    scale = 255 / (high - low) if high > low else 0.0
    grey = samples.point(lambda value: (value - low) * scale).convert("L")
    key = image.info.get("transparency")
    if not isinstance(key, int) or image.mode == "F":
        return grey
    # A 16-bit PNG marks one grey value as transparent (tRNS); keep it transparent.
    opaque = ImageMath.lambda_eval(lambda a: (a["x"] != key) * 255, x=image.convert("I"))
    assert isinstance(opaque, Image.Image)
    grey.putalpha(opaque.convert("L"))
    return grey
