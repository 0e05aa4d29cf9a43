"""One module per check; registry.py lists them in run order."""
