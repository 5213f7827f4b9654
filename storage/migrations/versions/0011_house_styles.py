"""Word templates for the house style of exports, the programme's and per municipality"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_house_styles"
down_revision = "0010_login_devices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "house_styles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=120), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by", sa.String(length=200), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_house_styles_municipality"), "house_styles", ["municipality"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_house_styles_municipality"), table_name="house_styles")
    op.drop_table("house_styles")
