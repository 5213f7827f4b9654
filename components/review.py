"""The old home of components/feedback.py, until steps.py and overview.py import from there."""

from components.feedback import participant_review
from components.feedback import unread_feedback as unread_per_step

__all__ = ["participant_review", "unread_per_step"]
