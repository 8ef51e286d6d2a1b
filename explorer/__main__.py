"""``python -m explorer`` runs the command-line interface."""

from explorer.cli import main

if __name__ == "__main__":
    main()
