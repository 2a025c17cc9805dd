#pragma once
#include <string_view>
#include <vector>
#include <string>

namespace planlint::check {

// Shell-style glob over rule ids and paths: `*` any run of characters, `?` one character; for paths,
// `**` also crosses `/` while `*` does not.
bool glob_match(std::string_view pattern, std::string_view text, bool path = false);
bool any_glob_match(const std::vector<std::string>& patterns, std::string_view text, bool path = false);

}  // namespace planlint::check
