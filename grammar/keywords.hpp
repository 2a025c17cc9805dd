#pragma once
// The one keyword table. The grammars refer to keyword *roles* (kw<role::goal>), never to words, so a
// language is added by adding a row here; the structure of the grammars does not change.
// Matching is by whole word and case-insensitive (ASCII and Latin-1 letters: "TAVOITE" = "Tavoite",
// "MÅL" = "mål").
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace planlint::grammar {

enum class role {
  goal,              // heading keyword: "TAVOITE 1. …"
  benefit_goal,      // a development programme's goal, whose body is prose: "Hyötytavoite 1: …"
  area,              // a level above goals, grouping them: "PAINOPISTE 1. …", "Painopistealue 2:", "Teema 3 –"
  measure_header,    // a goal table's column headers, one role per column role (grammar/columns.hpp):
  indicator_header,  //   the measure, its indicator,
  responsible_header,  // who is responsible ("Vastuutaho"),
  schedule_header,   //   when ("Aikataulu"),
  resources_header,  //   with what ("Resurssit"),
  target_header,     //   the indicator's target ("Tavoitetaso"),
  status_header,     //   how far it has come ("Tilanne")
  status,            // a line that marks the document's status
  // The words of the claims, each role one grammatical form, so that a claim is read only where the number
  // and the noun agree (grammar/common.hpp):
  goal_noun,         // the form a cardinal of two or more takes: "kolme tavoitetta" (partitive singular)
  goal_subject,      // the subject of "on": "tavoitteita on kolme" (partitive plural)
  goal_unit,         // after "per": "per tavoite" (nominative singular)
  copula,            // "on", with a partitive subject
  measure_noun,      // the form a cardinal takes: "6–12 toimenpidettä"
  measure_subject,   // "toimenpiteitä on 6–12"
  per,               // before a goal_unit: "per tavoite"
  per_after,         // after a goal_noun: "tavoitetta kohden"
  qualifier,         // a number after it is not exact: "yli 6", "noin kolme"
};

struct number_word {
  std::string_view word;
  int value;
};

struct language {
  std::string_view code;
  std::span<const std::string_view> goal, benefit_goal, area, measure_header, indicator_header, responsible_header, schedule_header,
      resources_header, target_header, status_header, status, goal_noun, goal_subject, goal_unit, copula, measure_noun,
      measure_subject, per, per_after, qualifier;
  std::span<const number_word> numbers;  // at least one to twenty
};

namespace kw_fi {
inline constexpr std::string_view goal[] = {"tavoite"};
inline constexpr std::string_view benefit_goal[] = {"hyötytavoite"};
inline constexpr std::string_view area[] = {"painopiste", "painopistealue", "teema", "kärkiteema", "toimintalinja"};
// Column headers: a header word, or a compound ending in one ("Arviointimittari", "Kehittämistoimenpiteet"),
// names its column (grammar/columns.hpp).
inline constexpr std::string_view measure_header[] = {"toimenpide", "toimenpiteet", "keino", "keinot", "toimet"};
inline constexpr std::string_view indicator_header[] = {"mittari", "mittarit", "indikaattori", "indikaattorit", "mittaristo"};
inline constexpr std::string_view responsible_header[] = {"vastuutaho", "vastuutahot", "vastuu", "vastuuhenkilö",
                                                          "vastuuhenkilöt", "vastuuyksikkö", "toteuttaja", "toteuttajat"};
inline constexpr std::string_view schedule_header[] = {"aikataulu", "ajankohta", "aikajänne", "toteutusaika"};
inline constexpr std::string_view resources_header[] = {"resurssit", "resurssi", "resursointi", "kustannukset", "rahoitus"};
inline constexpr std::string_view target_header[] = {"tavoitetaso", "tavoitearvo", "tavoitetila", "tavoitearvot"};
inline constexpr std::string_view status_header[] = {"tilanne", "valmiusaste", "toteutuminen", "tila"};
inline constexpr std::string_view status[] = {"luonnos"};
inline constexpr std::string_view goal_noun[] = {"tavoitetta"};
inline constexpr std::string_view goal_subject[] = {"tavoitteita"};
inline constexpr std::string_view goal_unit[] = {"tavoite"};
inline constexpr std::string_view copula[] = {"on"};
inline constexpr std::string_view measure_noun[] = {"toimenpidettä"};
inline constexpr std::string_view measure_subject[] = {"toimenpiteitä"};
inline constexpr std::string_view per[] = {"per"};
inline constexpr std::string_view per_after[] = {"kohden", "kohti"};
inline constexpr std::string_view qualifier[] = {"yli",   "alle",   "noin",  "vähintään", "enintään", "korkeintaan",
                                                 "ainakin", "lähes", "jopa", "runsaat",   "vajaat",   "likimain"};
inline constexpr number_word numbers[] = {
    {"yksi", 1},          {"kaksi", 2},         {"kolme", 3},          {"neljä", 4},
    {"viisi", 5},         {"kuusi", 6},         {"seitsemän", 7},      {"kahdeksan", 8},
    {"yhdeksän", 9},      {"kymmenen", 10},     {"yksitoista", 11},    {"kaksitoista", 12},
    {"kolmetoista", 13},  {"neljätoista", 14},  {"viisitoista", 15},   {"kuusitoista", 16},
    {"seitsemäntoista", 17}, {"kahdeksantoista", 18}, {"yhdeksäntoista", 19}, {"kaksikymmentä", 20}};
}  // namespace kw_fi

namespace kw_sv {
inline constexpr std::string_view goal[] = {"mål"};
inline constexpr std::string_view benefit_goal[] = {"nyttomål"};
inline constexpr std::string_view area[] = {"fokusområde", "tema", "insatsområde", "tyngdpunkt", "tyngdpunktsområde"};
inline constexpr std::string_view measure_header[] = {"åtgärd", "åtgärder"};
inline constexpr std::string_view indicator_header[] = {"mätare", "indikator", "indikatorer"};
inline constexpr std::string_view responsible_header[] = {"ansvar", "ansvarig", "ansvariga", "ansvarsinstans"};
inline constexpr std::string_view schedule_header[] = {"tidtabell", "tidplan", "tidpunkt"};
inline constexpr std::string_view resources_header[] = {"resurser", "kostnader", "finansiering"};
inline constexpr std::string_view target_header[] = {"målnivå", "målvärde"};
inline constexpr std::string_view status_header[] = {"läge", "lägesbeskrivning"};
inline constexpr std::string_view status[] = {"utkast"};
inline constexpr std::string_view goal_noun[] = {"mål"};
inline constexpr std::string_view goal_subject[] = {"målen"};
inline constexpr std::string_view goal_unit[] = {"mål"};
inline constexpr std::string_view copula[] = {"är"};
inline constexpr std::string_view measure_noun[] = {"åtgärder"};
inline constexpr std::string_view measure_subject[] = {"åtgärderna"};
inline constexpr std::string_view per[] = {"per"};
inline constexpr std::span<const std::string_view> per_after{};
inline constexpr std::string_view qualifier[] = {"över", "under", "cirka", "ca", "minst", "högst", "nästan", "ungefär",
                                                 "drygt"};
inline constexpr number_word numbers[] = {
    {"en", 1},      {"ett", 1},     {"två", 2},      {"tre", 3},       {"fyra", 4},      {"fem", 5},
    {"sex", 6},     {"sju", 7},     {"åtta", 8},     {"nio", 9},       {"tio", 10},      {"elva", 11},
    {"tolv", 12},   {"tretton", 13}, {"fjorton", 14}, {"femton", 15},   {"sexton", 16},   {"sjutton", 17},
    {"arton", 18},  {"nitton", 19}, {"tjugo", 20}};
}  // namespace kw_sv

namespace kw_en {
inline constexpr std::string_view goal[] = {"goal"};
inline constexpr std::span<const std::string_view> benefit_goal{};
inline constexpr std::string_view area[] = {"theme", "priority"};
inline constexpr std::string_view measure_header[] = {"measure", "measures", "action", "actions"};
inline constexpr std::string_view indicator_header[] = {"indicator", "indicators", "metric", "metrics"};
inline constexpr std::string_view responsible_header[] = {"responsible", "owner", "responsibility"};
inline constexpr std::string_view schedule_header[] = {"schedule", "timeline", "timetable", "deadline"};
inline constexpr std::string_view resources_header[] = {"resources", "budget", "funding"};
inline constexpr std::string_view target_header[] = {"target", "targets"};
inline constexpr std::string_view status_header[] = {"status", "progress"};
inline constexpr std::string_view status[] = {"draft"};
inline constexpr std::string_view goal_noun[] = {"goals"};
inline constexpr std::string_view goal_subject[] = {"goals"};
inline constexpr std::string_view goal_unit[] = {"goal"};
inline constexpr std::string_view copula[] = {"are"};
inline constexpr std::string_view measure_noun[] = {"measures", "actions"};
inline constexpr std::string_view measure_subject[] = {"measures", "actions"};
inline constexpr std::string_view per[] = {"per"};
inline constexpr std::span<const std::string_view> per_after{};
inline constexpr std::string_view qualifier[] = {"over", "under", "about", "around", "approximately", "nearly",
                                                 "almost", "than", "least", "most", "some"};
inline constexpr number_word numbers[] = {
    {"one", 1},       {"two", 2},        {"three", 3},     {"four", 4},       {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},       {"ten", 10},
    {"eleven", 11},   {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},  {"twenty", 20}};
}  // namespace kw_en

#define PLANLINT_LANGUAGE(ns, code)                                                                    \
  language {                                                                                           \
    code, ns::goal, ns::benefit_goal, ns::area, ns::measure_header, ns::indicator_header, ns::responsible_header, ns::schedule_header,  \
        ns::resources_header, ns::target_header, ns::status_header, ns::status, ns::goal_noun,           \
        ns::goal_subject, ns::goal_unit, ns::copula, ns::measure_noun, ns::measure_subject, ns::per,     \
        ns::per_after, ns::qualifier, ns::numbers                                                      \
  }
inline constexpr std::array<language, 3> languages = {
    PLANLINT_LANGUAGE(kw_fi, "fi"), PLANLINT_LANGUAGE(kw_sv, "sv"), PLANLINT_LANGUAGE(kw_en, "en")};
#undef PLANLINT_LANGUAGE

// --- matching -------------------------------------------------------------------------------------------

// Length in bytes of the word that starts at `p`: ASCII letters and digits, and UTF-8 letters. Multi-byte
// characters count as letters except the Latin-1 punctuation block (U+0080–U+00BF, e.g. NBSP, «, §),
// × and ÷, and General Punctuation and symbols (U+2000–U+2BFF, e.g. en dash, bullet).
// (ASCII letters and digits are looked up in a table: one load instead of three range tests per byte.)
inline constexpr std::array<bool, 128> ascii_word_bytes = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();
inline std::size_t word_length(const char* p, const char* end) noexcept {
  const char* q = p;
  while (q < end) {
    const auto c = static_cast<unsigned char>(*q);
    if (c < 0x80) {
      if (!ascii_word_bytes[c]) break;
      ++q;
      continue;
    }
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (q + len > end) break;
    const auto c1 = static_cast<unsigned char>(q[1]);
    if (c == 0xC2 || (c == 0xC3 && (c1 == 0x97 || c1 == 0xB7))) break;
    if (c == 0xE2 && c1 >= 0x80 && c1 <= 0xAF) break;
    q += len;
  }
  return static_cast<std::size_t>(q - p);
}

// Case-insensitive equality of a word and a lower-case keyword: ASCII, and Latin-1 capitals
// (U+00C0–U+00DE, as in Ä Ö Å) folded to their small letters.
inline bool equals_folded(std::string_view word, std::string_view keyword) noexcept {
  if (word.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (i > 0 && static_cast<unsigned char>(word[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) {
      c = static_cast<unsigned char>(c + 0x20);
    }
    if (c != static_cast<unsigned char>(keyword[i])) return false;
  }
  return true;
}

constexpr std::span<const std::string_view> words_of(const language& l, role r) noexcept {
  switch (r) {
    case role::goal: return l.goal;
    case role::benefit_goal: return l.benefit_goal;
    case role::area: return l.area;
    case role::measure_header: return l.measure_header;
    case role::indicator_header: return l.indicator_header;
    case role::responsible_header: return l.responsible_header;
    case role::schedule_header: return l.schedule_header;
    case role::resources_header: return l.resources_header;
    case role::target_header: return l.target_header;
    case role::status_header: return l.status_header;
    case role::status: return l.status;
    case role::goal_noun: return l.goal_noun;
    case role::goal_subject: return l.goal_subject;
    case role::goal_unit: return l.goal_unit;
    case role::copula: return l.copula;
    case role::measure_noun: return l.measure_noun;
    case role::measure_subject: return l.measure_subject;
    case role::per: return l.per;
    case role::per_after: return l.per_after;
    case role::qualifier: return l.qualifier;
  }
  return {};
}

// --- words a configuration adds -------------------------------------------------------------------------
// A team's own words for a role ([headings] and [columns] in .planlint.toml: "Kehittämiskohde" for a goal,
// "Seuranta" for the indicator column), added to the table above for the documents that configuration
// covers. The grammars match keywords in static rules that see no parser state, so the words are in effect
// on the thread that reads a document while an ExtraKeywordsScope for them lives (src/read/document.cpp).
inline constexpr std::size_t role_count = static_cast<std::size_t>(role::qualifier) + 1;
struct ExtraKeywords {
  std::array<std::vector<std::string>, role_count> words;  // folded as fold_keyword does
  bool empty() const noexcept {
    for (const auto& w : words) {
      if (!w.empty()) return false;
    }
    return true;
  }
};
inline thread_local const ExtraKeywords* extra_keywords = nullptr;

class ExtraKeywordsScope {
 public:
  explicit ExtraKeywordsScope(const ExtraKeywords* words) noexcept : saved_(extra_keywords) {
    extra_keywords = words && !words->empty() ? words : nullptr;
  }
  ~ExtraKeywordsScope() { extra_keywords = saved_; }
  ExtraKeywordsScope(const ExtraKeywordsScope&) = delete;
  ExtraKeywordsScope& operator=(const ExtraKeywordsScope&) = delete;

 private:
  const ExtraKeywords* saved_;
};

// A word as the keyword table writes it: ASCII and Latin-1 capitals made small (what equals_folded folds).
inline std::string fold_keyword(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    if (i > 0 && static_cast<unsigned char>(out[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) out[i] = static_cast<char>(c + 0x20);
  }
  return out;
}

// The words of role r that the configuration in effect adds (none outside an ExtraKeywordsScope).
inline std::span<const std::string> extra_words_of(role r) noexcept {
  if (extra_keywords == nullptr) return {};
  return extra_keywords->words[static_cast<std::size_t>(r)];
}

inline bool is_keyword(role r, std::string_view word) noexcept {
  for (const language& l : languages) {
    for (std::string_view k : words_of(l, r)) {
      if (equals_folded(word, k)) return true;
    }
  }
  for (const std::string& k : extra_words_of(r)) {
    if (equals_folded(word, k)) return true;
  }
  return false;
}

// For each byte, the lengths (bit L: L bytes) of the keywords of a role (or of the number words) that can
// start with it in some language, in either case: what equals_folded can accept. Every line is tried as a
// goal heading and every word of running text as the start of a claim, so the rules test the first byte
// before they measure a word, and its length before they compare it with the table.
using length_sets = std::array<std::uint64_t, 256>;
constexpr void add_keyword(length_sets& sets, std::string_view keyword) {
  const auto c = static_cast<unsigned char>(keyword.front());
  const std::uint64_t length = keyword.size() < 64 ? std::uint64_t{1} << keyword.size() : 0;
  sets[c] |= length;
  if (c >= 'a' && c <= 'z') sets[c - 32] |= length;  // ASCII capitals fold; a first byte is never a Latin-1 trail
}
constexpr length_sets lengths_of(role r) {
  length_sets sets{};
  for (const language& l : languages) {
    for (std::string_view k : words_of(l, r)) add_keyword(sets, k);
  }
  return sets;
}
template <role R>
inline constexpr length_sets keyword_lengths = lengths_of(R);
inline constexpr length_sets number_word_lengths = [] {
  length_sets sets{};
  for (const language& l : languages) {
    for (const number_word& n : l.numbers) add_keyword(sets, n.word);
  }
  return sets;
}();
// Whether a word of `n` bytes may be in `sets` (a word of 64 bytes or more never is: no keyword is as long).
constexpr bool may_have_length(std::uint64_t lengths, std::size_t n) { return n < 64 && ((lengths >> n) & 1); }

inline std::optional<int> number_word_value(std::string_view word) noexcept {
  for (const language& l : languages) {
    for (const number_word& n : l.numbers) {
      if (equals_folded(word, n.word)) return n.value;
    }
  }
  return std::nullopt;
}

// The level a heading names by its first keyword ("1. hyötytavoite" puts the number first): a goal, a
// development programme's benefit goal, or an area above goals; nullopt when it has none of them.
inline std::optional<role> heading_level(std::string_view heading) noexcept {
  const char* const end = heading.data() + heading.size();
  for (const char* p = heading.data(); p < end;) {
    const std::size_t n = word_length(p, end);
    if (n == 0) {
      ++p;
      continue;
    }
    const std::string_view w(p, n);
    for (role r : {role::goal, role::benefit_goal, role::area}) {
      if (is_keyword(r, w)) return r;
    }
    p += n;
  }
  return std::nullopt;
}

}  // namespace planlint::grammar
