"""Thin Streamlit pages: read, call, render."""
