#pragma once
// JSON as planlint writes it (reports, baselines): indented by two spaces, and valid whatever it holds —
// text that is not UTF-8 (a file name in another encoding, issue 20) has its bad bytes written as \xNN
// (utf8::escape_invalid) instead of ending the run in nlohmann's type_error 316.
#include <string>

#include <nlohmann/json.hpp>

#include "text/utf8.hpp"

namespace planlint::io {

namespace detail {
template <typename Json>
void escape_invalid_strings(Json& j) {
  if (j.is_string()) {
    auto& s = j.template get_ref<typename Json::string_t&>();
    if (utf8::first_invalid(s)) s = utf8::escape_invalid(s);
  } else if (j.is_structured()) {
    for (auto& item : j) escape_invalid_strings(item);
  }
}
}  // namespace detail

// Any nlohmann JSON type (json, ordered_json): converting would reorder an ordered document's keys.
// Object keys are planlint's own and always UTF-8; only values are escaped.
template <typename Json>
std::string json_text(const Json& j) {
  try {
    return j.dump(2);
  } catch (const typename Json::type_error&) {
    // Rare (names in another encoding), so the copy is paid only then.
    Json escaped = j;
    detail::escape_invalid_strings(escaped);
    return escaped.dump(2);
  }
}

}  // namespace planlint::io
