#pragma once
// JSON as planlint writes it (reports, baselines): indented by two spaces, and valid whatever it holds —
// text that is not UTF-8 (a file name in another encoding, issue 20) has U+FFFD in place of its bad bytes
// instead of ending the run in nlohmann's type_error 316.
#include <string>

#include <nlohmann/json.hpp>

namespace planlint::io {

// Any nlohmann JSON type (json, ordered_json): converting would reorder an ordered document's keys.
template <typename Json>
std::string json_text(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace planlint::io
