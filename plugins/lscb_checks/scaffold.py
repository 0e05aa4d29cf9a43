"""The starter text of a new page is part of the content model
(lscb_content.starters); `make new`'s scaffold is lscb_cli.scaffold. This
name stays for NEW001 (checks/starter_text.py) until it imports
lscb_content.starters itself."""

from lscb_content.starters import starter_phrases

__all__ = ["starter_phrases"]
