#pragma once
// A guard in front of the TOML library (toml++ 3.3, Debian 12): it reaches __builtin_unreachable — undefined
// behaviour, in practice a crash or worse — when a non-ASCII character stands where it expects a token
// (found by fuzz-config: "\uFCFF r"; 'ä' at the start of a line does it too). TOML allows non-ASCII text
// only inside strings and comments, so such a document is invalid anyway: this finds the first such
// character and says so, before toml++ sees the text.
#include <optional>
#include <string>
#include <string_view>

#include "model/source_range.hpp"

namespace planlint::check {

struct TomlGuardError {
  std::string message;
  SourcePosition where;  // line and column (code points) of the character
};

struct TomlGuardResult {
  std::optional<TomlGuardError> error;
  std::string ascii;  // without an error: the same document in ASCII only, for toml++
};

// Refuses the first character outside strings and comments that is not ASCII, a control character but tab
// and line ends anywhere, and text beyond ASCII in '…' strings (which have no escapes); otherwise gives
// the document with every other character beyond ASCII written as an escape (\uXXXX) in its "…" string
// or as "?" in its comment, so that toml++ never sees one (on some it reaches undefined behaviour, inside
// strings too). Lines stay where they were; columns after an escape move on. A byte-order mark at the very
// start is dropped.
TomlGuardResult make_toml_safe(std::string_view toml_text);

// make_toml_safe(toml_text).error
std::optional<TomlGuardError> non_ascii_outside_strings(std::string_view toml_text);

}  // namespace planlint::check
