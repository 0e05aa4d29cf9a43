"""What the built site publishes, read the way a reader or a program reads it.

The final gate (lscb_checks.checks.published_text) reads every file of the
staging folder once, through this package: markup.py for HTML, XML and SVG,
files.py for every file by its kind and for every path in the output.
"""
