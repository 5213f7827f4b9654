"""Transitional: the old import path of the exports, which now live in services/exports.py.

components/review.py (owned elsewhere while issue 9 is split) and tests/test_export_render.py
still import from here; delete this module once they import services.exports.
"""

from services.exports import export_brief as brief_export
from services.exports import export_cohort as trajectory_export
from services.operator import OPERATOR, operator_store

__all__ = ["OPERATOR", "brief_export", "operator_store", "trajectory_export"]
