"""Call the coaching role "coach" in stored rows, as the code and the screens do"""

from __future__ import annotations

from alembic import op

revision = "0005_coach_role"
down_revision = "0004_notes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE people SET role = 'coach' WHERE role = 'facilitator'")
    op.execute("UPDATE feedback SET author_role = 'coach' WHERE author_role = 'facilitator'")


def downgrade() -> None:
    op.execute("UPDATE people SET role = 'facilitator' WHERE role = 'coach'")
    op.execute("UPDATE feedback SET author_role = 'facilitator' WHERE author_role = 'coach'")
