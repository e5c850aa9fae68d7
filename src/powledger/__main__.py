"""``python -m powledger`` runs the command line."""

from powledger.cli import main

if __name__ == "__main__":
    main(prog_name="powledger")
