#pragma once
// Text and attribute values in the HTML pages planlint writes (the diff, the findings report, serve's pages).
#include <string>
#include <string_view>

namespace planlint::report {

inline std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace planlint::report
