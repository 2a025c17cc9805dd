#pragma once
// Words of running text, for spelling (src/spell/tokenizer.cpp attaches the actions). The decisions,
// documented for users in docs/rule-language.md ("Spelling"):
// - A word is letters and digits (any Unicode letter: ä, ö, å, é …), joined inside by hyphens
//   ("hyte-painopisteiden"), apostrophes ("vaa'an") and colons ("STM:n", a case ending of an abbreviation).
// - A hyphen at the end of a word belongs to it ("lasten- ja nuorten": "lasten-"); one at its start does
//   not ("-ja": "ja").
// - A full stop right after a word is noted (period_follows), so that "esim." and "mm." can be checked as
//   abbreviations; it is not part of the word's range.
// - Words joined by full stops without spaces ("espoo.fi", "1.5") are names or numbers: one token, not
//   checked. So are URLs ("https://…", "www.…") and e-mail addresses (a word followed by '@').
// - A case ending after a colon that follows no letter ("10 000 €:lla") and an ordinal's compound
//   ("2.-luokkalaisille") belong to the number or symbol before them: not checked.
// - Everything else (spaces, slashes, parentheses, quotes, dashes, punctuation) separates words.
#include <tao/pegtl.hpp>
#include <utf8proc.h>

#include "grammar/byte_classes.hpp"

namespace planlint::grammar::words {
using namespace tao::pegtl;

// A Unicode letter or combining mark (category L* or M*), decoded from UTF-8. Custom rule: consumes one
// code point or nothing.
struct letter {
  using rule_t = letter;
  using subs_t = empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    if (in.empty()) return false;
    // ASCII, most of a Finnish text, is decided here: utf8proc's lookup costs a few hundred instructions.
    if (const auto byte = static_cast<unsigned char>(in.peek_char()); byte < 0x80) {
      if (!((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z')) return false;
      in.bump_in_this_line(1);
      return true;
    }
    // Latin-1 letters (C3 80–BF, U+00C0–U+00FF: all letters but × and ÷), the ä and ö of Finnish and the å
    // of Swedish, are decided here too.
    if (in.size(2) >= 2 && static_cast<unsigned char>(in.peek_char()) == 0xC3) {
      const auto tail = static_cast<unsigned char>(in.peek_char(1));
      if (tail >= 0x80 && tail <= 0xBF && tail != 0x97 && tail != 0xB7) {
        in.bump_in_this_line(2);
        return true;
      }
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(in.current()),
                                    static_cast<utf8proc_ssize_t>(in.size(4)), &cp);
    if (n <= 0) return false;
    const auto cat = utf8proc_category(cp);
    const bool is_letter = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                           (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
    if (!is_letter) return false;
    in.bump_in_this_line(static_cast<std::size_t>(n));
    return true;
  }
};

struct alnum_char : sor<letter, digit> {};
// plus<alnum_char>, matched a run of ASCII letters and digits at a time, eight bytes a step: the same
// match, without the attempt of each rule per byte (the run of a word's letters was a third of the
// tokenizer's instructions).
struct alnum_run {
  using rule_t = alnum_run;
  using subs_t = empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* const start = in.current();
    do {
      in.bump_in_this_line(ascii_alnum_length(in.current(), in.end()));
    } while (letter::match(in));  // a letter beyond ASCII goes on with the run; anything else ends it
    return in.current() != start;
  }
  // How many bytes from `p` on are ASCII letters and digits.
  static std::size_t ascii_alnum_length(const char* const p, const char* const end) {
    const char* q = p;
    for (; end - q >= 8; q += 8) {
      if (const std::uint64_t other = ~bytes::letters_or_digits(bytes::load8(q)) & (bytes::ones * 128)) {
        return static_cast<std::size_t>(q - p) + bytes::first_marked(other);
      }
    }
    while (q != end && (bytes::letters_or_digits(static_cast<unsigned char>(*q)) & 0x80) != 0) ++q;
    return static_cast<std::size_t>(q - p);
  }
};

// Inside a word: '-', ''', '’' (U+2019), ':' and the non-breaking hyphen U+2011, each between two letters
// or digits.
struct joiner : sor<one<'-', '\'', ':'>, string<'\xE2', '\x80', '\x99'>, string<'\xE2', '\x80', '\x91'>> {};
struct word_body : seq<alnum_run, star<joiner, alnum_run>> {};
struct trailing_hyphen : seq<one<'-'>, not_at<alnum_char>> {};

struct non_space : seq<not_at<one<' ', '\t', '\n', '\r'>>, any> {};
struct url_start : sor<istring<'h', 't', 't', 'p', 's', ':', '/', '/'>, istring<'h', 't', 't', 'p', ':', '/', '/'>,
                       istring<'w', 'w', 'w', '.'>> {};
struct url : seq<url_start, star<non_space>> {};
// What follows a word body decides what it starts (matched once, not once per alternative: the
// tokenizer's time went mostly to matching each word three times):
// - words joined by full stops and followed by '@' start an address: the whole run up to white space;
struct email_rest : seq<star<one<'.'>, word_body>, one<'@'>, star<non_space>> {};
// - "espoo.fi", "1.5", "v.2023": word bodies joined by full stops;
struct dotted_rest : plus<one<'.'>, word_body> {};
// - else a word.
struct word_rest : opt<trailing_hyphen> {};
struct word_led : seq<word_body, sor<email_rest, dotted_rest, word_rest>> {};

// Endings that belong to a number or a symbol before them: "€:lla", "5 %:n", and ordinal compounds
// "2.-luokkalaisille". Not words of their own: one token, not checked.
struct symbol_ending : seq<one<':'>, word_body> {};
struct ordinal_tail : seq<one<'.'>, one<'-'>, word_body> {};

struct token : sor<url, word_led, symbol_ending, ordinal_tail> {};
struct separator : seq<not_at<alnum_char>, any> {};
// Blanks start no token: passed over before the token's alternatives are tried (a blank between two words
// tried every one of them).
struct blanks : plus<one<' ', '\t', '\n', '\r'>> {};
struct text : star<sor<blanks, token, separator>> {};

}  // namespace planlint::grammar::words
