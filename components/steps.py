"""The four step pages: every part of a step with guidance, its table or text, and its charts."""

from __future__ import annotations

import streamlit as st

from briefs.checks import run_checks
from components import charts
from components.fields import EditContext, part_header, rows_field, scalar_field, sketches_field
from components.history import step_history_button
from components.resilience import database_section, show_page_notice
from components.review import participant_review
from components.text import md_literal
from components.workspace import Workspace, open_workspace, show_checks


def _step_one(ctx: EditContext) -> None:
    t = ctx.t
    scalar_field(ctx, "challenge.context")
    scalar_field(ctx, "challenge.problem")
    rows_field(ctx, "challenge.key_figures")
    stakeholders = rows_field(ctx, "challenge.stakeholders")
    figure = charts.cached(charts.stakeholder_chart, t, stakeholders)
    if figure is None:
        st.caption(t("chart.no_data"))
    else:
        charts.show(figure, "stakeholder_chart")
    st.subheader(t("section.scope"), anchor="scope")
    inside, outside = st.columns(2)
    with inside:
        part_header("challenge.scope_in", t, level="label")
        scalar_field(ctx, "challenge.scope_in", header=False, show_label=False, height=100)
    with outside:
        part_header("challenge.scope_out", t, level="label")
        scalar_field(ctx, "challenge.scope_out", header=False, show_label=False, height=100)
    st.subheader(t("section.goal_means"), anchor="goal-means")
    goal, means = st.columns(2)
    with goal:
        part_header("challenge.goal", t, level="label")
        scalar_field(ctx, "challenge.goal", header=False, show_label=False, height=100)
    with means:
        part_header("challenge.means", t, level="label")
        scalar_field(ctx, "challenge.means", header=False, show_label=False, height=100)
    whys = rows_field(ctx, "challenge.whys")
    root = next((why["text"] for why in reversed(whys) if why.get("text", "").strip()), None)
    if root:
        st.info(t("part.challenge.whys.root", text=md_literal(root)))
    else:
        # Keep the number of elements the same, so the fields below keep their place.
        st.empty()
    scalar_field(ctx, "challenge.question")
    st.subheader(t("section.support"), anchor="support")
    lead, mat, cbs = st.columns(3)
    for column, key in (
        (lead, "challenge.support_lead"),
        (mat, "challenge.support_mat"),
        (cbs, "challenge.support_cbs"),
    ):
        with column:
            scalar_field(ctx, key, header=False)
    scalar_field(ctx, "challenge.departments", header=False)
    st.subheader(t("part.challenge.swot.title"), anchor="swot")
    top = st.columns(2)
    bottom = st.columns(2)
    quadrants = (
        (top[0], "challenge.swot_strengths"),
        (top[1], "challenge.swot_weaknesses"),
        (bottom[0], "challenge.swot_opportunities"),
        (bottom[1], "challenge.swot_threats"),
    )
    for column, key in quadrants:
        with column:
            part_header(key, t, level="label")
            rows_field(ctx, key, header=False)
    rows_field(ctx, "challenge.success_criteria")


def _step_two(ctx: EditContext) -> None:
    t = ctx.t
    rows_field(ctx, "explore.what_if")
    rows_field(ctx, "explore.expert_insights")
    rows_field(ctx, "explore.peer_insights")
    rows_field(ctx, "explore.practices")
    directions = rows_field(ctx, "explore.directions")
    figure = charts.cached(charts.impact_effort_chart, t, directions)
    if figure is None:
        st.caption(t("chart.no_data"))
    else:
        charts.show(figure, "impact_effort_chart")


def _step_three(ctx: EditContext) -> None:
    scalar_field(ctx, "prototype.chosen")
    rows_field(ctx, "prototype.tests")
    with st.container(), database_section(ctx.t):
        sketches_field(ctx)
    rows_field(ctx, "prototype.feedback")


def _step_four(ctx: EditContext) -> None:
    t = ctx.t
    rows_field(ctx, "roadmap.objectives")
    actions = rows_field(ctx, "roadmap.actions")
    milestones = rows_field(ctx, "roadmap.milestones")
    st.subheader(t("chart.timeline"), anchor="timeline")
    figure = charts.cached(charts.roadmap_chart, t, actions, milestones)
    if figure is None:
        st.caption(t("chart.no_data"))
    else:
        charts.show(figure, "roadmap_chart")
    st.subheader(t("section.anchoring"), anchor="anchoring")
    plan, budget = st.columns(2)
    with plan:
        scalar_field(ctx, "roadmap.plan_link", header=False)
    with budget:
        scalar_field(ctx, "roadmap.budget_line", header=False)
    rows_field(ctx, "roadmap.decisions")
    scalar_field(ctx, "roadmap.successor")
    rows_field(ctx, "roadmap.risks")
    scalar_field(ctx, "roadmap.summary", height=220)


STEP_BODIES = {1: _step_one, 2: _step_two, 3: _step_three, 4: _step_four}


def step_page(step: int) -> None:
    """Render one step of the signed-in participant's brief."""
    workspace: Workspace | None = open_workspace()
    if workspace is None:
        return
    t = workspace.t
    st.title(t(f"step.{step}.title"))
    show_page_notice(t)
    st.write(t(f"step.{step}.intro"))
    checks = [check for check in run_checks(workspace.brief) if check.step == step]
    with st.expander(f"{t('step.checks')} ({len(checks)})", expanded=bool(checks)):
        show_checks(checks, t, with_links=False)
    with st.container(), database_section(t):
        participant_review(workspace.brief, step, workspace.principal, t)
    ctx = workspace.edit
    step_history_button(workspace.brief, step, t, ctx.author)
    STEP_BODIES[step](ctx)
