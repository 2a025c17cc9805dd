#pragma once
// Rules that every plan-format grammar shares: characters, line ends, words, keywords, numbers and the
// claims a plan makes about itself. No actions here: readers attach them (src/read/).
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "grammar/keywords.hpp"

namespace planlint::grammar {
namespace pegtl = tao::pegtl;

// --- characters and lines ------------------------------------------------------------------------------
// Plan text is valid UTF-8 (checked when loading); control characters other than TAB are not text.
struct text_byte : pegtl::sor<pegtl::range<' ', '~'>, pegtl::range<'\x80', '\xFF'>> {};
struct tab : pegtl::one<'\t'> {};
struct space : pegtl::one<' '> {};
struct blank : pegtl::one<' ', '\t'> {};
struct line_end : pegtl::sor<pegtl::eol, pegtl::eof> {};
struct blank_line : pegtl::sor<pegtl::seq<pegtl::star<blank>, pegtl::eol>, pegtl::seq<pegtl::plus<blank>, pegtl::eof>> {};

// Length of the run of bytes at `p` that text_byte matches (and tab, when Tabs): all but the control
// characters (below 0x20) and DEL. Cells and lines are long runs of text, and matching them one byte at a
// time through PEGTL was a fifth of reading a draft, so runs are measured a block of bytes at a time: 16
// with SSE2 (every x86-64 has it), 8 in a 64-bit word elsewhere; the byte loop finishes the run.
template <bool Tabs>
inline std::size_t text_run_length(const char* p, const char* end) noexcept {
  const char* q = p;
#if defined(__SSE2__)
  const __m128i below_space = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F), tab_byte = _mm_set1_epi8('\t');
  for (; end - q >= 16; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below_space), v);  // unsigned v <= 0x1F
    if constexpr (Tabs) control = _mm_andnot_si128(_mm_cmpeq_epi8(v, tab_byte), control);
    const int stop = _mm_movemask_epi8(_mm_or_si128(control, _mm_cmpeq_epi8(v, del)));
    if (stop) return static_cast<std::size_t>(q - p) + static_cast<std::size_t>(__builtin_ctz(stop));
  }
#else
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  for (; end - q >= 8; q += 8) {
    std::uint64_t w;
    std::memcpy(&w, q, 8);
    // Some byte below 0x20, or equal to 0x7F (exact as a yes/no; the byte loop below finds which). A tab
    // is taken for a control byte here and accepted by the byte loop.
    const std::uint64_t del_bytes = w ^ (0x7F * ones);
    if (((w - 0x20 * ones) & ~w & highs) | ((del_bytes - ones) & ~del_bytes & highs)) break;
  }
#endif
  for (; q < end; ++q) {
    const auto c = static_cast<unsigned char>(*q);
    if ((c < 0x20 && !(Tabs && c == '\t')) || c == 0x7F) break;
  }
  return static_cast<std::size_t>(q - p);
}

// star<text_byte>, and star<sor<text_byte, tab>>, a block at a time (see text_run_length). Custom rules:
// they consume the whole run, which never holds a line end.
template <bool Tabs>
struct text_run_rule {
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    in.bump_in_this_line(text_run_length<Tabs>(in.current(), in.end()));
    return true;
  }
};
struct text_run : text_run_rule<false> {
  using rule_t = text_run;
  using subs_t = pegtl::empty_list;
};
struct text_or_tab_run : text_run_rule<true> {
  using rule_t = text_or_tab_run;
  using subs_t = pegtl::empty_list;
};
struct rest_of_line : text_or_tab_run {};

// "•" (U+2022), "‣" (U+2023), "◦" (U+25E6), "-", "*", "–" (U+2013).
struct bullet_marker : pegtl::sor<pegtl::one<'-', '*'>, pegtl::string<'\xE2', '\x80', '\xA2'>,
                                  pegtl::string<'\xE2', '\x80', '\xA3'>, pegtl::string<'\xE2', '\x97', '\xA6'>,
                                  pegtl::string<'\xE2', '\x80', '\x93'>> {};

