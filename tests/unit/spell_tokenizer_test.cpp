// The word tokenizer for spelling (grammar/words.hpp, src/spell/tokenizer.cpp): one test per decision.
#include <catch2/catch.hpp>

#include <tao/pegtl.hpp>
#include <utf8proc.h>

#include "grammar/words.hpp"
#include "spell/tokenizer.hpp"

using namespace planlint;
using namespace planlint::spell;

namespace {

struct T {
  std::string text;
  TokenKind kind;
  bool period;
  friend bool operator==(const T&, const T&) = default;
};

std::vector<T> tokens(std::string_view s) {
  std::vector<T> out;
  for (const Token& t : tokenize(s)) out.push_back(T{std::string(s.substr(t.begin, t.end - t.begin)), t.kind, t.period_follows});
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.emplace_back(s.substr(t.begin, t.end - t.begin));
  return out;
}

}  // namespace

TEST_CASE("tokenizer: Finnish letters belong to words - spaces and punctuation separate them", "[spell][tokenizer]") {
  CHECK(words("Työikäisille espoolaisille, åland!") == std::vector<std::string>{"Työikäisille", "espoolaisille", "åland"});
  CHECK(words("café naïve") == std::vector<std::string>{"café", "naïve"});
  // NFD: a combining diaeresis stays inside its word.
  CHECK(words("Tyo\xCC\x88ika\xCC\x88iset") == std::vector<std::string>{"Tyo\xCC\x88ika\xCC\x88iset"});
}

TEST_CASE("tokenizer: hyphenated compounds are one word - a trailing hyphen stays / a leading one does not", "[spell][tokenizer]") {
  CHECK(words("hyte-painopisteiden LU-sotehankkeen") == std::vector<std::string>{"hyte-painopisteiden", "LU-sotehankkeen"});
  CHECK(words("lasten- ja nuorten") == std::vector<std::string>{"lasten-", "ja", "nuorten"});
  CHECK(words("kertomus -ja suunnitelma") == std::vector<std::string>{"kertomus", "ja", "suunnitelma"});
  CHECK(words("2022 – 2025 — loppu") == std::vector<std::string>{"2022", "2025", "loppu"});  // dashes separate
  CHECK(hyphen_parts("hyte-painopisteiden") == std::vector<std::pair<std::size_t, std::size_t>>{{0, 4}, {5, 19}});
  CHECK(hyphen_parts("lasten-") == std::vector<std::pair<std::size_t, std::size_t>>{{0, 7}});
}

TEST_CASE("tokenizer: slashes / parentheses and quotes separate words", "[spell][tokenizer]") {
  CHECK(words("ja/tai (esim) \"lainaus\" 'yksi' «kaksi»") ==
        std::vector<std::string>{"ja", "tai", "esim", "lainaus", "yksi", "kaksi"});
  CHECK(words("Mittari/ mittarit") == std::vector<std::string>{"Mittari", "mittarit"});
}

TEST_CASE("tokenizer: apostrophes and colons join inside a word", "[spell][tokenizer]") {
  CHECK(tokens("vaa'an STM:n EU:ssa") == std::vector<T>{{"vaa'an", TokenKind::word, false},
                                                          {"STM:n", TokenKind::acronym, false},
                                                          {"EU:ssa", TokenKind::acronym, false}});
  CHECK(words("huom: tämä") == std::vector<std::string>{"huom", "tämä"});  // a colon before a space separates
}

TEST_CASE("tokenizer: a full stop after a word is noted - not included (abbreviations)", "[spell][tokenizer]") {
  CHECK(tokens("esim. mm. loppu.") == std::vector<T>{{"esim", TokenKind::word, true},
                                                       {"mm", TokenKind::word, true},
                                                       {"loppu", TokenKind::word, true}});
}

TEST_CASE("tokenizer: acronyms / numbers and single letters are their own kinds", "[spell][tokenizer]") {
  CHECK(tokens("STM HYTE Hyte a) 2022-2025 covid-19 5G 1,5") ==
        std::vector<T>{{"STM", TokenKind::acronym, false},  {"HYTE", TokenKind::acronym, false},
                       {"Hyte", TokenKind::word, false},    {"a", TokenKind::single, false},
                       {"2022-2025", TokenKind::number, false}, {"covid-19", TokenKind::number, false},
                       {"5G", TokenKind::number, false},    {"1", TokenKind::number, false},
                       {"5", TokenKind::number, false}});
  CHECK(classify("ÄÖ") == TokenKind::acronym);
  CHECK(classify("LU-sotehankkeen") == TokenKind::word);  // mixed: checked part by part
}

TEST_CASE("tokenizer: URLs / e-mail addresses and dotted names are one name token", "[spell][tokenizer]") {
  CHECK(tokens("https://www.espoo.fi/fi/hyte?x=1 www.hel.fi espoo.fi etu.suku@espoo.fi 1.5 ok") ==
        std::vector<T>{{"https://www.espoo.fi/fi/hyte?x=1", TokenKind::name, false},
                       {"www.hel.fi", TokenKind::name, false},
                       {"espoo.fi", TokenKind::name, false},
                       {"etu.suku@espoo.fi", TokenKind::name, false},
                       {"1.5", TokenKind::name, false},
                       {"ok", TokenKind::word, false}});
}

