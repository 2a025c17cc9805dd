#pragma once
// A Catch2 counterpart of PEGTL's internal verify_rule: does Rule match `input`, and how many bytes does
// it consume? Grammar rules are tested one by one with it, without actions.
#include <optional>
#include <string>
#include <string_view>

#include <tao/pegtl.hpp>

namespace planlint::test {

// Bytes consumed when Rule matches at the start of `input`, nullopt when it does not match.
// A parse_error (a must<> error point) is rethrown for tests of error points.
template <typename Rule>
std::optional<std::size_t> consumed(std::string_view input) {
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::eager, tao::pegtl::eol::lf_crlf> in(input.data(), input.size(), "test");
  if (!tao::pegtl::parse<Rule>(in)) return std::nullopt;
  return static_cast<std::size_t>(in.current() - input.data());
}

template <typename Rule>
bool matches_whole(std::string_view input) {
  const auto n = consumed<Rule>(input);
  return n && *n == input.size();
}

}  // namespace planlint::test
