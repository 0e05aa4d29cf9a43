"""Feeds carry each item's title, summary and address, never its whole text.

Pelican's Atom feeds put every item's full body in the feed. A board's feeds
are for telling people that something was published, and a feed's copy
outlives the page: feed readers and aggregators keep what they fetched, so a
review's full text would stay on other people's servers after the board
takes the review down at the end of its publication period, and a page
corrected after publication would stay in its first form there. A feed with
the summary and a link sends the reader to the page itself, which is always
the current version, with the Exit button and the display options.

It also keeps the feeds small for readers on phones (100 items of full
guidance text would be megabytes) and is less text for the final gate to
read. RSS feeds are summary-only in Pelican already (RSS_FEED_SUMMARY_ONLY);
this does the same for Atom.
"""

from __future__ import annotations

from pelican.writers import Writer


class SummaryFeedWriter(Writer):
    def _add_item_to_the_feed(self, feed, item):
        return super()._add_item_to_the_feed(feed, _SummaryOnly(item))


class _SummaryOnly:
    """An item as the feed writer sees it, with its summary for its content."""

    def __init__(self, item) -> None:
        self._item = item

    def __getattr__(self, name: str):
        return getattr(self._item, name)

    def get_content(self, siteurl: str) -> str:
        return self._item.summary


def summary_feed_writer(pelican) -> type[Writer]:
    """Pelican's `get_writer`."""
    return SummaryFeedWriter