// --- words and keywords --------------------------------------------------------------------------------
// A whole word (see word_length in keywords.hpp). Custom rule: consumes the word or nothing.
struct word {
  using rule_t = word;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const std::size_t n = word_length(in.current(), in.end());
    if (n == 0) return false;
    in.bump_in_this_line(n);
    return true;
  }
};

// A whole word that is a keyword of role R in any language of the keyword table.
template <role R>
struct kw {
  using rule_t = kw;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    if (in.empty()) return false;
    const std::uint64_t lengths = keyword_lengths<R>[static_cast<unsigned char>(*in.current())];
    // (the table's lengths filter its own words; a configuration's words are compared whole)
    if (lengths == 0 && extra_keywords == nullptr) return false;
    const std::size_t n = word_length(in.current(), in.end());
    if (n == 0 || ((lengths == 0 || !may_have_length(lengths, n)) && extra_words_of(R).empty())) return false;
    if (!is_keyword(R, std::string_view(in.current(), n))) return false;
    in.bump_in_this_line(n);
    return true;
  }
};

// A whole word that is a number word ("kolme", "tre", "three").
struct number_word_rule {
  using rule_t = number_word_rule;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    if (in.empty()) return false;
    const std::uint64_t lengths = number_word_lengths[static_cast<unsigned char>(*in.current())];
    if (lengths == 0) return false;
    const std::size_t n = word_length(in.current(), in.end());
    if (!may_have_length(lengths, n) || !number_word_value(std::string_view(in.current(), n))) return false;
    in.bump_in_this_line(n);
    return true;
  }
};

// --- numbers and claims ---------------------------------------------------------------------------------
// A claim is read only in its grammatical forms, where the number agrees with the noun it counts (the forms
// of each noun are roles of grammar/keywords.hpp):
//   goal count     "tavoitteita on kolme" (subject, copula, number) and "kolme tavoitetta" (a cardinal of two
//                  or more and the partitive singular)
//   measure range  "6–12 toimenpidettä" and "toimenpiteitä on 6–12", each optionally "per goal":
//                  "(per tavoite)", "tavoitetta kohden"
// A number that is part of something else is not a count: a range of years ("2022–2025 tavoitetta"), a
// decimal or a number in digit groups ("1,5", "1 500"), a number after a qualifier ("yli 6", "noin kolme"),
// a percentage ("tavoitteita on 12 %"), a noun in another case ("12 tavoitteen", "kolmessa tavoitteessa"),
// or "kolme tavoitetta kohden" (per three goals). Running text reads such numbers whole (inline_text), so
// that no claim starts inside one.
struct digits : pegtl::seq<pegtl::rep_min_max<1, 4, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
struct number : pegtl::sor<digits, number_word_rule> {};
struct range_dash : pegtl::sor<pegtl::one<'-'>, pegtl::string<'\xE2', '\x80', '\x93'>,
                               pegtl::string<'\xE2', '\x80', '\x94'>> {};
struct range_min : number {};
struct range_max : number {};
struct count_value : number {};

// The value of the number (digits or a number word) that starts at `p`, and its length in `n`; nullopt if
// none starts there. The same numbers as the rule `number`.
inline std::optional<int> number_at(const char* p, const char* end, std::size_t& n) noexcept {
  std::size_t d = 0;
  while (p + d < end && d < 5 && p[d] >= '0' && p[d] <= '9') ++d;
  if (d > 0) {
    if (d > 4) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < d; ++i) value = value * 10 + (p[i] - '0');
    n = d;
    return value;
  }
  n = word_length(p, end);
  if (n == 0 || !may_have_length(number_word_lengths[static_cast<unsigned char>(*p)], n)) return std::nullopt;
  return number_word_value(std::string_view(p, n));
}

// A cardinal of two or more: the numbers the counted forms agree with ("kolme tavoitetta", never
// "yksi tavoitetta"). Custom rule: consumes the number or nothing.
struct plural_number {
  using rule_t = plural_number;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    std::size_t n = 0;
    const std::optional<int> value = number_at(in.current(), in.end(), n);
    if (!value || *value < 2) return false;
    in.bump_in_this_line(n);
    return true;
  }
};

