"""The four step pages, drawn from the brief's declared shape: parts, groups and insights.

Each part (or group of parts) is a fragment, and so is the list of checks: a save reruns the
saved part's fragment, the fragments that show something of that part (a chart, a choice of
its rows) and the checks, not the page. The page runs whole on navigation, language and login.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import streamlit as st

from briefs.checks import run_checks
from briefs.links import root_cause
from briefs.model import Theme
from briefs.parts import (
    SECTION_BY_KEY,
    THEMES_PART,
    Group,
    Insight,
    Kind,
    PartSpec,
    SectionSpec,
    redrawn_after_saving,
    section_layout,
    sections_of_step,
)
from briefs.steps import STEP_BY_NUMBER, STEPS
from briefs.theme_choice import shown_themes
from briefs.themes.instrument_matrix import instrument_matrix
from components import charts
from components.feedback import participant_review
from components.fields import EditContext, part_field, part_header, sketches_field
from components.history import step_history_button
from components.nota import nota_aid
from components.part_editor import WHOLE_PAGE
from components.resilience import database_section, show_page_notice
from components.state import named_tabs
from components.text import md_literal, shaded_table
from components.theme_import import theme_import
from components.workspace import (
    SECTION_PARAM,
    Workspace,
    brief_now,
    open_workspace,
    show_checks,
    step_page_target,
)

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from briefs.i18n import Translator

GROUP_FIELD_HEIGHT = 100
CHECKS_FRAGMENT = "step-checks"
# How often each fragment of a step page was drawn in this process, by fragment key: the
# tests read it to see that a save redraws its own part and not the others.
DRAWN: Counter[str] = Counter()


def _stored_rows(ctx: EditContext, key: str) -> list[dict[str, object]]:
    return list(ctx.brief.part(key).value or [])


def _chart(ctx: EditContext, insight: Insight, builder: Callable[..., go.Figure | None]) -> None:
    rows = (_stored_rows(ctx, key) for key in insight.parts)
    charts.draw(builder, ctx.t, *rows, key=insight.name)


def _root_cause(ctx: EditContext, insight: Insight) -> None:
    cause = root_cause(ctx.brief)
    if cause:
        st.info(ctx.t("part.challenge.whys.root", text=md_literal(cause)))
    else:
        # Keep the number of elements the same, so the fields below keep their place.
        st.empty()


CHARTS: dict[str, Callable[..., go.Figure | None]] = {
    "stakeholder_chart": charts.stakeholder_chart,
    "impact_effort_chart": charts.impact_effort_chart,
    "roadmap_chart": charts.roadmap_chart,
    "vacancy_chart": charts.vacancy_chart,
    "vacancy_rate_chart": charts.vacancy_rate_chart,
    "rents_chart": charts.rents_chart,
    "stop_chart": charts.stop_chart,
}


def _instrument_matrix(ctx: EditContext, insight: Insight) -> None:
    found = instrument_matrix(ctx.brief, ctx.t)
    if found is None:
        st.empty()
        return
    st.caption(ctx.t("matrix.legend"))
    st.dataframe(shaded_table(found.header, found.rows, found.fills), hide_index=True)


NOTICES: dict[str, Callable[[EditContext, Insight], None]] = {
    "root_cause": _root_cause,
    "instrument_matrix": _instrument_matrix,
}


def show_insight(ctx: EditContext, insight: Insight) -> None:
    """Draw what a part's insight declares: a chart of its parts, or a notice."""
    if insight.title_key is not None:
        st.subheader(ctx.t(insight.title_key), anchor=insight.name.replace("_", "-"))
    if insight.name in CHARTS:
        _chart(ctx, insight, CHARTS[insight.name])
    else:
        NOTICES[insight.name](ctx, insight)


def _part(ctx: EditContext, spec: PartSpec) -> None:
    if spec.kind is Kind.SKETCHES:
        with st.container(), database_section(ctx.t):
            sketches_field(ctx, spec.key)
    else:
        part_field(ctx, spec.key, height=spec.height)
        nota_aid(ctx, spec.key)
        theme_import(ctx, spec.key)
    if spec.insight is not None:
        show_insight(ctx, spec.insight)


