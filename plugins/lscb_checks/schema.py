"""The metadata schema lives with the content model: lscb_content.schema.

This name is the same module (not a copy), kept for the checks under
checks/ that still import it as `from .. import schema`; it goes once they
import lscb_content.schema.
"""

import sys

from lscb_content import schema

sys.modules[__name__] = schema
