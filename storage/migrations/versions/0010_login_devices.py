"""Remember the browser of each login session, to list a person's logins on their account page"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_login_devices"
down_revision = "0009_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("user_agent", sa.String(length=300), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.drop_column("user_agent")
