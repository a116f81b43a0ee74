"""Photos become web sizes: upright, without metadata, never enlarged, named safely for srcset."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

import reportgen
from reportgen import photos
from tests.conftest import SEED

ORIENTATION, GPS = 0x0112, 0x8825


def with_photos(folder: Path, entries: str) -> Path:
    """The seed input with its ``anh`` part replaced by ``entries``."""
    text = SEED.read_text(encoding="utf-8")
    start, end = text.index("\nanh:\n"), text.index("\nbai_viet:")
    path = folder / "don-vi.yaml"
    path.write_text(text[:start] + "\nanh:\n" + entries + text[end:], encoding="utf-8")
    return path


def phone_photo(path: Path) -> None:
    """A 3000 × 2000 JPEG stored sideways, as phones do: EXIF says "turn 90° clockwise".

    The left half is red and the right half blue, so the test can see which way it was turned.
    """
    image = Image.new("RGB", (3000, 2000), "red")
    image.paste(Image.new("RGB", (1500, 2000), "blue"), (1500, 0))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[GPS] = {1: "N", 2: (21.0, 8.0, 0.0)}
    image.save(path, "JPEG", exif=exif, quality=90)


@pytest.fixture
def built_photos(tmp_path: Path) -> Path:
    (tmp_path / "ảnh gốc").mkdir()
    phone_photo(tmp_path / "ảnh gốc" / "Hội nghị 1.JPG")
    Image.new("RGBA", (640, 480), (0, 0, 0, 0)).save(tmp_path / "ảnh gốc" / "trong-suot.png")
    source = with_photos(
        tmp_path,
        "  - tep: ảnh gốc/Hội nghị 1.JPG\n    chu_thich: Ảnh chụp bằng điện thoại\n"
        "  - tep: ảnh gốc/trong-suot.png\n    chu_thich: Ảnh nền trong suốt\n    sau: mo_dau\n",
    )
    reportgen.build([source], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    return tmp_path / "out" / "don-vi"


def test_a_phone_photo_is_turned_upright_in_every_size(built_photos: Path) -> None:
    sizes = {}
    for path in sorted((built_photos / "anh").glob("hoi-nghi-1-*.jpg")):
        with Image.open(path) as image:
            sizes[path.name] = image.size
            # Turned clockwise, the red left half is now on top.
            assert image.getpixel((image.width // 2, 5)) == pytest.approx((254, 0, 0), abs=3)
            assert image.getpixel((image.width // 2, image.height - 5)) == pytest.approx((0, 0, 254), abs=3)
    assert sizes == {
        "hoi-nghi-1-480.jpg": (480, 720),
        "hoi-nghi-1-800.jpg": (800, 1200),
        "hoi-nghi-1-1200.jpg": (1200, 1800),
        "hoi-nghi-1-1600.jpg": (1600, 2400),
    }


def test_no_metadata_leaves_with_the_photo(built_photos: Path) -> None:
    with Image.open(built_photos / "anh" / "hoi-nghi-1-1600.jpg") as image:
        exif = image.getexif()
        assert GPS not in exif and ORIENTATION not in exif


def test_a_small_transparent_photo_is_not_enlarged_and_turns_white(built_photos: Path) -> None:
    assert sorted(p.name for p in (built_photos / "anh").glob("trong-suot-*")) == [
        "trong-suot-480.jpg",
        "trong-suot-640.jpg",
    ]
    with Image.open(built_photos / "anh" / "trong-suot-640.jpg") as image:
        assert image.mode == "RGB"
        assert image.getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=2)


def test_the_article_names_every_size_with_its_pixels(built_photos: Path) -> None:
    html = (built_photos / "article.html").read_text(encoding="utf-8")
    images = re.findall(r"<img [^>]+>", html)
    assert images[0] == (
        '<img src="anh/trong-suot-640.jpg" srcset="anh/trong-suot-480.jpg 480w, anh/trong-suot-640.jpg 640w"'
        ' sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)" width="640" height="480"'
        ' alt="Ảnh nền trong suốt">'
    )
    assert images[1] == (
        '<img src="anh/hoi-nghi-1-1600.jpg" srcset="anh/hoi-nghi-1-480.jpg 480w, anh/hoi-nghi-1-800.jpg 800w,'
        ' anh/hoi-nghi-1-1200.jpg 1200w, anh/hoi-nghi-1-1600.jpg 1600w"'
        ' sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)" width="1600" height="2400"'
        ' alt="Ảnh chụp bằng điện thoại" loading="lazy">'
    )


def test_a_file_that_is_not_an_image_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "bao-cao.jpg").write_text("không phải ảnh", encoding="utf-8")
    source = with_photos(tmp_path, "  - tep: anh/bao-cao.jpg\n    chu_thich: Ảnh\n")
    line = source.read_text(encoding="utf-8").splitlines().index("  - tep: anh/bao-cao.jpg") + 1
    with pytest.raises(reportgen.ReportgenError) as raised:
        reportgen.build([source], out=tmp_path / "out", fmt=reportgen.Format.HTML)
    assert str(raised.value) == (
        f'{source}:{line}:10: anh[0].tep: "anh/bao-cao.jpg" không phải ảnh đọc được '
        "— hãy dùng ảnh JPEG hoặc PNG"
    )
    assert not (tmp_path / "out").exists()


def test_two_photos_of_the_same_name_get_distinct_files() -> None:
    assert photos.stems(["a/x.jpg", "b/x.png", "b/X.jpeg"]) == ["anh/x", "anh/2-x", "anh/3-x"]
