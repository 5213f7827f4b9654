"""The app's settings, read from the environment and validated once per environment."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.security import login_cookie_name

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "kernbrief-demo"
DEMO_KEY_FILE = PROJECT_ROOT / "data" / "demo-secret-key"
DEFAULT_DB_TIMEOUT = 5.0
# A login ends after this long without activity (ASVS L2 asks for 30 minutes at most) ...
DEFAULT_IDLE_MINUTES = 30
# ... and this long after it started, however active it was.
DEFAULT_SESSION_HOURS = 12
MIN_KEY_LENGTH = 32
# Every variable the settings are made of; settings() re-reads only when one of them changes.
VARIABLES = (
    "DATABASE_URL",
    "KERNBRIEF_SECRET_KEY",
    "KERNBRIEF_DEMO",
    "KERNBRIEF_DEMO_KEY_FILE",
    "KERNBRIEF_IDLE_MINUTES",
    "KERNBRIEF_SESSION_HOURS",
    "KERNBRIEF_SECURE_COOKIES",
    "KERNBRIEF_DB_TIMEOUT",
)


# What to tell the operator when a number in the environment is not a positive whole number.
INVALID = {
    "idle_minutes": (
        "KERNBRIEF_IDLE_MINUTES is ongeldig: gebruik een positief geheel aantal minuten "
        "(is invalid: use a positive whole number of minutes)."
    ),
    "session_hours": (
        "KERNBRIEF_SESSION_HOURS is ongeldig: gebruik een positief geheel aantal uren "
        "(is invalid: use a positive whole number of hours)."
    ),
}


class ConfigurationError(RuntimeError):
    """The app must not start with this configuration; the message says what to set."""


class Settings(BaseModel):
    """Everything the environment decides, validated; build it with ``settings()``."""

    model_config = ConfigDict(frozen=True)

    database_url: str
    demo: bool = False
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    session_hours: int = DEFAULT_SESSION_HOURS
    secure_cookies: bool = False
    db_timeout: float = DEFAULT_DB_TIMEOUT
    # Kept out of repr so that a logged Settings never shows the key.
    configured_key: str = Field(default="", repr=False)
    demo_key_file: Path = DEMO_KEY_FILE

    @field_validator("idle_minutes", "session_hours")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value <= 0:
            raise ValueError("must be positive")
        return value

    @property
    def idle(self) -> timedelta:
        """How long a login may go without activity."""
        return timedelta(minutes=self.idle_minutes)

    @property
    def session_lifetime(self) -> timedelta:
        """How long a login lasts from its start, whatever the activity."""
        return timedelta(hours=self.session_hours)

    @property
    def login_cookie(self) -> str:
        """The login cookie's name: with the "__Host-" prefix when cookies are secure."""
        return login_cookie_name(self.secure_cookies)

    def signing_key(self) -> bytes:
        """Return the key that signs login cookies and edit tokens.

        It comes from KERNBRIEF_SECRET_KEY. Demo mode makes one and keeps it under data/
        (never in the repository); without demo mode a missing key stops the app. Checked
        here rather than when the settings are read, so that commands that sign nothing
        (a backup from cron) run without a key, as they always did.
        """
        if self.configured_key:
            if len(self.configured_key) < MIN_KEY_LENGTH:
                raise ConfigurationError(
                    "KERNBRIEF_SECRET_KEY is te kort: gebruik minstens 32 willekeurige tekens "
                    "(is too short: use at least 32 random characters)."
                )
            return self.configured_key.encode()
        if not self.demo:
            raise ConfigurationError(
                "KERNBRIEF_SECRET_KEY ontbreekt. Zet een lange willekeurige sleutel in de "
                "omgeving, bijvoorbeeld met: python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'. "
                "(KERNBRIEF_SECRET_KEY is missing; set a long random key in the environment.)"
            )
        return _demo_key(self.demo_key_file)


def settings() -> Settings:
    """Return the settings for the current environment.

    Parsed and validated once per distinct environment: a running app reads them once,
    and a test that changes a variable with monkeypatch gets new settings without a reset.
    """
    return _settings_for(tuple(os.environ.get(name) for name in VARIABLES))


@cache
def _settings_for(values: tuple[str | None, ...]) -> Settings:
    environment = dict(zip(VARIABLES, values, strict=True))
    try:
        return Settings.model_validate(
            {
                "database_url": _database_url(environment["DATABASE_URL"]),
                "demo": _flag(environment["KERNBRIEF_DEMO"], ("1", "true", "yes", "ja")),
                # Text such as "90" becomes a number here; anything else is refused.
                "idle_minutes": (
                    environment["KERNBRIEF_IDLE_MINUTES"] or str(DEFAULT_IDLE_MINUTES)
                ).strip(),
                "session_hours": (
                    environment["KERNBRIEF_SESSION_HOURS"] or str(DEFAULT_SESSION_HOURS)
                ).strip(),
                "secure_cookies": _flag(
                    environment["KERNBRIEF_SECURE_COOKIES"], ("1", "true", "yes")
                ),
                "db_timeout": _timeout(environment["KERNBRIEF_DB_TIMEOUT"]),
                "configured_key": (environment["KERNBRIEF_SECRET_KEY"] or "").strip(),
                "demo_key_file": Path(environment["KERNBRIEF_DEMO_KEY_FILE"] or DEMO_KEY_FILE),
            }
        )
    except ValidationError as error:
        # Every other value is made valid above; only the idle time and the lifetime can be
        # wrong. Each is named, so the operator knows which variable to fix.
        wrong = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
        raise ConfigurationError(
            " ".join(message for field, message in INVALID.items() if field in wrong)
        ) from None


def _flag(value: str | None, truthy: tuple[str, ...]) -> bool:
    return (value or "").strip().lower() in truthy


def _database_url(value: str | None) -> str:
    url = (value or "").strip()
    if not url:
        return f"sqlite:///{PROJECT_ROOT / 'data' / 'kernbrief.db'}"
    if url.startswith("postgresql://"):
        # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _timeout(value: str | None) -> float:
    """Seconds a database may take; a value that is no positive number keeps the default."""
    try:
        seconds = float(value) if value is not None else DEFAULT_DB_TIMEOUT
    except ValueError:
        return DEFAULT_DB_TIMEOUT
    return seconds if seconds > 0 else DEFAULT_DB_TIMEOUT


def _demo_key(key_file: Path) -> bytes:
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        # Created readable by its owner only, never for a moment by others (then chmod-ed).
        try:
            handle = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it just now; read theirs
        else:
            with os.fdopen(handle, "w") as written:
                written.write(secrets.token_urlsafe(48))
    return key_file.read_text().strip().encode()
