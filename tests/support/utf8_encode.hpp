#pragma once
// UTF-8 encoding for tests that build texts from code points (the library only decodes).
#include <string>

#include "text/utf8_encode.hpp"

namespace planlint::test {

inline std::string utf8_of(char32_t cp) { return utf8::encode(cp); }

inline std::string utf8_of(const std::u32string& s) {
  std::string out;
  for (const char32_t c : s) out += utf8_of(c);
  return out;
}

}  // namespace planlint::test
