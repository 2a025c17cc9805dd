#pragma once
// Error messages of the Markdown grammar, one per error point (used with tao::pegtl::must_if).
#include "grammar/markdown.hpp"

namespace planlint::grammar::markdown {

template <typename>
inline constexpr const char* error_message = nullptr;
template <>
inline constexpr auto error_message<document_end> =
    "unexpected control character; plan text may hold only printable characters, tabs and line ends";

struct errors {
  template <typename Rule>
  static constexpr auto message = error_message<Rule>;
};

}  // namespace planlint::grammar::markdown
