#pragma once
// The InputError for text that a line grammar of PDF-extracted text stopped on: it names the offending
// character, which is the only thing that can stop those grammars (every printable line is some line).
#include <cstddef>

#include "read/source.hpp"

namespace planlint::read {

// `form_feeds`: whether the format allows form feeds (page breaks).
[[noreturn]] void throw_parse_failure(const Source& src, std::size_t stop_byte, bool form_feeds);

}  // namespace planlint::read
