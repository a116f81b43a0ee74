"""Benchmark a batch of many units: `make bench`, or `python bench/batch.py [--units N] [--runs R]`.

Generates realistic units (20 indicators in 4 groups, full text, one chart each) in a scratch folder,
builds them through the command line, and prints one table of ratios against the targets. The
medians of R runs are shown. Nothing here is part of the tests' pass/fail.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTGEN = [sys.executable, "-m", "reportgen"]
GROUPS = [
    ("to_chuc", "Xây dựng tổ chức"),
    ("phong_trao", "Phong trào thi đua"),
    ("hoc_tap", "Học tập"),
    ("von", "Nguồn vốn"),
]


def unit_yaml(index: int, indicators: int = 20) -> str:
    """One unit's file: `indicators` counts in four groups, targets on a few, three full paragraphs."""
    rng = random.Random(index)
    lines = [
        "phien_ban: 1",
        "to_chuc:",
        f"  ten: Hội Khuyến học xã Số {index}",
        "  ten_viet_tat: HKH",
        "  co_quan_cap_tren: Hội Khuyến học tỉnh Bắc Kạn",
        "  dia_danh: Bắc Kạn",
        "nam: 2024",
        "hoi_nghi:",
        "  ngay: 20/12/2024",
        "  buoi: sáng",
        "  ten: Hội nghị tổng kết công tác khuyến học, khuyến tài năm 2024",
        "chi_tieu:",
    ]
    keys = []
    per_group = -(-indicators // len(GROUPS))
    for number in range(indicators):
        group_key, group_name = GROUPS[number // per_group]
        if number % per_group == 0:
            lines += [f"  {group_key}_{number}:", f"    ten: {group_name}", "    danh_sach:"]
        key = f"chi_tieu_{number}"
        keys.append(key)
        value = rng.randint(200, 9000)
        lines += [
            f"      {key}:",
            f"        nhan: hộ gia đình đạt danh hiệu thứ {number + 1}",
            "        don_vi: hộ",
            f"        gia_tri: {value}",
            f"        nam_truoc: {value - rng.randint(-50, 300)}",
        ]
        if number % 4 == 0:
            lines.append(f"        ke_hoach: {value + rng.randint(-200, 200)}")
    sentence = "Các chi hội tích cực vận động hội viên, gia đình và dòng họ tham gia phong trào khuyến học"
    paragraphs = [
        f"{sentence}; toàn xã có {{{keys[i]}:so_sanh}}, {{{keys[i + 1]}}} và {{{keys[i + 2]}:so_sanh}}."
        for i in range(0, len(keys) - 2, 3)
    ]
    lines.append("ket_qua:")
    lines += [f"  - >-\n    {text}" for text in paragraphs]
    lines += ["han_che:", f"  - >-\n    {sentence} còn chưa đều giữa các thôn, bản vùng sâu, vùng xa."]
    lines += ["phuong_huong:", f"  - >-\n    {sentence}, phấn đấu vượt mọi chỉ tiêu năm 2025."]
    lines += [
        "bao_cao:",
        f"  so: {index + 1}",
        "  ky_hieu: BC-HKH",
        "  nguoi_ky:",
        "    chuc_vu: CHỦ TỊCH",
        "    ho_ten: Nguyễn Văn An",
    ]
    return "\n".join(lines) + "\n"


def measured(command: list[str]) -> tuple[float, int]:
    """Run ``command`` in a fresh process; return its wall time and its peak memory in MiB."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) // 1024


def weasyprint_alone(out: Path) -> float:
    """Print every HTML page of ``out`` with WeasyPrint alone, one font configuration reused."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from reportgen import fonts

    config = FontConfiguration()
    rules = fonts.font_faces(fonts.PACKAGED, fonts.PACKAGED.family) + fonts.font_faces(
        fonts.PACKAGED, fonts.REPORT_FAMILY
    )
    css = weasyprint.CSS(string=rules, font_config=config)
    pages = sorted(out.glob("*/article.html")) + sorted(out.glob("*/report.html"))
    start = time.perf_counter()
    for page in pages:
        weasyprint.HTML(filename=page).render(stylesheets=[css], font_config=config).write_pdf()
    return time.perf_counter() - start


def cpu_loop_speedup() -> float:
    """How much faster two processes of a pure CPU loop run than the same two loops one after the other."""
    loop = [sys.executable, "-c", "sum(i * i for i in range(12_000_000))"]
    start = time.perf_counter()
    subprocess.run(loop, check=True)
    subprocess.run(loop, check=True)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    both = [subprocess.Popen(loop) for _ in range(2)]
    for process in both:
        process.wait()
    return serial / (time.perf_counter() - start)


def per_page(source: Path, scratch: Path) -> float:
    """Seconds per page of the report of ``source``, printed alone."""
    import pypdf

    out = scratch / f"page-{source.stem}"
    subprocess.run([*REPORTGEN, "build", str(source), "-o", str(out), "-f", "pdf", "-q"], check=True)
    start = time.perf_counter()
    subprocess.run(
        [*REPORTGEN, "build", str(source), "-o", str(out), "-f", "pdf", "-q", "--force"], check=True
    )
    spent = time.perf_counter() - start
    pages = sum(len(pypdf.PdfReader(pdf).pages) for pdf in (out / source.stem).glob("*.pdf"))
    return spent / pages


def wall(command: list[str], times: int = 5) -> float:
    runs = []
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def one_run(units: int, scratch: Path) -> dict[str, float]:
    inputs = scratch / "inputs"
    inputs.mkdir(exist_ok=True)
    for index in range(units):
        (inputs / f"xa-{index:03d}.yaml").write_text(unit_yaml(index), encoding="utf-8")
    single = scratch / "single"
    single.mkdir(exist_ok=True)
    (single / "xa-000.yaml").write_text(unit_yaml(0), encoding="utf-8")
    out = scratch / "out"
    build = [*REPORTGEN, "build", str(inputs), "-o", str(out), "-q", "--force"]

    full, peak_many = measured(build)
    noop, _ = measured(build[:-1])
    double, _ = measured([*build, "--jobs", "2"])
    _, peak_one = measured([*REPORTGEN, "build", str(single), "-o", str(scratch / "out1"), "-q", "--force"])
    alone = weasyprint_alone(out)

    bare = scratch / "bare.py"
    bare.write_text("import typer\napp = typer.Typer()\n@app.command()\ndef main() -> None: ...\napp()\n")
    long_report = scratch / "long"
    long_report.mkdir(exist_ok=True)
    (long_report / "dai.yaml").write_text(unit_yaml(1, indicators=60), encoding="utf-8")
    return {
        "overhead": full / alone,
        "parallel": (full / double) / cpu_loop_speedup(),
        "noop": noop / full,
        "memory": peak_many / peak_one,
        "help": wall([*REPORTGEN, "--help"]) / wall([sys.executable, str(bare), "--help"]),
        "long": per_page(long_report / "dai.yaml", scratch) / per_page(single / "xa-000.yaml", scratch),
    }


TARGETS = {
    "overhead": ("batch time per PDF ÷ WeasyPrint alone (reused fonts)", "≤", 1.10),
    "parallel": ("--jobs 2 speed-up ÷ CPU loop speed-up of 2 processes", "≥", 0.85),
    "noop": ("no-op rebuild ÷ full build", "≤", 0.02),
    "memory": ("peak memory of the batch ÷ one-unit build", "≤", 1.5),
    "help": ("reportgen --help ÷ bare Typer --help", "≤", 1.5),
    "long": ("cost per page, 60 indicators ÷ 20 indicators", "≤", 1.3),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    results: list[dict[str, float]] = []
    for run in range(options.runs):
        with tempfile.TemporaryDirectory() as scratch:
            results.append(one_run(options.units, Path(scratch)))
        print(f"run {run + 1}/{options.runs}: " + ", ".join(f"{k} {v:.3f}" for k, v in results[-1].items()))
    print(
        f"\n{options.units} units, median of {options.runs} runs; "
        f"{platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    print(f"{'measure':<55} {'ratio':>7}  target   met")
    for key, (label, sense, target) in TARGETS.items():
        value = statistics.median(result[key] for result in results)
        met = value <= target if sense == "≤" else value >= target
        print(f"{label:<55} {value:>7.3f}  {sense} {target:<5} {'yes' if met else 'NO'}")


if __name__ == "__main__":
    main()
