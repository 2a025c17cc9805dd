#include "check/toml_guard.hpp"

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace planlint::check {
namespace {

// The code point a (possibly malformed) UTF-8 sequence starts with, U+FFFD where it is not well-formed:
// the text is not known to be valid here (toml++ checks that later).
char32_t code_point_at(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || i + length > s.size()) return U'\uFFFD';
  char32_t cp = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (!utf8::is_continuation(b)) return U'\uFFFD';
    cp = (cp << 6) | (b & 0x3F);
  }
  return cp;
}

// Where TOML has a string: a key at the start of a line, after a dot or in a table header; a value after
// "=", in an array or an inline table. Elsewhere a quote is part of a bare token.
bool string_may_start(char previous) {
  return previous == '\n' || previous == '=' || previous == '[' || previous == ',' || previous == '{' || previous == '.';
}

}  // namespace

std::optional<TomlGuardError> non_ascii_outside_strings(std::string_view s) {
  // The lexical states of TOML that matter here: outside, in a comment, in one of the four kinds of string.
  enum class State { outside, comment, basic, literal, multiline_basic, multiline_literal };
  State state = State::outside;
  std::size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::uint32_t line = 1, column = 1;
  char previous = '\n';  // outside strings: the last character that is not a space or tab
  const auto starts = [&](std::string_view token) { return s.substr(i, token.size()) == token; };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t step = 1;
    switch (state) {
      case State::outside:
        if (c >= 0x80) {
          const char32_t cp = code_point_at(s, i);
          return TomlGuardError{fmt::format("U+{:04X} outside a quoted string or comment: TOML allows characters beyond "
                                            "ASCII only in \"strings\" and after #",
                                            static_cast<std::uint32_t>(cp)),
                                SourcePosition{static_cast<std::uint32_t>(i), line, column}};
        }
        if (c == '#') {
          state = State::comment;
        } else if ((c == '"' || c == '\'') && !string_may_start(previous)) {
          // Not a string: toml++ reads the quote as part of a bare value (0"go…) and tests what follows.
        } else if (starts(R"(""")")) {
          state = State::multiline_basic, step = 3;
        } else if (starts("'''")) {
          state = State::multiline_literal, step = 3;
        } else if (c == '"') {
          state = State::basic;
        } else if (c == '\'') {
          state = State::literal;
        }
        if (c != ' ' && c != '\t') previous = static_cast<char>(c);
        break;
      case State::comment:
        if (c == '\n') state = State::outside, previous = '\n';
        break;
      case State::basic:
        if (c == '\\' && i + 1 < s.size() && s[i + 1] != '\n') step = 2;  // an escape: \" does not end it
        else if (c == '"' || c == '\n') state = State::outside, previous = static_cast<char>(c);  // a line break ends it (toml++ reports it)
        break;
      case State::literal:
        if (c == '\'' || c == '\n') state = State::outside, previous = static_cast<char>(c);
        break;
      case State::multiline_basic:
        if (c == '\\' && i + 1 < s.size() && s[i + 1] != '\n') step = 2;
        else if (starts("\"\"\"")) state = State::outside, previous = '"', step = 3;
        break;
      case State::multiline_literal:
        if (starts("'''")) state = State::outside, previous = '\'', step = 3;
        break;
    }
    for (std::size_t k = 0; k < step && i < s.size(); ++k, ++i) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b == '\n') {
        ++line;
        column = 1;
      } else if (!utf8::is_continuation(b)) {
        ++column;
      }
    }
  }
  return std::nullopt;
}

}  // namespace planlint::check
