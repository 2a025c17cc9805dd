"""Writing the spelling cache's answer files (src/spell/answer_file.hpp, version 2) from Python, for the
fuzz seeds (tests/fuzz/gen_answer_seeds.py) and the benchmark's padded cache (tests/bench/pad_answer_file.py)."""

HEADER = "planlint voikko answers 2"


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def sort_key(record: str) -> bytes:
    """What the records are sorted by: kind, a tab, word."""
    return "\t".join(record.split("\t")[:2]).encode()


def answer_file(key: str, records) -> str:
    """The file for `key` holding `records` (lines without their checksums), sorted, each once."""
    records = sorted(set(records), key=sort_key)
    frame = f"{HEADER}\n{len(key.encode())}\n{key}\n"
    body = "".join(f"{r}\t{fnv1a64(r.encode()):016x}\n" for r in records)
    return frame + body + f"end\t{len(records)}\t{fnv1a64(frame.encode()):016x}\n"
