"""Tests in Debian's Chromium: see docs/accessibility-testing.md."""
