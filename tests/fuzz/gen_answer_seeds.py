#!/usr/bin/env python3
"""Writes the answer-file seeds of fuzz_spell_text (tests/fuzz/seeds/spell_text/): files in the format of
src/spell/answer_file.hpp (version 2) for the harness's key, with spell, suggest and grammar records."""
import pathlib

KEY = "fuzz key\n"
HEADER = "planlint voikko answers 2\n"


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def sort_key(record):
    return "\t".join(record.split("\t")[:2]).encode()


def answer_file(records):
    frame = HEADER + f"{len(KEY.encode())}\n{KEY}\n"
    lines = "".join(f"{r}\t{fnv1a64(r.encode()):016x}\n" for r in sorted(records, key=sort_key))
    return frame + lines + f"end\t{len(records)}\t{fnv1a64(frame.encode()):016x}\n"


def paragraph_key(text, language):
    return f"{language}:{len(text.encode())}:{fnv1a64(text.encode()):016x}"


U = "\x1f"
seeds = {
    "empty.answers": [],
    "words.answers": ["s\tTyöikäisille\t1", "s\tTyökäisille\t0", "s\tesim.\t1",
                      "g\tTyökäisille\tTyöläisille\tTyöikäisille", "g\txqzv"],
    "grammar.answers": [f"p\t{paragraph_key('Tuetaan tuetaan liikuntaa.', 'fi')}\t8{U}0{U}15{U}Sana on kirjoitettu kahteen kertaan.{U}Tuetaan",
                        f"p\t{paragraph_key('Lisätään liikuntaa.', 'en')}",
                        f"p\ten:4:0000000000000000\t6{U}1{U}2{U}Remove space{U},{U}, \t9{U}3{U}1{U}"],
}
out = pathlib.Path(__file__).parent / "seeds" / "spell_text"
out.mkdir(parents=True, exist_ok=True)
for name, records in seeds.items():
    (out / name).write_text(answer_file(records), encoding="utf-8")
