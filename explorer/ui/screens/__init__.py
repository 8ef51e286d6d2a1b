"""The app's pages, one script each: Streamlit runs them by path, nothing imports them."""
