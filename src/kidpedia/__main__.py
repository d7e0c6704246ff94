"""`python -m kidpedia` runs the CLI."""

from kidpedia.cli import main

main()