// Numbers that running text reads whole. A digit group is set apart by a space, a no-break space (U+00A0)
// or a narrow no-break space (U+202F).
struct number_range : pegtl::seq<number, pegtl::star<blank>, range_dash, pegtl::star<blank>, number> {};
struct group_separator
    : pegtl::sor<space, pegtl::string<'\xC2', '\xA0'>, pegtl::string<'\xE2', '\x80', '\xAF'>> {};
struct digit_group : pegtl::seq<group_separator, pegtl::rep<3, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
struct decimal_number
    : pegtl::seq<pegtl::plus<pegtl::digit>, pegtl::plus<pegtl::one<',', '.', ':'>, pegtl::plus<pegtl::digit>>> {};
struct grouped_number : pegtl::seq<pegtl::rep_min_max<1, 3, pegtl::digit>, pegtl::plus<digit_group>> {};
struct qualified_number
    : pegtl::seq<kw<role::qualifier>, pegtl::plus<blank>, pegtl::sor<number_range, decimal_number, grouped_number, number>> {};
// What makes the number before it part of a larger one: "3–5", "12 %", "3,5", "1 500".
struct number_continuation
    : pegtl::sor<pegtl::seq<pegtl::star<blank>, range_dash, pegtl::star<blank>, number>,
                 pegtl::seq<pegtl::star<blank>, pegtl::one<'%'>>, pegtl::seq<pegtl::one<',', '.', ':'>, pegtl::digit>,
                 digit_group> {};

// "tavoitetta kohden", "per tavoite", "(per tavoite)"
struct per_goal_after : pegtl::seq<kw<role::goal_noun>, pegtl::plus<blank>, kw<role::per_after>> {};
struct per_goal_before : pegtl::seq<kw<role::per>, pegtl::plus<blank>, kw<role::goal_unit>> {};
struct per_goal_words : pegtl::sor<per_goal_after, per_goal_before> {};
struct per_goal : pegtl::sor<per_goal_words, pegtl::seq<pegtl::one<'('>, pegtl::star<blank>, per_goal_words,
                                                        pegtl::star<blank>, pegtl::one<')'>>> {};

// "6–12", "kuusi–kaksitoista"
struct measure_range_value : pegtl::seq<range_min, pegtl::star<blank>, range_dash, pegtl::star<blank>, range_max> {};
// "toimenpiteitä on 6–12", "Toimenpiteitä on 6–12 tavoitetta kohden"; not "toimenpiteitä on 6–12 %", nor
// "toimenpiteitä on 6–12 tavoitetta" (in 6–12 goals).
struct measure_range_existential
    : pegtl::seq<kw<role::measure_subject>, pegtl::plus<blank>, kw<role::copula>, pegtl::plus<blank>,
                 measure_range_value, pegtl::not_at<number_continuation>,
                 pegtl::sor<pegtl::seq<pegtl::plus<blank>, per_goal>,
                            pegtl::not_at<pegtl::plus<blank>, kw<role::goal_noun>>>> {};
// "6–12 toimenpidettä", "6-12 measures per goal", "6–12 toimenpidettä (per tavoite)"
struct measure_range_attributive
    : pegtl::seq<measure_range_value, pegtl::plus<blank>, kw<role::measure_noun>,
                 pegtl::opt<pegtl::plus<blank>, per_goal>> {};
struct measure_range_phrase : pegtl::sor<measure_range_existential, measure_range_attributive> {};

// "tavoitteita on kolme", "Målen är tre"; not "tavoitteita on 12 %", "tavoitteita on 3–5"
struct goal_count_existential
    : pegtl::seq<kw<role::goal_subject>, pegtl::plus<blank>, kw<role::copula>, pegtl::plus<blank>, count_value,
                 pegtl::not_at<number_continuation>> {};
// "kolme tavoitetta", "three goals"; not "kolme tavoitetta kohden"
struct goal_count_attributive
    : pegtl::seq<pegtl::at<plural_number>, count_value, pegtl::plus<blank>, kw<role::goal_noun>,
                 pegtl::not_at<pegtl::plus<blank>, kw<role::per_after>>> {};
struct goal_count_phrase : pegtl::sor<goal_count_existential, goal_count_attributive> {};

