"""Benchmark of the Word export against a bare python-docx baseline, and of a cohort zip."""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import date
from typing import Any

import docx

from briefs.brief import Brief, StoredPart
from briefs.demo import AVELGEM, TRAJECTORIES, sketch_png
from briefs.export.brief_doc import ExportContext, ExportOptions
from briefs.export.cohort import CohortMember, build_cohort_zip
from briefs.export.document import build_export
from briefs.i18n import Translator
from briefs.images import clean_image
from briefs.parts import PARTS, Kind, validate_part
from briefs.steps import STEPS

REPEAT = 15
QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")


def richest_content() -> dict[str, Any]:
    """The Avelgem demo with every part filled, 40 actions and 20 SWOT items."""
    content = dict(AVELGEM)
    actions = AVELGEM["roadmap.actions"]
    content["roadmap.actions"] = [
        {**action, "id": f"bench-a{i}", "title": f"Actie {i}: {action['title']}"}
        for i, action in ((i, actions[i % len(actions)]) for i in range(40))
    ]
    for quadrant in QUADRANTS:
        content[f"challenge.swot_{quadrant}"] = [
            {"id": f"{quadrant}{i}", "text": f"SWOT-punt {i} ({quadrant}) met wat uitleg erbij"}
            for i in range(5)
        ]
    content["prototype.sketches"] = [
        {"id": "sk1", "image_id": 1, "caption": "Doorsteek aan de site Byttebier"},
        {"id": "sk2", "image_id": 2, "caption": "Looplijn over de campussen"},
    ]
    return content


def richest_brief(municipality: str = "Avelgem") -> Brief:
    content = richest_content().items()
    parts = {key: StoredPart(validate_part(key, value), 1) for key, value in content}
    return Brief(1, 3, municipality, parts)


IMAGES = {
    1: clean_image(sketch_png(("Doorsteek",), (200, 60, 40))).data,
    2: clean_image(sketch_png(("Campus",), (40, 90, 200))).data,
}


def export(brief: Brief, form: str = "brief") -> bytes:
    context = ExportContext(TRAJECTORIES[2], ("Lotte Vandenberghe",), date(2024, 3, 1))
    options = ExportOptions(form=form)  # type: ignore[arg-type]
    return build_export(brief, context, options, Translator("nl"), IMAGES.get)


def pdf_seconds(brief: Brief) -> float | None:
    """LibreOffice's conversion of the collegenota with the brief, both passes; None without it."""
    from services.pdf import pdf_converter, to_pdf

    if pdf_converter() is None:
        return None
    data = export(brief, "both")
    to_pdf(data)  # LibreOffice's first start in a fresh profile is slower: not counted
    started = time.perf_counter()
    to_pdf(data)
    return time.perf_counter() - started


def _baseline_table(document: Any, value: list[dict[str, Any]]) -> None:
    columns = [c for c in value[0] if c != "id"]
    table = document.add_table(rows=1, cols=len(columns))
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = name
    for row in value:
        for cell, name in zip(table.add_row().cells, columns, strict=True):
            cell.text = "" if row[name] is None else str(row[name])


def _baseline_part(document: Any, kind: Kind, value: Any) -> None:
    if kind in (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.CHOICE):
        document.add_paragraph(str(value))
    elif kind is Kind.MULTI:
        document.add_paragraph(", ".join(value))
    elif kind is Kind.SKETCHES:
        for sketch in value:
            document.add_picture(io.BytesIO(IMAGES[sketch["image_id"]]))
            document.add_paragraph(sketch["caption"])
    else:
        _baseline_table(document, value)


def baseline(brief: Brief) -> bytes:
    """The same content with bare python-docx calls: no options, no styling, no links."""
    document = docx.Document()
    document.add_heading("Designbrief Avelgem", 0)
    for step in STEPS:
        document.add_heading(f"Stap {step}", 1)
        for spec in (s for s in PARTS.values() if s.step == step):
            value = brief.part(spec.key).value
            if value:
                document.add_heading(spec.key, 2)
                _baseline_part(document, spec.kind, value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def median_ms(action: Any, repeat: int = REPEAT) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def peak_rss_mb_of_one_export() -> float:
    """Run one export in a fresh process; return that process's peak resident memory."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    code = (
        "from bench.export_bench import export, richest_brief\n"
        "export(richest_brief())\n"
        "print(open('/proc/self/status').read())"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    peak = next(line for line in done.stdout.splitlines() if line.startswith("VmHWM:"))
    return int(peak.split()[1]) / 1024


def figures() -> list[str]:
    brief = richest_brief()
    export(brief)
    baseline(brief)
    export(brief, "both")
    ours, bare, both = [], [], []
    for _ in range(REPEAT):
        ours.append(median_ms(lambda: export(brief), 1))
        bare.append(median_ms(lambda: baseline(brief), 1))
        both.append(median_ms(lambda: export(brief, "both"), 1))
    ours_ms, bare_ms = statistics.median(ours), statistics.median(bare)
    both_ms = statistics.median(both)
    pdf_s = pdf_seconds(brief)
    tracemalloc.start()
    export(brief)
    traced_mb = tracemalloc.get_traced_memory()[1] / 1_048_576
    tracemalloc.stop()
    rss_mb = peak_rss_mb_of_one_export()
    members = [
        CohortMember(richest_brief(f"Gemeente {n}"), ExportContext(TRAJECTORIES[2]), IMAGES.get)
        for n in range(1, 11)
    ]
    started = time.perf_counter()
    build_cohort_zip(TRAJECTORIES[2], members, ExportOptions(form="both"), Translator("nl"))
    cohort_s = time.perf_counter() - started
    title = "export the richest brief (40 actions, 20 SWOT items, 2 sketches)"
    ratio = ours_ms / bare_ms
    return [
        f"| {title} | {ours_ms:.0f} ms | ≤ 500 ms |",
        f"| same content, bare python-docx (baseline) | {bare_ms:.0f} ms = {ratio:.2f}× | ≤ 1.5× |",
        f"| memory allocated during one export (tracemalloc) | {traced_mb:.0f} MB | ≤ 250 MB |",
        f"| peak RSS of a fresh process doing one export | {rss_mb:.0f} MB | ≤ 250 MB |",
        f"| collegenota with the brief as its annex, same brief | {both_ms:.0f} ms"
        f" = {both_ms / ours_ms:.2f}× the brief alone | ≤ 400 ms, ≤ 1.5× |",
        f"| cohort of 10 richest briefs, each with its collegenota, to a zip | {cohort_s:.2f} s"
        " | ≤ 5 s |",
        "| PDF of the collegenota with the brief (LibreOffice, two passes for the contents'"
        " page numbers) | "
        + (f"{pdf_s:.1f} s" if pdf_s is not None else "LibreOffice not installed")
        + " | reported |",
    ]


if __name__ == "__main__":
    print("\n".join(figures()))
