"""The batch measures of `make bench` (bench/run.py prints them): many units built by one command.

Generates realistic units (20 indicators in 4 groups, full text, one chart each) in a scratch folder,
builds them through the command line, and times the build against WeasyPrint alone printing the
same pages, with `--jobs 2`, as a no-op rebuild; also its memory, `--help` and the cost per page of
a long report. Nothing here is part of the tests' pass/fail.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
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


def measured(command: list[str]) -> tuple[float, float, int]:
    """Run ``command`` in a fresh process; return its wall time, the CPU time of its processes
    and the peak memory of the largest of them, in MiB."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "used = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(used.ru_utime + used.ru_stime, used.ru_maxrss)"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True)
    cpu, peak = done.stdout.split()[-2:]
    return time.perf_counter() - start, float(cpu), int(peak) // 1024


def font_rules() -> str:
    """The ``@font-face`` rules reportgen prints with on this machine, for WeasyPrint alone to use."""
    from reportgen import fonts

    chosen = fonts.choose()
    return (
        fonts.font_faces(fonts.PACKAGED, fonts.PACKAGED.family)
        + "\n"
        + fonts.font_faces(chosen, fonts.REPORT_FAMILY)
    )


def weasyprint_alone(pages: list[Path], scratch: Path) -> float:
    """The wall time of a process printing ``pages`` with WeasyPrint alone, one font configuration reused."""
    rules = scratch / "rules.css"
    rules.write_text(font_rules(), encoding="utf-8")
    printed = scratch / "alone"
    printed.mkdir(exist_ok=True)
    command = [sys.executable, str(ROOT / "bench" / "weasyprint_alone.py"), str(rules), str(printed)]
    start = time.perf_counter()
    subprocess.run([*command, *map(str, pages)], check=True)
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
    """One run of the batch measures; times in seconds, the others as ratios."""
    inputs = scratch / "inputs"
    inputs.mkdir(exist_ok=True)
    for index in range(units):
        (inputs / f"xa-{index:03d}.yaml").write_text(unit_yaml(index), encoding="utf-8")
    single = scratch / "single"
    single.mkdir(exist_ok=True)
    (single / "xa-000.yaml").write_text(unit_yaml(0), encoding="utf-8")
    out = scratch / "out"
    build = [*REPORTGEN, "build", str(inputs), "-o", str(out), "-q", "--force"]

    full, full_cpu, peak_many = measured(build)
    # Right after the build it is compared with, so that both meet the same load.
    pages = sorted(out.glob("*/article.html")) + sorted(out.glob("*/report.html"))
    alone = weasyprint_alone(pages, scratch)
    noop, _, _ = measured(build[:-1])
    double, _, _ = measured([*build, "--jobs", "2"])
    one = [*REPORTGEN, "build", str(single), "-o", str(scratch / "out1"), "-q", "--force"]
    _, _, peak_one = measured(one)

    bare = scratch / "bare.py"
    bare.write_text("import typer\napp = typer.Typer()\n@app.command()\ndef main() -> None: ...\napp()\n")
    long_report = scratch / "long"
    long_report.mkdir(exist_ok=True)
    (long_report / "dai.yaml").write_text(unit_yaml(1, indicators=60), encoding="utf-8")
    help_time, bare_help = wall([*REPORTGEN, "--help"]), wall([sys.executable, str(bare), "--help"])
    long_page = per_page(long_report / "dai.yaml", scratch)
    short_page = per_page(single / "xa-000.yaml", scratch)
    return {
        "batch": full / len(pages),
        "batch alone": alone / len(pages),
        # One job keeps full_cpu / full cores busy already; two can at most reach the cores
        # two CPU loops get: the speed-up --jobs 2 can give is their ratio.
        "parallel": full / double,
        "parallel ideal": cpu_loop_speedup() / (full_cpu / full),
        "noop": noop,
        "full": full,
        "memory": peak_many,
        "memory one": peak_one,
        "help": help_time,
        "bare help": bare_help,
        "long": long_page,
        "short": short_page,
    }
