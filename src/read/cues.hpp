#pragma once
// The one table of cue words that readers of PDF-extracted text use to guess where table cells begin and
// end (see row_recovery). Cues are data: a language or a new phrasing is added here, not in code.
// Words are compared lower-cased (see cue_fold in row_recovery.cpp); suffixes match the end of a word.
#include <span>
#include <string_view>

namespace planlint::read::cues {

// Words that open a measure: Finnish passive verbs ("Lisätään …"), Swedish passives and English imperatives.
inline constexpr std::string_view measure_openers[] = {
    "lisätään",      "toteutetaan",  "edistetään",   "tuetaan",     "jatketaan",    "luodaan",
    "vahvistetaan",  "hyödynnetään", "käynnistetään", "tehostetaan", "kehitetään",  "järjestetään",
    "parannetaan",   "selvitetään",  "otetaan",      "tarjotaan",   "mahdollistetaan", "kokeillaan",
    "vähennetään",   "ennaltaehkäistään", "varmistetaan", "laajennetaan", "koulutetaan",
    "perustetaan",   "uudistetaan",  "tiivistetään", "seurataan",   "arvioidaan",   "ohjataan",
    "främjas",       "stöds",        "utvecklas",    "ökas",        "increase",     "develop",
    "support",       "promote",      "improve",      "launch",      "provide",      "strengthen"};

// Endings of Finnish passive present forms ("kokeillaan", "ennaltaehkäistään"); weaker than the words
// above, since a few nouns share them ("toimintaan"), so they count only at the start of a line.
inline constexpr std::string_view passive_suffixes[] = {"taan", "tään", "daan", "dään", "llaan", "llään",
                                                        "naan", "nään", "rraan", "rrään"};

// Endings that look passive but belong to nouns in the illative ("toimintaan", "neuvontaan").
inline constexpr std::string_view not_passive_suffixes[] = {"ntaan", "ntään"};

// Endings of words that close an indicator: "määrä", "lukumäärä", "kävijämäärät", "mittarit", "osuus".
inline constexpr std::string_view indicator_suffixes[] = {
    "määrä", "määrät", "mittari", "mittarit", "osuus", "osuudet", "muutos", "toteutuminen", "toteutunut",
    "kyllä/ei", "(kyllä/ei)", "ja/ei", "antal", "andel", "number", "rate", "share", "%"};

// Words that never open a cell, and that keep a line-final hyphen apart ("ilta- ja viikonloppu…").
inline constexpr std::string_view conjunctions[] = {"ja", "tai", "sekä", "eli", "ynnä", "och", "eller",
                                                    "samt", "and", "or"};

// Abbreviations whose full stop does not end a sentence ("esim. asukastaloissa").
inline constexpr std::string_view abbreviations[] = {"esim", "mm", "v", "ks", "n", "ns", "yms", "tms", "ym",
                                                     "vrt", "os", "s", "t.ex", "bl.a", "e.g", "i.e", "etc",
                                                     "vs", "nk", "kpl", "klo", "nro"};

}  // namespace planlint::read::cues
