#pragma once
// Rules that every plan-format grammar shares: characters, line ends, words, keywords, numbers and the
// claims a plan makes about itself. No actions here: readers attach them (src/read/).
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

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
struct rest_of_line : pegtl::star<pegtl::sor<text_byte, tab>> {};

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
    const std::size_t n = word_length(in.current(), in.end());
    if (n == 0 || !is_keyword(R, std::string_view(in.current(), n))) return false;
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
    const std::size_t n = word_length(in.current(), in.end());
    if (n == 0 || !number_word_value(std::string_view(in.current(), n))) return false;
    in.bump_in_this_line(n);
    return true;
  }
};

// --- numbers and claims ---------------------------------------------------------------------------------
struct digits : pegtl::seq<pegtl::rep_min_max<1, 4, pegtl::digit>, pegtl::not_at<pegtl::digit>> {};
struct number : pegtl::sor<digits, number_word_rule> {};
struct range_dash : pegtl::sor<pegtl::one<'-'>, pegtl::string<'\xE2', '\x80', '\x93'>,
                               pegtl::string<'\xE2', '\x80', '\x94'>> {};
struct range_min : number {};
struct range_max : number {};
struct count_value : number {};

// "6–12 toimenpidettä", "6-12 measures"
struct measure_range_phrase
    : pegtl::seq<range_min, pegtl::star<blank>, range_dash, pegtl::star<blank>, range_max, pegtl::plus<blank>,
                 kw<role::measure_noun>> {};
// "tavoitteita on kolme", "kolme tavoitetta", "three goals"
struct goal_count_phrase
    : pegtl::sor<pegtl::seq<kw<role::goal_noun>, pegtl::plus<blank>, kw<role::copula>, pegtl::plus<blank>, count_value>,
                 pegtl::seq<count_value, pegtl::plus<blank>, kw<role::goal_noun>>> {};
// A claim is its phrase; readers collect the phrase's parts and commit the claim when the whole matched.
struct measure_range_claim : pegtl::seq<measure_range_phrase> {};
struct goal_count_claim : pegtl::seq<goal_count_phrase> {};
struct claim : pegtl::sor<measure_range_claim, goal_count_claim> {};

// Running text: claims where they stand, otherwise whole words (so a claim starts only at a word start),
// runs of digits, and single characters.
struct inline_text : pegtl::plus<pegtl::sor<claim, word, pegtl::plus<pegtl::digit>, text_byte, tab>> {};

// --- goal references: "TAVOITE 1. title", "TAVOITE 1 . title" ------------------------------------------
struct goal_number : pegtl::rep_min_max<1, 6, pegtl::digit> {};
struct goal_dot : pegtl::one<'.', ':'> {};
struct goal_title : rest_of_line {};
struct goal_ref
    : pegtl::seq<kw<role::goal>, pegtl::plus<blank>, goal_number, pegtl::not_at<pegtl::digit>, pegtl::star<blank>,
                 goal_dot, pegtl::star<blank>, goal_title> {};

}  // namespace planlint::grammar

namespace tao::pegtl {
// The custom rules consume at least one byte when they succeed.
template <typename Name, planlint::grammar::role R>
struct analyze_traits<Name, planlint::grammar::kw<R>> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, planlint::grammar::word> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, planlint::grammar::number_word_rule> : analyze_any_traits<> {};
}  // namespace tao::pegtl
