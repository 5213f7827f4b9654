"""Settings from the environment: demo mode, the cookie-signing key, session lifetimes."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from storage.db import PROJECT_ROOT

DEMO_PASSWORD = "kernbrief-demo"
DEMO_KEY_FILE = PROJECT_ROOT / "data" / "demo-secret-key"


class ConfigurationError(RuntimeError):
    """The app must not start with this configuration; the message says what to set."""


def demo_mode() -> bool:
    """Demo mode lists the demo accounts on the login page; `make run` turns it on."""
    return os.environ.get("KERNBRIEF_DEMO", "").strip().lower() in ("1", "true", "yes", "ja")


def idle_minutes() -> int:
    """Minutes without activity after which a login ends."""
    return int(os.environ.get("KERNBRIEF_IDLE_MINUTES", "120"))


def secure_cookies() -> bool:
    """Send the login cookie over HTTPS only; set when the app is served behind TLS."""
    return os.environ.get("KERNBRIEF_SECURE_COOKIES", "").strip().lower() in ("1", "true", "yes")


def secret_key() -> bytes:
    """Return the key that signs login cookies.

    It comes from KERNBRIEF_SECRET_KEY. Demo mode makes one and keeps it under data/ (never
    in the repository); without demo mode a missing key stops the app.
    """
    configured = os.environ.get("KERNBRIEF_SECRET_KEY", "").strip()
    if configured:
        if len(configured) < 32:
            raise ConfigurationError(
                "KERNBRIEF_SECRET_KEY is te kort: gebruik minstens 32 willekeurige tekens "
                "(is too short: use at least 32 random characters)."
            )
        return configured.encode()
    if not demo_mode():
        raise ConfigurationError(
            "KERNBRIEF_SECRET_KEY ontbreekt. Zet een lange willekeurige sleutel in de omgeving, "
            "bijvoorbeeld met: python -c 'import secrets; print(secrets.token_urlsafe(48))'. "
            "(KERNBRIEF_SECRET_KEY is missing; set a long random key in the environment.)"
        )
    key_file = Path(os.environ.get("KERNBRIEF_DEMO_KEY_FILE", DEMO_KEY_FILE))
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(48))
        key_file.chmod(0o600)
    return key_file.read_text().strip().encode()
