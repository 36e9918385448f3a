"""A Bloom filter of document keys, built in Spark, so pass 2 re-reads only documents with hits.

The filter is a fixed-size bit array (16 bits per key, at most 32 MB), OR-reduced
from the partitions: the driver never holds the keys themselves. A false positive
only sends one more document into the join, which drops it.
"""

from __future__ import annotations

from typing import Any

MULTS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
MASK = (1 << 64) - 1


class Bloom:
    """Membership of 64-bit non-negative keys (three multiplicative hashes)."""

    def __init__(self, bits: Any, log2m: int) -> None:
        self.bits = bits  # np.ndarray of uint8, 2**log2m bits
        self.log2m = log2m

    def __contains__(self, key: int) -> bool:
        shift, bits = 64 - self.log2m, self.bits
        for mult in MULTS:
            h = ((key * mult) & MASK) >> shift
            if not (bits[h >> 3] >> (h & 7)) & 1:
                return False
        return True


def size_for(n: int) -> int:
    """log2 of the bit count: >= 16 bits per key, between 2**16 and 2**28 bits."""
    return max(16, min(28, (16 * max(n, 1) - 1).bit_length()))


def build(keys: Any, n: int) -> Bloom:
    """The filter of an RDD of ``n`` int keys (OR of one bit array per partition)."""
    log2m = size_for(n)

    def part(it: Any) -> Any:
        import numpy as np

        bits = np.zeros(1 << (log2m - 3), dtype=np.uint8)
        arr = np.fromiter(it, dtype=np.uint64)
        shift = np.uint64(64 - log2m)
        for mult in MULTS:
            h = (arr * np.uint64(mult)) >> shift
            np.bitwise_or.at(
                bits, (h >> np.uint64(3)).astype(np.int64), (1 << (h & np.uint64(7))).astype(np.uint8)
            )
        yield bits

    import numpy as np

    bits = keys.mapPartitions(part).treeReduce(np.bitwise_or)
    return Bloom(bits, log2m)
