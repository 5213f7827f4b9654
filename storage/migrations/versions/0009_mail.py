"""Codes that verify an invitee's e-mail address, and each person's language for their mails"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_mail"
down_revision = "0008_single_sign_on"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "email_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["invitation_id"], ["one_time_codes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("email_checks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_email_checks_invitation_id"), ["invitation_id"], unique=False
        )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=5), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("language")
    with op.batch_alter_table("email_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_checks_invitation_id"))
    op.drop_table("email_checks")
