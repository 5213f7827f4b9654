"""Exports read from the database, always on behalf of someone: a brief, or a trajectory's zip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import Engine

from briefs.access import Principal, Role, can_manage_trajectory
from briefs.export.brief_doc import ExportContext, ExportOptions, build_brief_document, file_name
from briefs.export.cohort import CohortMember, build_cohort_zip
from briefs.i18n import Translator
from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore
from storage.secure import SecureBriefStore

# The command line is the operators' tool; it acts with full rights, as an admin would.
OPERATOR = Principal(0, "operator", "operator", Role.ADMIN, "")


def brief_export(
    store: SecureBriefStore,
    brief_id: int,
    options: ExportOptions,
    t: Translator,
    progress: Callable[[float], object] | None = None,
    today: date | None = None,
) -> tuple[str, bytes]:
    """Return the file name and the .docx bytes of one brief the person may read."""
    programme = SqlProgrammeStore(store.engine)
    brief = store.load(brief_id)
    context = ExportContext(
        trajectory=programme.trajectory(brief.trajectory_id),
        authors=tuple(person.name for person in programme.people_of(brief.municipality)),
        today=today or date.today(),
    )
    data = build_brief_document(
        brief, context, options, t, lambda image_id: store.image(brief_id, image_id), progress
    )
    return file_name(brief, t, context.today), data


def trajectory_export(
    store: SecureBriefStore,
    number: int,
    options: ExportOptions,
    t: Translator,
    progress: Callable[[float], object] | None = None,
) -> tuple[str, bytes]:
    """Return the file name and the bytes of a zip with every brief of trajectory ``number``."""
    programme = SqlProgrammeStore(store.engine)
    trajectory = next((tr for tr in programme.trajectories() if tr.number == number), None)
    if trajectory is None or not can_manage_trajectory(store.principal, trajectory.id):
        raise NotFound(number)
    members = []
    for ref in programme.briefs_in(trajectory.id):
        brief = store.load(ref.id)
        context = ExportContext(
            trajectory,
            tuple(person.name for person in programme.people_of(brief.municipality)),
        )
        members.append(CohortMember(brief, context, _image_loader(store, ref.id)))
    data = build_cohort_zip(trajectory, members, options, t, progress)
    return f"{t('doc.title')} {t('doc.trajectory')} {number}.zip", data


def operator_store(engine: Engine) -> SecureBriefStore:
    """The store as the command line sees it."""
    return SecureBriefStore(SqlBriefStore(engine), SqlProgrammeStore(engine), OPERATOR)


def _image_loader(store: SecureBriefStore, brief_id: int) -> Callable[[int], bytes | None]:
    return lambda image_id: store.image(brief_id, image_id)
