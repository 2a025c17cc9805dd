#pragma once
// The words reports put around the rules' messages, in the messages' language ("en" or "fi",
// check::message_language_of). The messages themselves come from the rule files (`message fi "…"`).
#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "model/finding.hpp"

namespace planlint::report {

// `en` or `fi`, by the language.
inline std::string_view worded(std::string_view language, std::string_view en, std::string_view fi) {
  return language == "fi" ? fi : en;
}

// "1 warning", "2 warnings"; in Finnish the form after other numbers is the partitive: "2 varoitusta".
inline std::string counted(std::size_t n, std::string_view one, std::string_view other) {
  return fmt::format("{} {}", n, n == 1 ? one : other);
}

// A severity as a reader of the HTML report reads it ("virhe"); text output keeps gcc's "error:".
inline std::string_view severity_word(Severity s, std::string_view language) {
  switch (s) {
    case Severity::error: return worded(language, "error", "virhe");
    case Severity::warning: return worded(language, "warning", "varoitus");
    case Severity::info: return worded(language, "info", "huomautus");
  }
  return "";
}

}  // namespace planlint::report
