"""Alembic environment: runs migrations on the connection that storage.migrate hands over."""

from __future__ import annotations

from alembic import context

from storage.tables import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
