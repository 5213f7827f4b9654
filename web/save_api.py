"""The HTTP endpoint the part editor saves through: one part, the version it was based on.

Saving over HTTP rather than through a Streamlit rerun is what keeps typed text safe: the
request does not depend on which page the browser is on (a rerun sent during a page change
carries the old page and used to bring the user back to an emptied step), it still leaves
with `fetch(..., {keepalive: true})` when a tab closes, and it costs a database write
instead of a whole page run. The database work runs in a worker thread, never on the event
loop that serves every Streamlit session.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from briefs.i18n import LANGUAGES, Translator
from core.settings import settings

# The brief's parts and models, and storage (SQLAlchemy), are imported in the functions that
# use them, not here: the server imports this module before it listens, and web/warm_up.py
# imports them in the background as soon as it is up, before a first save needs them.
if TYPE_CHECKING:
    from briefs.brief import StoredPart
    from storage.repository import StaleWrite
    from storage.secure import SecureBriefStore

SAVE_PATH = "/api/part"
# A brief's biggest part (200 rows of long text) stays far below this; more is not a save.
MAX_BODY_BYTES = 2 * 1024 * 1024


class _Refused(Exception):
    def __init__(self, status: int, body: dict[str, Any]):
        super().__init__(body.get("status"))
        self.status = status
        self.body = body


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _Refused(413, {"status": "too_large"})
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY_BYTES:
            raise _Refused(413, {"status": "too_large"})
    return bytes(body)


def _payload(body: bytes) -> dict[str, Any]:
    from briefs.parts import PARTS, Kind

    editable = (Kind.SHORT_TEXT, Kind.LONG_TEXT, Kind.CHOICE, Kind.MULTI, Kind.ROWS)
    try:
        payload = json.loads(body)
    except ValueError:
        raise _Refused(400, {"status": "bad_request"}) from None
    if not isinstance(payload, dict):
        raise _Refused(400, {"status": "bad_request"})
    key, brief_id, base = payload.get("part"), payload.get("brief"), payload.get("base")
    valid = (
        isinstance(key, str)
        and key in PARTS
        and PARTS[key].kind in editable
        and isinstance(brief_id, int)
        and isinstance(base, int)
        and base >= 0
        and isinstance(payload.get("token"), str)
        and "value" in payload
    )
    if not valid:
        raise _Refused(400, {"status": "bad_request"})
    return payload


def save_payload(payload: dict[str, Any], client: str = "") -> tuple[int, dict[str, Any]]:
    """Save one part as the token's holder; return the HTTP status and the answer for the editor.

    Runs in a worker thread. The answer always says what became of the text, in the user's
    language, so the editor can show it beside the field.
    """
    from briefs.brief import author_of
    from briefs.content import without_blank_rows
    from briefs.messages import describe_problems
    from briefs.parts import PartValidationError, validate_part
    from storage.audit import AuditLog
    from storage.db import DATABASE_ERRORS, app_engine
    from storage.edit_access import verify
    from storage.repository import NotFound, SqlBriefStore, SqlProgrammeStore, StaleWrite
    from storage.secure import SecureBriefStore

    language = payload.get("lang")
    t = Translator(language if language in LANGUAGES else "nl")
    engine = app_engine()
    configured = settings()
    key, brief_id = str(payload["part"]), int(payload["brief"])
    try:
        grant = verify(
            str(payload["token"]),
            configured.signing_key(),
            engine,
            configured.idle,
            configured.session_lifetime,
        )
    except DATABASE_ERRORS:
        return 503, {"status": "database", "message": t("save.db_error_short")}
    if grant is None:
        return 401, {"status": "denied", "message": t("save.denied")}
    principal = grant.principal
    author = author_of(principal.name, principal.email)
    store = SecureBriefStore(SqlBriefStore(engine), SqlProgrammeStore(engine), principal)
    value = without_blank_rows(key, payload["value"])
    try:
        clean = validate_part(key, value)
        saved = store.save_part(brief_id, key, clean, int(payload["base"]), author)
    except PartValidationError as error:
        message = t("save.invalid", problems=describe_problems(error.problems, t))
        return 422, {"status": "invalid", "message": message}
    except NotFound:
        # A signed-in person writing to a brief that is not theirs: worth a look afterwards.
        AuditLog(engine).record(principal.email, "access_refused", f"brief {brief_id}", client)
        return 404, {"status": "denied", "message": t("save.denied")}
    except StaleWrite as stale:
        try:
            return _after_stale(store, brief_id, key, int(payload["base"]), clean, stale, t)
        except DATABASE_ERRORS:
            return 503, {"status": "database", "message": t("save.db_error_short")}
    except DATABASE_ERRORS:
        return 503, {"status": "database", "message": t("save.db_error_short")}
    return 200, _saved(saved.value, saved.version, saved.saved_at, t)


def _after_stale(
    store: SecureBriefStore,
    brief_id: int,
    key: str,
    base: int,
    clean: Any,
    stale: StaleWrite,
    t: Translator,
) -> tuple[int, dict[str, Any]]:
    """Someone saved this part since the editor loaded it: same text, a merge, or a choice."""
    from briefs.brief import author_of
    from storage.repository import StaleWrite

    current = stale.current
    author = author_of(store.principal.name, store.principal.email)
    if current.value == clean:
        # The same text already arrived (a retry after a lost answer, or a second tab).
        return 200, _saved(current.value, current.version, current.saved_at, t)
    merged = _merge_tables(store, brief_id, key, base, clean, current)
    if merged is not None:
        try:
            saved = store.save_part(brief_id, key, merged, current.version, author)
        except StaleWrite:
            pass  # it moved on again while merging: let the people choose
        else:
            answer = _saved(saved.value, saved.version, saved.saved_at, t)
            return 200, {**answer, "merged": True}
    return 409, {
        "status": "conflict",
        "theirs": current.value,
        "version": current.version,
        "message": _conflict_message(current, author, t),
    }


def _merge_tables(
    store: SecureBriefStore, brief_id: int, key: str, base: int, mine: Any, current: StoredPart
) -> Any:
    """Combine my table edits with the newer version, when they touch different rows."""
    from briefs.merge import merge_rows
    from briefs.parts import PARTS, Kind

    if PARTS[key].kind is not Kind.ROWS:
        return None
    started_from = store.revision(brief_id, key, base) if base else None
    if base and started_from is None:
        return None
    return merge_rows(started_from.value if started_from else [], mine, current.value)


def _conflict_message(current: StoredPart, author: str, t: Translator) -> str:
    from briefs.brief import saved_by_name

    if current.saved_by == author:
        return t("save.conflict_self", moment=t.moment(current.saved_at))
    who = saved_by_name(current.saved_by)
    if who:
        return t("save.conflict_by", name=who, moment=t.moment(current.saved_at))
    return t("save.conflict")


def _saved(value: Any, version: int, moment: Any, t: Translator) -> dict[str, Any]:
    return {
        "status": "saved",
        "value": value,
        "version": version,
        "message": t("save.saved_at", time=t.clock(moment)),
    }


async def save_part(request: Request) -> Response:
    """POST /api/part: save one part from the part editor."""
    try:
        media_type = request.headers.get("content-type", "").split(";")[0].strip()
        if media_type != "application/json":
            raise _Refused(415, {"status": "bad_request"})
        payload = _payload(await _read_body(request))
    except _Refused as refused:
        return JSONResponse(refused.body, status_code=refused.status)
    client = request.client.host if request.client else ""
    status, answer = await run_in_threadpool(save_payload, payload, client)
    return JSONResponse(answer, status_code=status)


def save_routes() -> list[Route]:
    return [Route(SAVE_PATH, save_part, methods=["POST"])]
