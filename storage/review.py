"""The old home of storage/feedback.py, until tests/test_pages.py patches the new path."""

from storage.feedback import FeedbackStore as ReviewStore

__all__ = ["ReviewStore"]
