"""Baseline for the rerun benchmark: one step's widgets with the same values, nothing else.

It draws what the step page draws (headers, guidance, examples, text fields, selects and
tables with the same rows) but does no storage, no checks, no links and no charts.
"""

import json
import os

import streamlit as st

from bench.baseline_columns import column_config, rows_to_frame, visible_fields
from briefs.i18n import Translator
from briefs.parts import Kind, parts_of_step

t = Translator("nl")
step = int(st.query_params.get("step", "1"))
with open(os.environ["KERNBRIEF_BASELINE"], encoding="utf-8") as dump:
    values = json.load(dump)

st.title(t(f"step.{step}.title"))
st.write(t(f"step.{step}.intro"))
with st.expander(t("step.checks")):
    st.write("-")
for spec in parts_of_step(step):
    value = values.get(spec.key)
    st.subheader(t(f"part.{spec.key}.title"))
    st.caption(t(f"part.{spec.key}.help"))
    with st.expander(t("step.example")):
        st.text(t(f"part.{spec.key}.example"))
    label = t(f"part.{spec.key}.title")
    key = f"baseline:{spec.key}"
    if spec.kind is Kind.LONG_TEXT:
        st.text_area(label, value or "", key=key, label_visibility="collapsed")
    elif spec.kind is Kind.SHORT_TEXT:
        st.text_input(label, value or "", key=key, label_visibility="collapsed")
    elif spec.kind is Kind.CHOICE:
        options = [o.value for o in spec.options or []]
        st.selectbox(label, options, index=options.index(value) if value else None, key=key)
    elif spec.kind is Kind.MULTI:
        options = [o.value for o in spec.options] if spec.options else list(value or [])
        st.multiselect(label, options, default=value or [], key=key)
    elif spec.kind is Kind.SKETCHES:
        columns = st.columns(3)
        for index, sketch in enumerate(value or []):
            with columns[index % 3]:
                image_file = os.path.join(
                    os.environ["KERNBRIEF_BASELINE_IMAGES"], str(sketch["image_id"])
                )
                with open(image_file, "rb") as image:
                    st.image(image.read(), width="stretch")
                st.text(sketch["caption"])
                st.button("x", key=f"{key}:{index}:remove")
        st.file_uploader(t("upload.label", mb=8), key=f"{key}:upload")
        st.text_input(t("upload.caption"), key=f"{key}:caption")
        st.button(t("upload.add"), key=f"{key}:add")
    else:
        assert spec.row_model is not None
        links: dict[str, dict[str, str]] = {column: {} for column in spec.links}
        st.data_editor(
            rows_to_frame(spec.row_model, value or []),
            key=key,
            num_rows="dynamic",
            hide_index=True,
            column_order=visible_fields(spec.row_model),
            column_config=column_config(spec.row_model, t, links),
            placeholder="—",
        )
    st.caption(t("save.not_yet"))
