"""The admin's house style section: upload, list, download, try and remove Word templates."""

from __future__ import annotations

import streamlit as st

from briefs.access import Principal
from briefs.brief import Brief
from briefs.export.options import ExportOptions
from briefs.i18n import Translator
from briefs.progress import fullest
from components.state import (
    brief_store,
    house_styles,
    programme_store,
    set_style_preview,
    set_style_removal_asked,
    style_preview,
    style_removal_asked,
    translator,
)
from components.text import md_literal, safe_table
from services.exports import export_brief
from storage.house_styles import HouseStyle
from storage.secure import SecureBriefStore

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_UPLOAD_MB = 10


def _scope_label(t: Translator, municipality: str | None) -> str:
    return t("style.programme") if municipality is None else municipality


def house_style_section(principal: Principal) -> None:
    """Which templates are in use, an upload for the programme or one municipality, and per
    template its download, a sample export and its removal."""
    t = translator()
    st.header(t("style.title"))
    st.caption(t("style.intro"))
    store = house_styles()
    active = store.active(principal)
    if active:
        st.subheader(t("style.active"))
        st.dataframe(
            safe_table(
                [
                    {
                        t("style.scope"): _scope_label(t, style.municipality),
                        t("style.file"): style.file_name,
                        t("style.by"): style.uploaded_by,
                        t("style.when"): t.moment(style.uploaded_at),
                    }
                    for style in active
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.info(t("style.none"))
    _upload_form(principal, t)
    for style in active:
        _manage(principal, t, style)


def _upload_form(principal: Principal, t: Translator) -> None:
    municipalities = sorted(
        {member.municipality for tr in programme_store().trajectories() for member in tr.members}
    )
    with st.form("style_upload", clear_on_submit=True):
        scope = st.selectbox(
            t("style.scope"),
            ["", *municipalities],
            format_func=lambda name: _scope_label(t, name or None),
            key="style_scope",
        )
        upload = st.file_uploader(
            t("style.upload"),
            type=["dotx", "docx"],
            key="style_file",
            max_upload_size=MAX_UPLOAD_MB,
        )
        save = st.form_submit_button(t("style.save"))
    if not save:
        return
    if upload is None:
        st.warning(t("style.no_file"))
        return
    # Imported here: python-docx loads only when a template is checked.
    from briefs.export.style import TemplateRefused

    municipality = scope or None
    try:
        stored = house_styles().upload(principal, municipality, upload.name, upload.getvalue())
    except TemplateRefused as refused:
        st.error(refused.problem.message(t))
        return
    set_style_preview(municipality or "", None)
    st.success(t("style.saved", name=stored.file_name, scope=_scope_label(t, municipality)))
    st.rerun()


def _manage(principal: Principal, t: Translator, style: HouseStyle) -> None:
    """Download, sample and removal of one active template, under its scope as plain text.

    Every widget is keyed by the template's id: after a removal the next template moves up
    and must inherit nothing of the one that stood there.
    """
    scope = style.municipality or ""
    with st.container(border=True):
        st.text(f"{_scope_label(t, style.municipality)} · {style.file_name}")
        download, sample, remove = st.columns(3)
        with download:
            st.download_button(
                t("style.download"),
                data=lambda: house_styles().data(principal, style.municipality) or b"",
                file_name=style.file_name,
                key=f"style_download:{style.id}",
            )
        with sample:
            _sample(principal, t, style, scope)
        with remove:
            _remove(principal, t, style, scope)


def _remove(principal: Principal, t: Translator, style: HouseStyle, scope: str) -> None:
    """The removal, confirmed inline right under its button.

    Not in a popover: Tab does not reach into an open st.popover, and its open state lives in
    the browser, where the next template to take this place would find it still open.
    """
    st.button(
        t("style.remove"),
        key=f"style_remove_ask:{style.id}",
        on_click=set_style_removal_asked,
        args=(style.id, True),
    )
    if not style_removal_asked(style.id):
        return
    # The scope is a municipality's name: escaped, so the warning shows it as it is.
    st.warning(t("style.remove_confirm", scope=md_literal(_scope_label(t, style.municipality))))
    if st.button(t("style.remove_yes"), key=f"style_remove:{style.id}", type="primary"):
        set_style_removal_asked(style.id, False)
        house_styles().remove(principal, style.municipality)
        set_style_preview(scope, None)
        st.rerun()
    st.button(
        t("style.remove_no"),
        key=f"style_remove_no:{style.id}",
        on_click=set_style_removal_asked,
        args=(style.id, False),
    )


def _sample_brief(style: HouseStyle) -> tuple[SecureBriefStore, Brief | None]:
    """The fullest brief of the template's municipality, or of the whole programme."""
    store = brief_store()
    refs = store.readable()
    if style.municipality is not None:
        refs = [ref for ref in refs if ref.municipality == style.municipality] or refs
    return store, fullest(store.load_many([ref.id for ref in refs]))


def _sample(principal: Principal, t: Translator, style: HouseStyle, scope: str) -> None:
    """A sample export with the brief that shows the style best: the one with most text."""
    if st.button(t("style.preview"), key=f"style_sample:{style.id}"):
        store, chosen = _sample_brief(style)
        if chosen is None:
            st.info(t("style.preview_none"))
            return
        template = house_styles().data(principal, style.municipality)
        _name, data = export_brief(store, chosen.id, ExportOptions(), t, template=template)
        name = t("style.preview_file", scope=_scope_label(t, style.municipality)) + ".docx"
        set_style_preview(scope, (name, data))
    result = style_preview(scope)
    if result is not None:
        st.download_button(
            t("style.preview_download"),
            data=result[1],
            file_name=result[0],
            mime=DOCX_MIME,
            key=f"style_sample_download:{style.id}",
        )
