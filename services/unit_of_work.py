"""A unit of work: the repositories of one use case on one connection, in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from storage.audit import AuditLog
from storage.db import SharedConnection
from storage.email_checks import EmailChecks
from storage.identities import IdentityStore
from storage.invitations import InvitationStore
from storage.login_sessions import LoginSessionStore
from storage.people import Clock, PeopleStore, system_clock
from storage.repository import SqlProgrammeStore


class UnitOfWork:
    """The repositories a use case may touch, all writing in the same transaction."""

    def __init__(self, connection: Connection, clock: Clock = system_clock):
        shared = SharedConnection(connection)
        self.people = PeopleStore(shared)
        self.invitations = InvitationStore(shared, clock)
        self.email_checks = EmailChecks(shared, clock)
        self.login_sessions = LoginSessionStore(shared, clock)
        self.audit = AuditLog(shared, clock)
        self.programme = SqlProgrammeStore(shared)
        self.identities = IdentityStore(shared, clock)


@contextmanager
def unit_of_work(engine: Engine, clock: Clock = system_clock) -> Iterator[UnitOfWork]:
    """Commit everything the block wrote when it ends, or nothing when it raises."""
    with engine.begin() as connection:
        yield UnitOfWork(connection, clock)
