"""Validation of uploaded sketches: only real, reasonably sized images, re-encoded."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 2400


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
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise ImageRefused("too_many_pixels")
                if probe.format not in ("PNG", "JPEG", "GIF", "WEBP"):
                    raise ImageRefused("not_image")
                probe.load()
                image = probe.convert("RGBA" if probe.mode in ("RGBA", "LA", "P") else "RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        if isinstance(error, ImageRefused):
            raise
        raise ImageRefused("not_image") from None
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, format="PNG", optimize=True)
        mime = "image/png"
    else:
        image.save(buffer, format="JPEG", quality=85)
        mime = "image/jpeg"
    return CleanImage(buffer.getvalue(), mime, image.width, image.height)
