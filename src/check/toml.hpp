#pragma once
// toml++ (3.3, Debian 12) as planlint builds it: with its assertions compiled out in every build type,
// and never turned into assumptions.
//
// Why: toml++'s assertions state preconditions of its parse functions that its own parser does not
// always establish — fuzz-config reached two: a table header whose key does not begin with a key
// character ("[.a]", in parse_key) and a value that begins with a terminator ("k = [1, }", in
// parse_value). Past them, the parser reports the error itself ("expected bare key starting character").
// Where NDEBUG is set, toml++ instead turns them into __builtin_assume on clang, which makes the same
// input undefined behaviour. Compiling them out everywhere gives the release build's behaviour to the
// sanitizer and fuzz builds too, so that they test what ships. Undefining NDEBUG here only selects
// toml++'s own TOML_ASSERT (it includes <cassert> only when TOML_ASSERT is not defined).
#pragma push_macro("NDEBUG")
#undef NDEBUG
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>
#pragma pop_macro("NDEBUG")
