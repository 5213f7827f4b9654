"""Add coaches' private notes"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_notes'
down_revision = '0003_review'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coach_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trajectory_id', sa.Integer(), nullable=False),
    sa.Column('municipality', sa.String(length=120), nullable=False),
    sa.Column('author_name', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['trajectory_id'], ['trajectories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('coach_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_notes_trajectory_id'), ['trajectory_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('coach_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coach_notes_trajectory_id'))

    op.drop_table('coach_notes')
