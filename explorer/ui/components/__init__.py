"""Streamlit components of our own, each with its built frontend shipped in the package."""
