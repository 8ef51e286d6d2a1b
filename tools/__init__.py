"""Development commands that work on the checkout (``python -m tools.<name>``); not installed with the package."""