TEST_CASE("words of a verbatim span have exact ranges: offsets in bytes / columns in code points", "[spell][tokenizer]") {
  const std::string source = "xx\nTAVOITE 1. Työkäisille (esim.) työikäisille\n";
  const std::size_t start = source.find("Työkäisille");
  Span span{std::string_view(source).substr(start, source.find('\n', start) - start), {{start, 2, 13}, {source.size() - 1, 2, 13 + 35}}};
  const auto ws = words_of(span, source);
  REQUIRE(ws.size() == 3);
  CHECK(ws[0].text == "Työkäisille");
  CHECK(ws[0].range == SourceRange{{start, 2, 13}, {start + 13, 2, 24}});  // ö and ä are two bytes each
  CHECK(ws[1].text == "esim");
  CHECK(ws[1].range.begin.column == 26);
  CHECK(ws[1].period_follows);
  CHECK(ws[2].range.begin.column == 33);
  CHECK(ws[2].range.end.offset == source.find('\n', start));
  // Without the document the verbatim span alone gives the same ranges.
  CHECK(words_of(span, "")[2].range == ws[2].range);
}

TEST_CASE("words of text joined from several lines are found in the source / hyphenated words too", "[spell][tokenizer]") {
  // A wrapped cell as a PDF reader joins it: "Höydynnetään tietoa hyvinvointia" from three lines, the
  // last word hyphenated by the typesetter.
  const std::string source = "Höydynnetään   \n  tietoa hyvin-\n  vointia loppu\n";
  Span span{"Höydynnetään tietoa hyvinvointia", {{0, 1, 1}, {source.find(" loppu"), 3, 10}}};
  const auto ws = words_of(span, source);
  REQUIRE(ws.size() == 3);
  CHECK(ws[0].range == SourceRange{{0, 1, 1}, {15, 1, 13}});
  CHECK(ws[1].range.begin == SourcePosition{source.find("tietoa"), 2, 3});
  CHECK(ws[1].range.end == SourcePosition{source.find("tietoa") + 6, 2, 9});
  CHECK(ws[2].range.begin == SourcePosition{source.find("hyvin-"), 2, 10});
  CHECK(ws[2].range.end == SourcePosition{source.find(" loppu"), 3, 10});
  // Without the source, such a span's words get the span's range (never a wrong place).
  CHECK(words_of(span, "")[1].range == span.range);
}

TEST_CASE("words of a span from another document: located by the span alone / never past the source", "[spell][tokenizer]") {
  // check NEW --against OLD spells the old version's texts while the new version is the source: an old
  // span may lie past the new document's end (this threw std::out_of_range before).
  const std::string old_text = "Höydynnetään tietoa";
  Span span{old_text, {{9000, 300, 5}, {9000 + old_text.size(), 300, 5 + 19}}};
  const std::string new_source = "TAVOITE 1. Lyhyt\n";
  const auto ws = words_of(span, new_source);
  REQUIRE(ws.size() == 2);
  CHECK(ws[0].range == SourceRange{{9000, 300, 5}, {9000 + 15, 300, 17}});  // ö, ä, ä: two bytes each
  CHECK(ws[1].range == words_of(span, "")[1].range);
  // A joined span (text shorter than its range) past the source's end gets the span's range.
  Span joined{"tietoa hyvinvointia", {{9000, 300, 1}, {9100, 302, 4}}};
  CHECK(words_of(joined, new_source)[1].range == joined.range);
}

TEST_CASE("tokenizer: hostile input is linear and never fails", "[spell][tokenizer]") {
  std::string s;
  for (int i = 0; i < 20000; ++i) s += "a.";
  CHECK(tokenize(s).size() == 1);  // one dotted name
  std::string t(50000, '-');
  CHECK(tokenize(t).empty());
  CHECK(tokenize("\xE2\x80\x99x").size() == 1);
}

TEST_CASE("tokenizer: endings of numbers and symbols are not words", "[spell][tokenizer]") {
  CHECK(tokens("10 000 €:lla 1.–2.-luokkalaisille 5 %:n") ==
        std::vector<T>{{"10", TokenKind::number, false},     {"000", TokenKind::number, false},
                       {":lla", TokenKind::number, false},    {"1", TokenKind::number, true},
                       {"2", TokenKind::number, true},       {".-luokkalaisille", TokenKind::number, false},
                       {"5", TokenKind::number, false},      {":n", TokenKind::number, false}});
}

