"""The export page: choose what goes into the Word document, build it, download it."""

from __future__ import annotations

import streamlit as st

from briefs.export.options import ExportOptions
from briefs.steps import STEPS
from components.state import brief_store, export_result, set_export_result
from components.workspace import open_workspace
from services.exports import export_brief


def export_page() -> None:
    workspace = open_workspace("export")
    if workspace is None:
        return
    t, brief = workspace.t, workspace.brief
    st.title(t("export.title"))
    st.write(t("export.intro"))
    st.header(t("export.include"))
    summary = st.checkbox(t("export.summary"), value=True, key="export_summary")
    steps = frozenset(
        step
        for step in STEPS
        if st.checkbox(t(f"step.{step}.title"), value=True, key=f"export_step_{step}")
    )
    sketches = st.checkbox(t("export.sketches"), value=True, key="export_sketches")
    empty = st.radio(
        t("export.empty"),
        ["omit", "mark"],
        format_func=lambda choice: t(f"export.empty_{choice}"),
        horizontal=True,
        key="export_empty",
    )
    st.caption(t("export.private_later"))
    options = ExportOptions(
        steps=steps, summary=summary, sketches=sketches, empty="mark" if empty == "mark" else "omit"
    )
    if st.button(t("export.build"), type="primary", key="export_build"):
        bar = st.progress(0.0, text=t("export.building"))
        try:
            name, data = export_brief(
                brief_store(),
                brief.id,
                options,
                t,
                progress=lambda share: bar.progress(share, text=t("export.building")),
            )
        except Exception as error:
            bar.empty()
            set_export_result(brief.id, None)
            st.error(t("export.failed", reason=type(error).__name__))
        else:
            bar.empty()
            set_export_result(brief.id, (name, data, options))
    result = export_result(brief.id)
    if result is not None:
        name, data, built_with = result
        if built_with == options:
            st.success(t("export.ready"))
            st.download_button(
                t("export.download", name=name),
                data=data,
                file_name=name,
                mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                key="export_download",
            )
