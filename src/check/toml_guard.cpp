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

// Whether `previous` ends a bare token that a character right after it (no space between) continues:
// toml++ scans a bare value up to white space or one of ] } , # and tests every character on the way. A
// closing quote, a bracket, brace or comma and the start of a line are not part of one.
bool glued(char previous) {
  return previous != '\n' && previous != '"' && previous != '\'' && previous != '[' &&
         previous != ']' && previous != '{' && previous != '}' && previous != ',' && previous != '=';
}

}  // namespace

TomlGuardResult make_toml_safe(std::string_view s) {
  std::string ascii;
  ascii.reserve(s.size() + s.size() / 8);
  // The lexical states of TOML that matter here: outside, in a comment, in one of the four kinds of string.
  enum class State { outside, comment, basic, literal, multiline_basic, multiline_literal };
  State state = State::outside;
  std::size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte-order mark, dropped
  std::uint32_t line = 1, column = 1;
  char previous = '\n';  // outside strings: the last character but spaces and tabs ('\n' at a line's start)
  bool spaced = false;    // whether spaces or tabs came after it
  bool value_side = false;  // after the line's first "=": bare text there is a value, scanned to , ] } # or space
  std::size_t depth = 0;    // open brackets and braces
  const auto starts = [&](std::string_view token) { return s.substr(i, token.size()) == token; };
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t step = 1;
    // TOML allows no control character but tab and line ends anywhere, not even in strings or comments;
    // toml++ asserts (undefined behaviour in a release build) on some, e.g. in a table header.
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return TomlGuardResult{TomlGuardError{fmt::format("control character U+{:04X}: TOML allows none but tab and line ends (in a string, "
                                        "write it as an escape such as \\u{:04X})",
                                        static_cast<unsigned>(c), static_cast<unsigned>(c)),
                            SourcePosition{static_cast<std::uint32_t>(i), line, column}}, {}};
    }
    if (c >= 0x80 && state != State::outside) {
      // In a string or comment: toml++ gets it as an escape (or, in a comment, as "?"), so that it never
      // sees a character beyond ASCII at all; a literal string has no escapes.
      const char32_t cp = code_point_at(s, i);
      const std::size_t length = utf8::sequence_length(c);
      if (cp == U'\uFFFD' && s.substr(i, 3) != "\xEF\xBF\xBD") {
        return TomlGuardResult{TomlGuardError{"not valid UTF-8", SourcePosition{static_cast<std::uint32_t>(i), line, column}}, {}};
      }
      if (state == State::literal || state == State::multiline_literal) {
        return TomlGuardResult{TomlGuardError{fmt::format("U+{:04X} in a '…' string: write text beyond ASCII in a \"…\" string",
                                          static_cast<std::uint32_t>(cp)),
                              SourcePosition{static_cast<std::uint32_t>(i), line, column}}, {}};
      }
      if (state == State::comment) ascii += '?';
      else ascii += cp > 0xFFFF ? fmt::format("\\U{:08X}", static_cast<std::uint32_t>(cp)) : fmt::format("\\u{:04X}", static_cast<std::uint32_t>(cp));
      i += length;
      ++column;
      continue;
    }
    switch (state) {
      case State::outside:
        if (c >= 0x80) {
          const char32_t cp = code_point_at(s, i);
          return TomlGuardResult{TomlGuardError{fmt::format("U+{:04X} outside a quoted string or comment: TOML allows characters beyond "
                                            "ASCII only in \"strings\" and after #",
                                            static_cast<std::uint32_t>(cp)),
                                SourcePosition{static_cast<std::uint32_t>(i), line, column}}, {}};
        }
        if (c == '#') {
          state = State::comment;
        } else if ((c == '"' || c == '\'') && !string_may_start(previous)) {
          // Not a string: toml++ reads the quote as part of a bare value (0"go…) and tests what follows.
          previous = 'x';
          spaced = false;
          break;
        } else if (starts(R"(""")")) {
          state = State::multiline_basic, step = 3;
        } else if (starts("'''")) {
          state = State::multiline_literal, step = 3;
        } else if (c == '"') {
          state = State::basic;
        } else if (c == '\'') {
          state = State::literal;
        }
        if (c == ' ' || c == '\t') {
          spaced = true;
        } else if ((c == '=' || c == '[' || c == '{' || c == '.') && value_side && !spaced && glued(previous)) {
          previous = 'x';  // inside a bare value ("x[", "1."): what follows is still that value for toml++
        } else {
          if (c == '=') value_side = true;  // the first "=" of a line ends its key (dots there join keys)
          if (c == '[' || c == '{') ++depth;
          if ((c == ']' || c == '}') && depth > 0) --depth;
          if (c == '\n' && depth == 0) value_side = false;  // an array or inline table goes on over lines
          previous = static_cast<char>(c);
          spaced = false;
        }
        break;
      case State::comment:
        if (c == '\n') state = State::outside, previous = '\n', value_side = value_side && depth > 0;  // a comment ends only there
        break;
      case State::basic:
      case State::multiline_basic:
        // An escape: \" does not end the string. A backslash before a character beyond ASCII is no escape
        // TOML has, and toml++ tests that character for white space (a line-ending backslash).
        if (c == '\\' && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80) {
          return TomlGuardResult{TomlGuardError{fmt::format("\\ before U+{:04X} in a string: not an escape TOML has", static_cast<std::uint32_t>(code_point_at(s, i + 1))),
                                SourcePosition{static_cast<std::uint32_t>(i), line, column}}, {}};
        }
        if (state == State::multiline_basic) {
          // A line-ending backslash: toml++ skips the white space and line breaks after it and tests the
          // next character for white space, which must therefore be ASCII.
          if (c == '\\' && i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\r' || s[i + 1] == '\n')) {
            std::size_t j = i + 1;
            while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) ++j;
            if (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) {
              return TomlGuardResult{TomlGuardError{fmt::format("U+{:04X} right after a line-ending backslash in a \"\"\" string: begin the "
                                                "line with an ASCII character",
                                                static_cast<std::uint32_t>(code_point_at(s, j))),
                                    SourcePosition{static_cast<std::uint32_t>(i), line, column}}, {}};
            }
          }
          if (c == '\\' && i + 1 < s.size() && s[i + 1] != '\n') step = 2;
          else if (starts("\"\"\"")) state = State::outside, previous = '"', step = 3;
          break;
        }
        if (c == '\\' && i + 1 < s.size() && s[i + 1] != '\n') step = 2;  // an escape: \" does not end it
        else if (c == '"' || c == '\n') state = State::outside, previous = static_cast<char>(c), value_side = value_side && (c != '\n' || depth > 0);
        break;
      case State::literal:
        if (c == '\'' || c == '\n') state = State::outside, previous = static_cast<char>(c), value_side = value_side && (c != '\n' || depth > 0);
        break;
      case State::multiline_literal:
        if (starts("'''")) state = State::outside, previous = '\'', step = 3;
        break;
    }
    for (std::size_t k = 0; k < step && i < s.size(); ++k, ++i) {
      const auto b = static_cast<unsigned char>(s[i]);
      ascii += static_cast<char>(b);
      if (b == '\n') {
        ++line;
        column = 1;
      } else if (!utf8::is_continuation(b)) {
        ++column;
      }
    }
  }
  return TomlGuardResult{std::nullopt, std::move(ascii)};
}

std::optional<TomlGuardError> non_ascii_outside_strings(std::string_view s) { return make_toml_safe(s).error; }

}  // namespace planlint::check
