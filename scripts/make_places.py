"""Write ``reportgen/vi/dia-danh.tsv``, the administrative units ``reportgen init`` reads a place from.

The names and levels are the General Statistics Office's list of administrative units, as the
``vietnam-provinces`` package publishes it. Each release holds the list of its day, so the
earlier units are the union of releases 0.2 (2020), 0.3.0 (2021), 0.5.0 (data of 7 May 2023) and
0.6.0 (data of 4 January 2025): the 63 provinces and every district that existed between them,
including those merged before 2025 (Đông Sơn, Thanh Hóa). Release 2025.10.1 (data of 18 October
2025) holds today's: 34 provinces and their communes, wards and special zones. Each is read from
its wheel:

    pip download vietnam-provinces==0.2 vietnam-provinces==0.3.0 vietnam-provinces==0.5.0 \
        vietnam-provinces==0.6.0 vietnam-provinces==2025.10.1 --no-deps -d wheels/
    python scripts/make_places.py wheels/ reportgen/vi/dia-danh.tsv
"""

from __future__ import annotations

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

RELEASES = {"truoc": ("0.2", "0.3.0", "0.5.0", "0.6.0"), "sau": ("2025.10.1",)}
PREFIXES = {
    "thành phố": "thành phố",
    "tỉnh": "tỉnh",
    "huyện": "huyện",
    "quận": "quận",
    "thị xã": "thị xã",
    "xã": "xã",
    "phường": "phường",
    "đặc khu": "đặc khu",
}


def split(name: str) -> tuple[str, str]:
    """A unit's level and its name without it: "Thành Phố Bắc Kạn" → ("thành phố", "Bắc Kạn")."""
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        if name.lower().startswith(prefix + " "):
            return PREFIXES[prefix], name[len(prefix) + 1 :]
    return "", name


def rows(wheels: Path) -> list[tuple[str, str, str, str]]:
    found: dict[tuple[str, str, str, str], None] = {}  # in order, once each
    for era, releases in RELEASES.items():
        for release in releases:
            wheel = next(wheels.glob(f"vietnam_provinces-{release}-*.whl"))
            with zipfile.ZipFile(wheel) as archive:
                provinces = json.loads(archive.read("vietnam_provinces/data/nested-divisions.json"))
            for province in provinces:
                level, name = split(province["name"])
                # A centrally-run city is a province; the 2025 list writes a province without "Tỉnh".
                level = "thành phố trung ương" if level == "thành phố" else "tỉnh"
                found[(era, level, name, name)] = None
                for unit in province.get("districts", province.get("wards", [])):
                    unit_level, unit_name = split(unit["name"])
                    found[(era, unit_level, unit_name, name)] = None
    return list(found)


def main() -> None:
    wheels, target = Path(sys.argv[1]), Path(sys.argv[2])
    lines = [
        "# Đơn vị hành chính Việt Nam, để `reportgen init` đọc địa danh từ tên hội.",
        "# Nguồn: danh mục đơn vị hành chính của Tổng cục Thống kê, qua gói vietnam-provinces:",
        "# các bản 0.2, 0.3.0, 0.5.0 và 0.6.0 (từ năm 2020 đến dữ liệu ngày 04/01/2025, trước khi sắp xếp",
        "# năm 2025: 63 tỉnh và mọi huyện có trong thời gian đó) và bản 2025.10.1 (dữ liệu ngày 18/10/2025,",
        "# sau khi sắp xếp: 34 tỉnh và các xã, phường, đặc khu).",
        "# Làm lại bằng scripts/make_places.py. Cột: thời kỳ (truoc, sau), cấp, tên, tỉnh.",
    ]
    lines += ["\t".join(row) for row in rows(wheels)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