// A claim is its phrase; readers collect the phrase's parts and commit the claim when the whole matched.
struct measure_range_claim : pegtl::seq<measure_range_phrase> {};
struct goal_count_claim : pegtl::seq<goal_count_phrase> {};
struct claim : pegtl::sor<measure_range_claim, goal_count_claim> {};

// Running text: claims where they stand, otherwise numbers that are not counts, whole words (so a claim
// starts only at a word start), and single characters.
struct number_token : pegtl::sor<qualified_number, number_range, decimal_number, grouped_number> {};
struct inline_text : pegtl::plus<pegtl::sor<claim, number_token, word, text_byte, tab>> {};

// --- goal references ------------------------------------------------------------------------------------
// "TAVOITE 1. title", "Tavoite 1: title", "Tavoite 1 – title", "TAVOITE 1 . title", "1. tavoite: title",
// a numbered sub-goal, "Tavoite 1.2 title" (goal 2 under goal or area 1), a development programme's benefit
// goals, "Hyötytavoite 1: title", and a level above goals, "PAINOPISTE 1. title". The keyword tells the
// heading's level (heading_level in grammar/keywords.hpp).
struct goal_number : pegtl::rep_min_max<1, 6, pegtl::digit> {};
struct goal_sub_number : pegtl::rep_min_max<1, 6, pegtl::digit> {};
struct goal_dash : pegtl::sor<pegtl::one<'-'>, pegtl::string<'\xE2', '\x80', '\x93'>, pegtl::string<'\xE2', '\x80', '\x94'>> {};
struct goal_dot : pegtl::sor<pegtl::one<'.', ':'>, pegtl::seq<goal_dash, pegtl::at<blank>>> {};
struct goal_keyword : pegtl::sor<kw<role::goal>, kw<role::benefit_goal>, kw<role::area>> {};
struct goal_title : rest_of_line {};
// ".2" of "1.2" (no blank after the dot: "TAVOITE 1. 2022 alkaen …" is goal 1; "1.2.3" is not read as a
// sub-goal), then an optional dot or colon. Readers act on goal_sub_path, after which nothing can fail.
struct goal_sub_path
    : pegtl::seq<pegtl::one<'.'>, goal_sub_number, pegtl::not_at<pegtl::digit>, pegtl::not_at<pegtl::one<'.'>, pegtl::digit>> {};
template <typename Title>
struct goal_sub_ref : pegtl::seq<goal_sub_path, pegtl::star<blank>, pegtl::opt<goal_dot>, pegtl::star<blank>, Title> {};
// Title is the rule for the title (Markdown's stops before a closing "##").
template <typename Title>
struct goal_ref_with
    : pegtl::sor<pegtl::seq<goal_keyword, pegtl::plus<blank>, goal_number, pegtl::not_at<pegtl::digit>,
                            pegtl::sor<goal_sub_ref<Title>,
                                       // (not "Tavoite 1.2.3": a number the heading forms do not have)
                                       pegtl::seq<pegtl::star<blank>, goal_dot, pegtl::not_at<pegtl::digit>, pegtl::star<blank>, Title>>>,
                 // (not "1. TAVOITE 2. …": an item of a numbered list whose text is a goal reference)
                 pegtl::seq<goal_number, pegtl::one<'.'>, pegtl::plus<blank>, goal_keyword, pegtl::not_at<pegtl::star<blank>, pegtl::digit>,
                            pegtl::opt<pegtl::star<blank>, goal_dot>, pegtl::star<blank>, Title>> {};
struct goal_ref : goal_ref_with<goal_title> {};

}  // namespace planlint::grammar

namespace tao::pegtl {
// The custom rules word, kw, number_word_rule and plural_number consume at least one byte when they succeed.
template <typename Name, planlint::grammar::role R>
struct analyze_traits<Name, planlint::grammar::kw<R>> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, planlint::grammar::word> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, planlint::grammar::number_word_rule> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, planlint::grammar::plural_number> : analyze_any_traits<> {};
// The runs may match nothing, as star does.
template <typename Name>
struct analyze_traits<Name, planlint::grammar::text_run> : analyze_opt_traits<> {};
template <typename Name>
struct analyze_traits<Name, planlint::grammar::text_or_tab_run> : analyze_opt_traits<> {};
}  // namespace tao::pegtl
