#!/usr/bin/env python3
"""Copies an answer file (src/spell/answer_file.hpp, version 2) with N made-up spell answers added, for the
benchmark of a large spelling cache (bench.sh): the file's own answers stay, so a check finds them all.
Usage: pad_answer_file.py SOURCE DESTINATION N"""
import pathlib
import sys


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def sort_key(record: str) -> bytes:
    return "\t".join(record.split("\t")[:2]).encode()


def main() -> None:
    source, destination, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = pathlib.Path(source).read_bytes().decode()
    header, key_length, rest = text.split("\n", 2)
    if header != "planlint voikko answers 2":
        sys.exit(f"{source}: not an answer file of version 2")
    key = rest[: int(key_length)]
    lines = rest[int(key_length) + 1 :].split("\n")
    records = [line.rsplit("\t", 1)[0] for line in lines if line and not line.startswith("end\t")]
    records += [f"s\tkeksitty{i * 7919 % 1000003}sana\t{i % 2}" for i in range(n)]
    records = sorted(set(records), key=sort_key)
    frame = f"{header}\n{key_length}\n{key}\n"
    body = "".join(f"{r}\t{fnv1a64(r.encode()):016x}\n" for r in records)
    pathlib.Path(destination).write_bytes((frame + body + f"end\t{len(records)}\t{fnv1a64(frame.encode()):016x}\n").encode())


if __name__ == "__main__":
    main()
