"""Shared library for the site's plugins: findings, source locations, dates
and the atomic build. Not a Pelican plugin itself (it has no register())."""
