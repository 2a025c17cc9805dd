#pragma once
// A hash map keyed by strings that is looked up by views, without building a std::string for each lookup
// (a word looked up per token: the allocation was a tenth of a spelling check with its cache warm).
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace planlint::text {

struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, TransparentStringHash, std::equal_to<>>;

}  // namespace planlint::text
