"""Store trajectory themes as the theme modules' values (in English, the code's language)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_theme_values"
down_revision = "0011_house_styles"
branch_labels = None
depends_on = None

# The demo's earlier Dutch theme names, and the module each stands for. A theme not listed
# (typed by an admin) is kept as it was: it shows no module until an admin picks one.
_THEMES = {
    "leegstand": "vacancy",
    "verweving": "mixed_use",
    "toegankelijkheid": "accessibility",
    "distributie": "distribution",
    "centrummanagement": "centre_management",
    "vastgoed": "real_estate",
}
_TRAJECTORIES = sa.table("trajectories", sa.column("theme", sa.String))


def _rename(names: dict[str, str]) -> None:
    for old, new in names.items():
        op.execute(
            sa.update(_TRAJECTORIES).where(_TRAJECTORIES.c.theme == old).values(theme=new)
        )


def upgrade() -> None:
    _rename(_THEMES)


def downgrade() -> None:
    _rename({new: old for old, new in _THEMES.items()})
