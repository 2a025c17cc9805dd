#pragma once
// Valid UTF-8 text as code points, for comparisons that count characters (edit distances).
#include <string>
#include <string_view>

#include "text/utf8.hpp"

namespace planlint::utf8 {

// Into `out`, replacing what it held: a caller decoding text after text reuses one buffer.
inline void code_points_into(std::string_view text, std::u32string& out) {
  out.resize(text.size());  // at most a code point a byte; written in place, without push_back's checks
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) out[n++] = decode(text, i);
  out.resize(n);
}

inline std::u32string code_points(std::string_view text) {
  std::u32string out;
  code_points_into(text, out);
  return out;
}

}  // namespace planlint::utf8
