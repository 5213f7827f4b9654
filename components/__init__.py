"""Reusable Streamlit widgets; the only place that touches st.session_state."""
