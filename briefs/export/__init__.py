"""Exports of briefs: the Word document of one brief and the zip of a whole cohort."""
