"""The app's settings, read from the environment and validated once per environment."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.clients import Network, parse_networks
from core.origins import origin_of
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
    "KERNBRIEF_TRUSTED_PROXIES",
    "KERNBRIEF_PUBLIC_URL",
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
    # Proxies whose X-Forwarded-For is believed (KERNBRIEF_TRUSTED_PROXIES); none by default.
    trusted_proxies: tuple[Network, ...] = ()
    # scheme://host[:port] of KERNBRIEF_PUBLIC_URL: the one origin a deployment accepts.
    public_origin: str = ""

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
    trusted_proxies = _trusted_proxies(environment["KERNBRIEF_TRUSTED_PROXIES"])
    public_origin = _public_origin(environment["KERNBRIEF_PUBLIC_URL"])
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
                "trusted_proxies": trusted_proxies,
                "public_origin": public_origin,
            }
        )
    except ValidationError as error:
        # Every other value is made valid above; only the idle time and the lifetime can be
        # wrong. Each is named, so the operator knows which variable to fix.
        wrong = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
        raise ConfigurationError(
            " ".join(message for field, message in INVALID.items() if field in wrong)
        ) from None


def _trusted_proxies(value: str | None) -> tuple[Network, ...]:
    try:
        return parse_networks(value or "")
    except ValueError:
        raise ConfigurationError(
            "KERNBRIEF_TRUSTED_PROXIES is ongeldig: geef IP-adressen of CIDR-blokken, "
            "gescheiden door komma's, bijvoorbeeld 10.0.0.5,192.168.10.0/24 "
            "(is invalid: give IP addresses or CIDR blocks, separated by commas)."
        ) from None


def _public_origin(value: str | None) -> str:
    if not (value or "").strip():
        return ""
    try:
        return origin_of(value or "")
    except ValueError:
        raise ConfigurationError(
            "KERNBRIEF_PUBLIC_URL is ongeldig: geef het adres waarop de gebruikers de app "
            "openen, bijvoorbeeld https://kernbrief.example.be "
            "(is invalid: give the address users open the app at)."
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


# --- e-mail ---------------------------------------------------------------------------------
# Read apart from the settings above: only sending a message needs them, and a mistake here
# must say so on the screens that send mail instead of stopping the whole app.
MAIL_VARIABLES = (
    "KERNBRIEF_DEMO",
    "KERNBRIEF_MAIL_BACKEND",
    "KERNBRIEF_SMTP_HOST",
    "KERNBRIEF_SMTP_PORT",
    "KERNBRIEF_SMTP_USER",
    "KERNBRIEF_SMTP_PASSWORD",
    "KERNBRIEF_SMTP_SECURITY",
    "KERNBRIEF_MAIL_FROM",
    "KERNBRIEF_OUTBOX_DIR",
    "KERNBRIEF_PUBLIC_URL",
)
MAIL_BACKENDS = ("smtp", "outbox", "console")
# Each way to secure the connection and its usual port.
SMTP_SECURITY = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_OUTBOX = PROJECT_ROOT / "data" / "outbox"


class MailSettings(BaseModel):
    """How e-mail leaves the app; ``problem`` names what is missing or wrong ("" when none)."""

    model_config = ConfigDict(frozen=True)

    backend: str
    demo: bool = False
    smtp_host: str = ""
    smtp_port: int = 0
    smtp_user: str = ""
    # Kept out of repr so that a logged MailSettings never shows the password.
    smtp_password: str = Field(default="", repr=False)
    smtp_security: str = "starttls"
    mail_from: str = ""
    outbox_dir: Path = DEFAULT_OUTBOX
    base_url: str = ""
    problem: str = ""


def mail_settings() -> MailSettings:
    """Return the e-mail settings of the current environment, read once per environment."""
    return _mail_settings_for(tuple(os.environ.get(name) for name in MAIL_VARIABLES))


@cache
def _mail_settings_for(values: tuple[str | None, ...]) -> MailSettings:
    environment = {
        name: (value or "").strip() for name, value in zip(MAIL_VARIABLES, values, strict=True)
    }
    demo = _flag(environment["KERNBRIEF_DEMO"], ("1", "true", "yes", "ja"))
    host = environment["KERNBRIEF_SMTP_HOST"]
    # Without a choice: SMTP once a server is named, the outbox folder in demo mode, else none.
    backend = environment["KERNBRIEF_MAIL_BACKEND"].lower() or (
        "smtp" if host else "outbox" if demo else ""
    )
    security = environment["KERNBRIEF_SMTP_SECURITY"].lower() or "starttls"
    port = environment["KERNBRIEF_SMTP_PORT"] or str(SMTP_SECURITY.get(security, 0))
    found = MailSettings(
        backend=backend,
        demo=demo,
        smtp_host=host,
        smtp_port=int(port) if port.isdigit() else 0,
        smtp_user=environment["KERNBRIEF_SMTP_USER"],
        smtp_password=environment["KERNBRIEF_SMTP_PASSWORD"],
        smtp_security=security,
        mail_from=environment["KERNBRIEF_MAIL_FROM"],
        outbox_dir=Path(environment["KERNBRIEF_OUTBOX_DIR"] or DEFAULT_OUTBOX),
        base_url=environment["KERNBRIEF_PUBLIC_URL"].rstrip("/"),
    )
    return found.model_copy(update={"problem": _mail_problem(found)})


def _mail_problem(found: MailSettings) -> str:
    """The first thing that keeps these settings from sending mail with working links."""
    if not found.backend:
        return "not_configured"
    if found.backend not in MAIL_BACKENDS:
        return "backend_unknown"
    if found.backend == "smtp" and _smtp_problem(found):
        return _smtp_problem(found)
    # A link in a mail must point at the real app, never at whatever Host a request named
    # (a forged Host header would send the code to another server); the demo runs locally.
    if not found.base_url and not found.demo:
        return "base_url_missing"
    if found.base_url and not found.base_url.startswith(("https://", "http://")):
        return "base_url_invalid"
    return ""


def _smtp_problem(found: MailSettings) -> str:
    if not found.smtp_host:
        return "smtp_host_missing"
    if found.smtp_security not in SMTP_SECURITY:
        return "smtp_security_unknown"
    if not 0 < found.smtp_port < 65536:
        return "smtp_port_invalid"
    if found.smtp_user and found.smtp_security == "none":
        # The password would cross the network in the clear.
        return "smtp_password_in_clear"
    if "@" not in found.mail_from:
        return "mail_from_missing"
    return ""