TEST_CASE("letter: ASCII is decided without utf8proc / as utf8proc's categories would", "[spell][tokenizer][grammar]") {
  for (int c = 1; c < 0x80; ++c) {
    const std::string s(1, static_cast<char>(c));
    tao::pegtl::memory_input in(s, "letter");
    const auto cat = utf8proc_category(c);
    const bool unicode_letter = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                                (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
    INFO("byte " << c);
    CHECK(tao::pegtl::parse<grammar::words::letter>(in) == unicode_letter);
  }
  // Beyond ASCII, utf8proc decides: letters and combining marks are letters, the rest are not.
  for (const std::string s : {"ä", "Ö", "å", "é", "\xCC\x88", "ß"}) {
    tao::pegtl::memory_input in(s, "letter");
    CHECK(tao::pegtl::parse<grammar::words::letter>(in));
  }
  for (const std::string s : {"×", "€", "\xC2\xA0", "–"}) {
    tao::pegtl::memory_input in(s, "letter");
    CHECK_FALSE(tao::pegtl::parse<grammar::words::letter>(in));
  }
}

TEST_CASE("acronyms: ASCII capitals count / a small letter ends it / whatever the script", "[spell][tokenizer]") {
  CHECK(classify("AB") == TokenKind::acronym);
  CHECK(classify("Ab") == TokenKind::word);
  CHECK(classify("aB") == TokenKind::word);
  CHECK(classify("A'B") == TokenKind::acronym);
  CHECK(classify("A-Ä") == TokenKind::acronym);
  CHECK(classify("ÄB:n") == TokenKind::acronym);
  CHECK(classify("ÄBc") == TokenKind::word);
  CHECK(classify("Aä") == TokenKind::word);
}

TEST_CASE("byte classes: each byte in each of a word's eight places is classed as it would be alone", "[spell][tokenizer][grammar]") {
  namespace bytes = grammar::bytes;
  const auto digit = [](unsigned b) { return b >= '0' && b <= '9'; };
  const auto alnum = [&](unsigned b) { return digit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'); };
  // Each byte value in each place, among neighbours that are letters, digits, other ASCII and beyond ASCII.
  for (const unsigned char filler : {'x', '5', ' ', '\xC3', '\xFF', '\x00', '/', ':', '@', '`', '{', '\x7F'}) {
    for (unsigned value = 0; value < 256; ++value) {
      for (unsigned place = 0; place < 8; ++place) {
        char word[8];
        std::fill(word, word + 8, static_cast<char>(filler));
        word[place] = static_cast<char>(value);
        const std::uint64_t x = bytes::load8(word);
        std::uint64_t want_digits = 0, want_alnum = 0;
        for (unsigned k = 0; k < 8; ++k) {
          const auto b = static_cast<unsigned char>(word[k]);
          want_digits |= std::uint64_t{digit(b)} << (8 * k + 7);
          want_alnum |= std::uint64_t{alnum(b)} << (8 * k + 7);
        }
        INFO("value " << value << " in place " << place << " among " << int(filler));
        REQUIRE(bytes::digits(x) == want_digits);
        REQUIRE(bytes::letters_or_digits(x) == want_alnum);
      }
    }
  }
  CHECK(bytes::first_marked(0) == 8);
  CHECK(bytes::first_marked(std::uint64_t{0x80} << 24) == 3);
}

TEST_CASE("alnum_run: matches what plus of alnum_char matches / eight bytes at a time or one", "[spell][tokenizer][grammar]") {
  namespace gw = grammar::words;
  const auto matched = [](auto rule, const std::string& s) {
    tao::pegtl::memory_input in(s, "run");
    const bool ok = tao::pegtl::parse<decltype(rule)>(in);
    return ok ? static_cast<long>(in.current() - s.data()) : -1L;
  };
  CHECK(matched(gw::alnum_run{}, "hyvinvointisuunnitelma2025 ja") == 26);
  CHECK(matched(gw::alnum_run{}, "Ääneläisten-") == 14);  // 14 bytes: ä is a letter beyond ASCII, the run goes on
  CHECK(matched(gw::alnum_run{}, " ja") == -1);
  // Runs of every length across the eight-byte steps, ended by each kind of byte, against the rule it stands for.
  const char* pieces[] = {"a", "Z", "9", "ä", "Ö", "\xCC\x88", "×", "€", "-", "'", ":", ".", " ", "\xC3", "\xFF", "@", "[", "`", "{"};
  std::uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const unsigned letters = next() % 40;
    for (unsigned k = 0; k < letters; ++k) s += "aZ9"[next() % 3];
    for (unsigned n = next() % 6; n-- > 0;) s += pieces[next() % (sizeof pieces / sizeof *pieces)];
    INFO(s);
    REQUIRE(matched(gw::alnum_run{}, s) == matched(tao::pegtl::plus<gw::alnum_char>{}, s));
  }
}

TEST_CASE("classify: a digit anywhere in a word of any length makes it a number", "[spell][tokenizer]") {
  for (std::size_t length = 1; length <= 24; ++length) {
    const std::string letters(length, 'k');
    CHECK(classify(letters) == (length == 1 ? TokenKind::single : TokenKind::word));
    for (std::size_t at = 0; at < length; ++at) {
      std::string w = letters;
      w[at] = '7';
      INFO(w);
      CHECK(classify(w) == TokenKind::number);
    }
  }
  CHECK(classify("hyvinvointisuunnitelma") == TokenKind::word);
  CHECK(classify("Hyvinvointisuunnitelma") == TokenKind::word);
  CHECK(classify("HYVINVOINTISUUNNITELMA") == TokenKind::acronym);
}
