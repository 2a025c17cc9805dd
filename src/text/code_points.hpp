#pragma once
// Valid UTF-8 text as code points, for comparisons that count characters (edit distances).
#include <string>
#include <string_view>

#include "text/utf8.hpp"

namespace planlint::utf8 {

inline std::u32string code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) out.push_back(decode(text, i));
  return out;
}

}  // namespace planlint::utf8