def _group(ctx: EditContext, group: Group) -> None:
    st.header(ctx.t(group.spec.title_key), anchor=group.spec.key.replace("_", "-"))
    parts = iter(group.parts)
    for width in group.spec.rows:
        for column in st.columns(width):
            spec = next(parts, None)
            if spec is None:
                break
            with column:
                if group.spec.labels == "title":
                    part_header(spec.key, ctx.t, level="label")
                    part_field(ctx, spec.key, header=False, height=GROUP_FIELD_HEIGHT)
                else:
                    part_field(ctx, spec.key, header=False, show_label=True)


def fragment_key(item: PartSpec | Group) -> str:
    """The name a part's or group's fragment is rerun by."""
    key = item.spec.key if isinstance(item, Group) else item.key
    return "fragment-" + key.replace(".", "-").replace("_", "-")


def redraw_after_save(section: SectionSpec) -> dict[str, tuple[str, ...]]:
    """For each part of a section, the fragments a save of it reruns: its readers on screen
    (those of the open section) and the checks. The choice of theme modules changes the
    step's tabs, so its save reruns the whole page."""
    items = section_layout(section)
    return {
        spec.key: WHOLE_PAGE
        if spec.key == THEMES_PART
        else (
            *(
                fragment_key(item)
                for item in redrawn_after_saving(spec.key, section.step)
                if item in items
            ),
            CHECKS_FRAGMENT,
        )
        for item in items
        for spec in (item.parts if isinstance(item, Group) else (item,))
    }


def _draw(ctx: EditContext, item: PartSpec | Group) -> None:
    if isinstance(item, Group):
        _group(ctx, item)
    else:
        _part(ctx, item)


def _item_fragment(ctx: EditContext, item: PartSpec | Group) -> None:
    key = fragment_key(item)

    def draw_item(shown: EditContext) -> None:
        DRAWN[key] += 1
        _draw(replace(shown, brief=brief_now(shown.brief)), item)

    st.fragment(key=key)(draw_item)(ctx)


def step_body(ctx: EditContext, section: SectionSpec) -> None:
    """Every part of a section in its declared order, groups side by side, each a fragment."""
    ctx = replace(ctx, redraw_after_save=redraw_after_save(section))
    for item in section_layout(section):
        _item_fragment(ctx, item)


def _onwards(section: SectionSpec, themes: tuple[Theme, ...], t: Translator) -> None:
    """At the end of a section: a link to the next one, or after the last, to the next step."""
    sections = sections_of_step(section.step, themes)
    position = sections.index(section)
    page = step_page_target(section.step)
    if position + 1 < len(sections):
        following = sections[position + 1]
        label = t("step.next_section", section=t(following.title_key))
        st.page_link(page, label=label, query_params={SECTION_PARAM: following.key})
    elif section.step < STEPS[-1]:
        label = t("step.next_step", step=t(f"nav.step{section.step + 1}"))
        st.page_link(step_page_target(section.step + 1), label=label)


@st.fragment(key=CHECKS_FRAGMENT)
def _step_checks(workspace: Workspace, step: int) -> None:
    DRAWN[CHECKS_FRAGMENT] += 1
    t = workspace.t
    brief = brief_now(workspace.brief)
    checks = [check for check in run_checks(brief) if check.step == step]
    # Folded: open, a long list pushes the step's sections below the first screen. The key
    # keeps it open or closed as the user left it when a save changes the count in its label.
    with st.expander(f"{t('step.checks')} ({len(checks)})", key=f"step_checks:{step}"):
        show_checks(checks, t, on_step_page=True)


def step_page(step: int) -> None:
    """Render one step of the signed-in participant's brief."""
    workspace: Workspace | None = open_workspace(STEP_BY_NUMBER[step].key)
    if workspace is None:
        return
    t = workspace.t
    st.title(t(f"step.{step}.title"))
    show_page_notice(t)
    st.write(t(f"step.{step}.intro"))
    _step_checks(workspace, step)
    with st.container(), database_section(t):
        participant_review(workspace.brief, step, workspace.principal, t)
    ctx = workspace.edit
    step_history_button(workspace.brief, step, t, ctx.author)
    themes = shown_themes(workspace.brief)
    sections = sections_of_step(step, themes)
    shown, tab = named_tabs(
        SECTION_PARAM,
        [section.key for section in sections],
        [t(section.title_key) for section in sections],
    )
    with tab:
        step_body(ctx, SECTION_BY_KEY[shown])
        _onwards(SECTION_BY_KEY[shown], themes, t)
