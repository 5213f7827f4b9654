"""Link single-sign-on identities by issuer and subject; mark which e-mail addresses are verified"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_single_sign_on"
down_revision = "0007_demo_people"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email_verified", sa.Boolean(), server_default="0", nullable=False)
        )
    # Verified are the addresses someone other than the account holder chose: typed by the
    # operator (manage.py create-user, in the audit log) or fixed in the invitation the account
    # was made from. An address the invitee typed, or a demo address, is not.
    op.execute(
        "UPDATE people SET email_verified = true WHERE demo = false AND ("
        " email IN (SELECT lower(trim(target)) FROM audit_log"
        "  WHERE action = 'user_created' AND actor = 'operator')"
        " OR email IN (SELECT email FROM one_time_codes"
        "  WHERE purpose = 'invitation' AND used_at IS NOT NULL AND email <> ''))"
    )
    op.create_table(
        "sso_identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("issuer", sa.String(length=300), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("issuer", "subject"),
        sa.UniqueConstraint("person_id", "issuer"),
    )
    op.create_table(
        "sso_sign_ins",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_sso_sign_ins_person_id", "sso_sign_ins", ["person_id"])
    op.create_index("ix_sso_sign_ins_started_at", "sso_sign_ins", ["started_at"])


def downgrade() -> None:
    op.drop_index("ix_sso_sign_ins_started_at", table_name="sso_sign_ins")
    op.drop_index("ix_sso_sign_ins_person_id", table_name="sso_sign_ins")
    op.drop_table("sso_sign_ins")
    op.drop_table("sso_identities")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("email_verified")
