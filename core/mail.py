"""Sending e-mail: over SMTP, into an outbox folder (demo and tests) or to the log, by settings.

Built on the standard library's smtplib and email packages: plain-text messages to one
address each need nothing more, so no extra dependency is added.
"""

from __future__ import annotations

import logging
import os
import secrets
import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from core.settings import PROJECT_ROOT, MailSettings, mail_settings

# Sender used by the outbox and console backends when KERNBRIEF_MAIL_FROM is not set.
LOCAL_SENDER = "Kernbrief <kernbrief@localhost>"
# How long an SMTP server may keep us waiting before the send counts as failed.
SMTP_TIMEOUT_SECONDS = 30
log = logging.getLogger("kernbrief.mail")


@dataclass(frozen=True)
class Mail:
    """One plain-text message to one address."""

    to: str
    subject: str
    body: str


class MailNotConfigured(Exception):
    """Mail cannot be sent with these settings; ``reason`` is MailSettings.problem."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class MailFailed(Exception):
    """The mail server refused the message or could not be reached."""


def problem(config: MailSettings | None = None) -> str:
    """Why mail cannot be sent now ("" when it can); see core.settings for the reasons."""
    return (config or mail_settings()).problem


def link_base(request_base: str, config: MailSettings | None = None) -> str:
    """The address links in a mail start with: KERNBRIEF_PUBLIC_URL, or in demo mode the app's
    address as the browser used it (the demo runs on one machine)."""
    config = config or mail_settings()
    if config.problem:
        raise MailNotConfigured(config.problem)
    return config.base_url or request_base.rstrip("/")


def outbox_path(config: MailSettings | None = None) -> str:
    """The outbox folder as the operator would type it: relative to the project when inside."""
    folder = (config or mail_settings()).outbox_dir.resolve()
    try:
        return str(folder.relative_to(PROJECT_ROOT)) + "/"
    except ValueError:
        return str(folder) + "/"


def send(mail: Mail, config: MailSettings | None = None) -> None:
    """Send ``mail`` the configured way; raise MailNotConfigured or MailFailed when it cannot.

    Blocks while the server answers: callers on an event loop run it in a worker thread.
    """
    config = config or mail_settings()
    if config.problem:
        raise MailNotConfigured(config.problem)
    message = _message(mail, config)
    if config.backend == "smtp":
        _send_smtp(message, config)
    elif config.backend == "outbox":
        _write_outbox(message, config.outbox_dir)
    else:
        # For development only: the whole message, links and codes included, goes to the log.
        log.warning("e-mail (console backend, not sent):\n%s", message.as_string())


def _message(mail: Mail, config: MailSettings) -> EmailMessage:
    sender = config.mail_from or LOCAL_SENDER
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip(" >"))
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.body)
    return message


def _send_smtp(message: EmailMessage, config: MailSettings) -> None:
    # The system's trusted certificates and host name checking, as a browser would.
    context = ssl.create_default_context()
    try:
        client: smtplib.SMTP
        if config.smtp_security == "ssl":
            client = smtplib.SMTP_SSL(
                config.smtp_host, config.smtp_port, timeout=SMTP_TIMEOUT_SECONDS, context=context
            )
        else:
            client = smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=SMTP_TIMEOUT_SECONDS)
        with client:
            if config.smtp_security == "starttls":
                client.starttls(context=context)
            if config.smtp_user:
                client.login(config.smtp_user, config.smtp_password)
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as failure:
        # Never the message itself in the log: it holds a link or a code.
        log.error("e-mail to %s not sent: %s", message["To"], type(failure).__name__)
        raise MailFailed(type(failure).__name__) from failure


def _write_outbox(message: EmailMessage, folder: Path) -> None:
    """Write the message as one .eml file; it appears whole or not at all."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{stamp}-{secrets.token_hex(4)}.eml"
    partial = folder / f".{name}.part"
    # Readable by the app's user only: the message holds a link that signs someone in.
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as written:
        written.write(message.as_bytes())
    os.replace(partial, folder / name)
