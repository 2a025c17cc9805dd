#!/usr/bin/env python3
"""Copies an answer file (src/spell/answer_file.hpp, version 2) with N made-up spell answers added, for the
benchmark of a large spelling cache (bench.sh): the file's own answers stay, so a check finds them all.
Usage: pad_answer_file.py SOURCE DESTINATION N"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
from answer_file import HEADER, answer_file  # noqa: E402


def main() -> None:
    source, destination, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = pathlib.Path(source).read_bytes().decode()
    header, key_length, rest = text.split("\n", 2)
    if header != HEADER:
        sys.exit(f"{source}: not an answer file of version 2")
    key = rest[: int(key_length)]
    lines = rest[int(key_length) + 1 :].split("\n")
    records = [line.rsplit("\t", 1)[0] for line in lines if line and not line.startswith("end\t")]
    records += [f"s\tkeksitty{i * 7919 % 1000003}sana\t{i % 2}" for i in range(n)]
    pathlib.Path(destination).write_bytes(answer_file(key, records).encode())


if __name__ == "__main__":
    main()
