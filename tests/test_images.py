"""Uploaded sketches: only real images of a sensible size are kept, re-encoded."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from briefs.images import MAX_SIDE, MAX_UPLOAD_BYTES, ImageRefused, clean_image


def encoded(size: tuple[int, int], fmt: str = "PNG", mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 128).save(buffer, format=fmt)
    return buffer.getvalue()


def test_a_photo_is_re_encoded_and_scaled_down() -> None:
    cleaned = clean_image(encoded((3000, 1500), "JPEG"))
    assert cleaned.mime == "image/jpeg"
    assert (cleaned.width, cleaned.height) == (MAX_SIDE, MAX_SIDE // 2)
    with Image.open(io.BytesIO(cleaned.data)) as image:
        assert image.format == "JPEG"


def test_transparency_survives_as_png() -> None:
    assert clean_image(encoded((10, 10), "PNG", "RGBA")).mime == "image/png"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7 not an image", "not_image"),
        (encoded((50, 50))[:60], "not_image"),
        (b"\x89PNG" + b"0" * (MAX_UPLOAD_BYTES + 1), "too_big"),
        (encoded((10, 10), "BMP"), "not_image"),
    ],
)
def test_wrong_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(ImageRefused) as refused:
        clean_image(data)
    assert refused.value.reason == reason


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = encoded((12_000, 12_000), "PNG", "1")
    assert len(bomb) < MAX_UPLOAD_BYTES
    with pytest.raises(ImageRefused) as refused:
        clean_image(bomb)
    assert refused.value.reason == "too_many_pixels"
