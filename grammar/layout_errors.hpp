#pragma once
// Error messages of the layout-text grammar, one per error point (used with tao::pegtl::must_if).
#include "grammar/layout.hpp"

namespace planlint::grammar::layout {

template <typename>
inline constexpr const char* error_message = nullptr;
template <>
inline constexpr auto error_message<document_end> =
    "unexpected control character; layout text may hold only printable characters, tabs, form feeds and line ends";

struct errors {
  template <typename Rule>
  static constexpr auto message = error_message<Rule>;
};

}  // namespace planlint::grammar::layout
