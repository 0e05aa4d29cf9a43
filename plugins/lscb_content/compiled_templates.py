"""Each template compiled once per process, not once per generator and build.

Pelican gives every generator (articles, pages, each listing, themes,
updates, ...) a Jinja environment of its own, and each compiles base.html,
the header and the footer again; a test run, the preview and the benchmark
build many sites in one process and compile them all again every time. A
test site of ten pages spent a third of its build compiling templates.

Jinja's bytecode cache keeps the compiled code of each template keyed by the
template's name and file, and reuses it only while the template's source has
the same checksum (jinja2.bccache.Bucket): a changed template is always
compiled again. The compiled code also depends on the environment's options
(autoescape, extensions, delimiters), so each distinct set of options has a
store of its own. Nothing is written to disk.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

# {the options' fingerprint: {bucket key: compiled code as bytes}}
_STORES: dict[str, dict[str, bytes]] = {}


class _MemoryBytecodeCache(BytecodeCache):
    def __init__(self, store: dict[str, bytes]) -> None:
        self.store = store

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped unless the source's checksum matches

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


# What the compiled code of a template depends on besides its source.
_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "autoescape",
    "finalize",
    "code_generator_class",
    "context_class",
)


def _fingerprint(environment: jinja2.Environment) -> str:
    """The environment's options that change what a template compiles to,
    its extensions, and Jinja's version."""
    options = [repr(getattr(environment, name, None)) for name in _OPTIONS]
    return repr((jinja2.__version__, options, sorted(environment.extensions)))


def share_compiled_templates(generator) -> None:
    """`generator_init`: this generator's Jinja environment shares compiled
    templates with every other one with the same options in this process."""
    environment = getattr(generator, "env", None)
    if environment is None or environment.bytecode_cache is not None:  # the site chose a cache of its own
        return
    environment.bytecode_cache = _MemoryBytecodeCache(_STORES.setdefault(_fingerprint(environment), {}))
