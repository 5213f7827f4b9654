"""Pydantic models of a design brief: its rows, its parts and their limits."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 20_000
MAX_ROWS = 200
MAX_BUDGET = Decimal("1000000000")


def new_id() -> str:
    """Return a fresh, stable row id."""
    return uuid.uuid4().hex[:12]


def storable_text(value: str) -> str:
    """Return ``value`` without what no database can hold.

    NUL characters (PostgreSQL refuses them) and unpaired surrogates (not encodable as UTF-8)
    only ever arrive by accident in pasted text; everything else is kept as typed.
    """
    if "\x00" in value:
        value = value.replace("\x00", "")
    return value.encode("utf-8", "replace").decode("utf-8") if has_unencodable(value) else value


def has_unencodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# XML 1.0 allows tab, LF and CR but no other C0 control character, nor U+FFFE and U+FFFF;
# python-docx refuses a string holding one, and a Word file cannot carry it.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# What breaks a line or jumps a column: PowerPoint's soft line break is a vertical tab.
_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RUN = re.compile(f"[ {_BREAKS}]*[{_BREAKS}][ {_BREAKS}]*")
# Control characters no name holds: C0, DEL and C1.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def xml_text(value: str) -> str:
    """Return ``value`` without the characters an XML document cannot hold.

    Those are the C0 control characters except tab, LF and CR, U+FFFE, U+FFFF and unpaired
    surrogates; a surrogate pair (as some decoders leave it) becomes the character it encodes.
    """
    if _SURROGATE.search(value):
        value = _SURROGATE.sub(
            "", value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        )
    return _NOT_IN_XML.sub("", value)


def one_line_name(value: str) -> str:
    """Return a typed or pasted name (of a person or a municipality) as one clean line.

    Tabs and line breaks, the vertical tab included, become a single space; other control
    characters and what XML cannot hold are dropped; the ends are stripped.
    """
    return _CONTROL.sub("", xml_text(_BREAK_RUN.sub(" ", value))).strip()


ShortText = Annotated[str, AfterValidator(storable_text), Field(max_length=SHORT_TEXT_MAX)]
LongText = Annotated[str, AfterValidator(storable_text), Field(max_length=LONG_TEXT_MAX)]
Score = Annotated[int, Field(ge=1, le=5)]
RowId = Annotated[str, Field(min_length=1, max_length=40)]


def _web_address(value: str) -> str:
    # A pasted "javascript:" or "data:" address must never become a link another user clicks.
    stripped = value.strip()
    if stripped and not stripped.lower().startswith(("http://", "https://")):
        raise ValueError("web_address")
    return stripped


def _cents(value: Decimal) -> Decimal:
    # One canonical form ("25000.00") so that an unchanged amount never looks changed.
    return value.quantize(Decimal("0.01"))


WebAddress = Annotated[str, Field(max_length=2_000), AfterValidator(_web_address)]
Money = Annotated[Decimal, Field(ge=0, le=MAX_BUDGET, decimal_places=2), AfterValidator(_cents)]
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _plausible_day(value: dt.date) -> dt.date:
    # A date field left at "0025" by a two-digit year must not become a plan for the year 25.
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError("date_range")
    return value


Day = Annotated[dt.date, AfterValidator(_plausible_day)]


class Row(BaseModel):
    """A list row with a stable id so that other steps can link to it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)
    # Whether the document adds up the amounts of a table of these rows (a budget), or
    # they are prices that mean nothing summed (a rent per m² in each street).
    amounts_add_up: ClassVar[bool] = True

    id: RowId = Field(default_factory=new_id)


class Theme(StrEnum):
    """The theme of a trajectory, and the module of the brief that belongs to it."""

    DNA = "dna"
    VACANCY = "vacancy"
    WAYFINDING = "wayfinding"
    MIXED_USE = "mixed_use"
    ACCESSIBILITY = "accessibility"
    DISTRIBUTION = "distribution"
    CENTRE_MANAGEMENT = "centre_management"
    REAL_ESTATE = "real_estate"


class SupportLevel(StrEnum):
    NOT_YET = "not_yet"
    INFORMED = "informed"
    SUPPORTS = "supports"


