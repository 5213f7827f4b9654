"""Uploaded sketches: only real images of a sensible size are kept, re-encoded."""

from __future__ import annotations

import io
import threading
import time
from unittest.mock import patch

import pytest
from PIL import Image
from PIL.JpegImagePlugin import JpegImageFile

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


# --- issue 8: deep greyscale is scaled to 8 bits, not clipped to white -----------------------
def sixteen_bit_gradient(width: int = 256, height: int = 8) -> Image.Image:
    """A left-to-right ramp over the whole 16-bit range: 0 on the left, 65535 on the right."""
    image = Image.new("I;16", (width, height))
    image.putdata([x * 65535 // (width - 1) for _ in range(height) for x in range(width)])
    return image


def grey_row(data: bytes) -> list[int]:
    """The grey level of every pixel of the middle row of an encoded image."""
    with Image.open(io.BytesIO(data)) as image:
        grey = image.convert("L")
        return [int(grey.getpixel((x, grey.height // 2))) for x in range(grey.width)]  # type: ignore[arg-type]


def png_of(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **options)
    return buffer.getvalue()


def test_a_16_bit_greyscale_png_keeps_its_picture() -> None:
    data = png_of(sixteen_bit_gradient())
    with Image.open(io.BytesIO(data)) as source:
        assert source.mode == "I;16"
    cleaned = clean_image(data)
    assert (cleaned.width, cleaned.height) == (256, 8)
    row = grey_row(cleaned.data)
    assert len(set(row)) > 200, "the ramp must survive, not turn white"
    assert row[0] <= 5 and row[-1] >= 250
    # Each pixel is the 16-bit value scaled to 8 bits (JPEG allows a little deviation).
    assert all(abs(level - x) <= 6 for x, level in enumerate(row))


def test_a_16_bit_pattern_of_dark_and_light_blocks_keeps_its_contrast() -> None:
    # Left top black, the right half white, left bottom mid-grey.
    image = Image.new("I;16", (64, 64))
    image.putdata(
        [65535 if x >= 32 else 32768 if y >= 32 else 0 for y in range(64) for x in range(64)]
    )
    cleaned = clean_image(png_of(image))
    with Image.open(io.BytesIO(cleaned.data)) as result:
        grey = result.convert("L")
        dark = int(grey.getpixel((8, 8)))  # type: ignore[arg-type]
        light = int(grey.getpixel((48, 8)))  # type: ignore[arg-type]
        middle = int(grey.getpixel((8, 48)))  # type: ignore[arg-type]
    assert dark < 10 and light > 245 and 118 < middle < 138


def test_a_transparent_grey_in_a_16_bit_png_stays_transparent() -> None:
    cleaned = clean_image(png_of(sixteen_bit_gradient(), transparency=0))
    assert cleaned.mime == "image/png"
    with Image.open(io.BytesIO(cleaned.data)) as result:
        rgba = result.convert("RGBA")
        assert rgba.getpixel((0, 4))[3] == 0  # type: ignore[index]
        assert rgba.getpixel((128, 4)) == (128, 128, 128, 255)


@pytest.mark.parametrize(
    ("mode", "values", "expected"),
    [
        # 32-bit integers beyond 8 bits are stretched from their minimum to their maximum.
        ("I", [-1000, 0, 1000, 3000], [0, 64, 128, 255]),
        ("F", [0.0, 250.0, 500.0, 1000.0], [0, 64, 128, 255]),
        # Values that already fit 0–255 are kept as they are.
        ("I", [0, 10, 100, 255], [0, 10, 100, 255]),
    ],
)
def test_32_bit_greyscale_is_scaled_to_8_bits(
    mode: str, values: list[float], expected: list[int]
) -> None:
    from briefs.images import _eight_bit

    image = Image.new(mode, (4, 1))
    image.putdata(values)
    scaled = _eight_bit(image)
    assert scaled.mode == "L"
    levels = [int(scaled.getpixel((x, 0))) for x in range(4)]  # type: ignore[arg-type]
    assert all(abs(a - b) <= 1 for a, b in zip(levels, expected, strict=True)), levels


# --- issue 10: uploads that cost too much -----------------------------------------------------
def test_a_small_file_of_forty_megapixels_is_refused_unopened() -> None:
    """A 6,300 × 6,300 PNG of one colour is a few dozen kB, and would decode into ~120 MB."""
    flat = encoded((6_300, 6_300), "PNG", "L")
    assert len(flat) < 200_000
    with (
        patch.object(Image.Image, "load", side_effect=AssertionError("decoded")),
        pytest.raises(ImageRefused) as refused,
    ):
        clean_image(flat)
    assert refused.value.reason == "too_many_pixels"


def test_a_large_jpeg_is_decoded_at_a_reduced_scale() -> None:
    asked: list[tuple[str, tuple[int, int]]] = []
    real_draft = JpegImageFile.draft

    def recording_draft(image: JpegImageFile, mode: str, size: tuple[int, int]) -> object:
        asked.append((mode, size))
        return real_draft(image, mode, size)

    with patch.object(JpegImageFile, "draft", recording_draft):
        cleaned = clean_image(encoded((4_800, 4_800), "JPEG"))
    assert asked == [("RGB", (MAX_SIDE, MAX_SIDE))]
    assert (cleaned.width, cleaned.height) == (MAX_SIDE, MAX_SIDE)


def test_no_more_than_two_uploads_are_decoded_at_once() -> None:
    running, most = 0, 0
    lock = threading.Lock()

    def slow_decode(data: bytes) -> Image.Image:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.2)
        with lock:
            running -= 1
        return Image.new("RGB", (10, 10))

    with patch("briefs.images._decode", slow_decode):
        threads = [threading.Thread(target=clean_image, args=(b"x",)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert most == 2
