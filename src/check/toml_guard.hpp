#pragma once
// A guard in front of the TOML library (toml++ 3.3, Debian 12), which reaches __builtin_unreachable —
// undefined behaviour, in practice a crash or worse — when it tests a non-ASCII character for white space:
// at a token's place, inside a bare value, after a line-ending backslash in a """ string (found by
// fuzz-config and by fuzzing this guard with toml++ under UBSan). Rather than follow toml++'s lexer, the
// guard hands it the document in ASCII only: text beyond ASCII in "…" strings as escapes, in comments as
// "?". Where that cannot keep the meaning ('…' strings have no escapes) or TOML forbids the character
// anyway (outside strings; control characters), it refuses the document with the character's position.
// Which text is a string is decided by a small lexer that only has to be right for valid TOML: where it
// is wrong, the document is invalid and toml++, seeing only ASCII, says so safely.
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