class Department(StrEnum):
    ECONOMY = "economy"
    SPATIAL = "spatial_planning"
    MOBILITY = "mobility"
    COMMUNICATION = "communication"
    HERITAGE = "heritage"
    PUBLIC_WORKS = "public_works"
    CULTURE = "culture_tourism"
    HOUSING = "housing"
    FINANCE = "finance"
    ENVIRONMENT = "environment"


class TestForm(StrEnum):
    SKETCH = "sketch"
    MOCKUP = "mockup"
    POP_UP = "pop_up"
    CONVERSATION = "conversation"
    SURVEY = "survey"
    WALK = "walk"
    OTHER = "other"


class Decision(StrEnum):
    CONTINUE = "continue"
    ADJUST = "adjust"
    STOP = "stop"


class ActionStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    ON_HOLD = "on_hold"


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class DecisionBody(StrEnum):
    MAT = "management_team"
    CBS = "college"
    COUNCIL = "council"


class DecisionStatus(StrEnum):
    PLANNED = "planned"
    ON_AGENDA = "on_agenda"
    APPROVED = "approved"
    REJECTED = "rejected"


class AdviceVerdict(StrEnum):
    FAVOURABLE = "favourable"
    CONDITIONAL = "conditional"
    UNFAVOURABLE = "unfavourable"


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"


class TextItem(Row):
    text: ShortText = ""


class KeyFigure(Row):
    indicator: ShortText = ""
    value: float | None = None
    unit: ShortText = ""
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    source: ShortText = ""


class Stakeholder(Row):
    name: ShortText = ""
    role: ShortText = ""
    interest: Score | None = None
    influence: Score | None = None
    involvement: ShortText = ""


class Why(Row):
    text: ShortText = ""


class ExpertInsight(Row):
    insight: LongText = ""
    expert: ShortText = ""
    session: Annotated[int, Field(ge=1, le=4)] | None = None


class PeerInsight(Row):
    insight: LongText = ""
    municipality: ShortText = ""


class GoodPractice(Row):
    name: ShortText = ""
    place: ShortText = ""
    what: LongText = ""
    lesson: LongText = ""
    link: WebAddress = ""


class Direction(Row):
    title: ShortText = ""
    description: LongText = ""
    answers: RowId | None = None
    impact: Score | None = None
    effort: Score | None = None


class PrototypeTest(Row):
    direction: RowId | None = None
    idea: ShortText = ""
    assumption: ShortText = ""
    form: TestForm | None = None
    with_whom: ShortText = ""
    when: Day | None = None
    measure: ShortText = ""
    result: LongText = ""
    lesson: LongText = ""
    decision: Decision | None = None


class Sketch(Row):
    image_id: Annotated[int, Field(ge=1)]
    caption: ShortText = ""


class StakeholderFeedback(Row):
    stakeholder: ShortText = ""
    feedback: LongText = ""
    response: LongText = ""


class Objective(Row):
    title: ShortText = ""
    plan_code: ShortText = ""


class Action(Row):
    title: ShortText = ""
    owner: ShortText = ""
    partners: ShortText = ""
    start: Day | None = None
    deadline: Day | None = None
    budget: Money | None = None
    status: ActionStatus = ActionStatus.IDEA
    priority: Priority | None = None
    indicator: ShortText = ""
    objective: RowId | None = None
    test: RowId | None = None


class Milestone(Row):
    title: ShortText = ""
    date: Day | None = None


class DecisionStep(Row):
    body: DecisionBody | None = None
    date: Day | None = None
    status: DecisionStatus | None = None


class Advice(Row):
    """An advice given on the decision the collegenota asks for (MAT, a department, …)."""

    adviser: ShortText = ""
    date: Day | None = None
    verdict: AdviceVerdict | None = None
    remark: ShortText = ""


class Risk(Row):
    risk: ShortText = ""
    mitigation: ShortText = ""


def rows(model: type[Row], limit: int = MAX_ROWS) -> object:
    """Return the annotation of a list part holding at most ``limit`` rows of ``model``."""
    return Annotated[list[model], Field(max_length=limit)]  # type: ignore[valid-type]
