#!/usr/bin/env python3
"""Writes the answer-file seeds of fuzz_spell_text (tests/fuzz/seeds/spell_text/): files in the format of
src/spell/answer_file.hpp (version 2) for the harness's key, with spell, suggest and grammar records."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "support"))
from answer_file import answer_file, fnv1a64  # noqa: E402

KEY = "fuzz key\n"


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
    (out / name).write_text(answer_file(KEY, records), encoding="utf-8")
