"""Blocks of text the final gate read clean, as it keeps them: each block's
16-byte key (detect.key_digest), grouped by its scope (detect.scope_of,
read_before.scope) and by whether it was read as an address.

A set of (key, scope, address) tuples took about 140 bytes a block, and a
gate held several such sets (what it loaded, what the early reader sent,
what it read): at 1,000 pages a warm build's gate took some 35 MB before it
read a page. Grouped, a block is its key and a slot in one set.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

Group = tuple[str, bool]  # (scope, read as an address)


class Blocks:
    __slots__ = ("groups",)

    def __init__(self, groups: dict[Group, set[bytes] | frozenset[bytes]] | None = None) -> None:
        self.groups = groups if groups is not None else {}

    @classmethod
    def of(cls, keys: Iterable[bytes], scope: str, address: bool = False) -> Blocks:
        """Keys of one scope (the early reader's: scope "item", as words)."""
        return cls({(scope, address): keys if isinstance(keys, frozenset) else frozenset(keys)})

    def has(self, key: bytes, scope: str, address: bool) -> bool:
        keys = self.groups.get((scope, address))
        return keys is not None and key in keys

    def add(self, key: bytes, scope: str, address: bool) -> None:
        """(Blocks made by `of`, and those kept by read_before, are not changed.)"""
        self.groups.setdefault((scope, address), set()).add(key)

    def discard(self, key: bytes, scope: str, address: bool) -> None:
        keys = self.groups.get((scope, address))
        if keys is not None:
            keys.discard(key)

    def keys(self, scope: str, address: bool = False) -> frozenset[bytes]:
        """The keys of one group."""
        return frozenset(self.groups.get((scope, address), ()))

    def __len__(self) -> int:
        return sum(len(keys) for keys in self.groups.values())

    def __bool__(self) -> bool:
        return any(self.groups.values())

    def __iter__(self) -> Iterator[tuple[bytes, str, bool]]:
        """Every block as (key, scope, address)."""
        for (scope, address), keys in self.groups.items():
            for key in keys:
                yield key, scope, address

    @staticmethod
    def union(*parts: Blocks) -> Blocks:
        """A new Blocks with every block of `parts` (which are not changed)."""
        groups: dict[Group, set[bytes]] = {}
        for part in parts:
            for group, keys in part.groups.items():
                if keys:
                    groups.setdefault(group, set()).update(keys)
        return Blocks(groups)
