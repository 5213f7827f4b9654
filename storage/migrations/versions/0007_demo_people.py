"""Mark demo accounts, which may sign in in demo mode only"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_demo_people"
down_revision = "0006_english_enum_values"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("demo", sa.Boolean(), server_default="0", nullable=False))
    # The demo has always given its people addresses under the made-up ".demo" domain, which
    # no real mailbox has: a database seeded before this column keeps no working demo logins.
    op.execute("UPDATE people SET demo = true WHERE email LIKE '%.demo'")


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("demo")
