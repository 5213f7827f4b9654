"""The old home of briefs/cohort.py and briefs/feedback.py, until components/admin.py moves."""

from briefs.cohort import programme_progress

__all__ = ["programme_progress"]
