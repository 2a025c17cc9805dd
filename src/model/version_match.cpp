#include "model/version_match.hpp"

namespace planlint {

const char* to_string(MatchedBy by) {
  switch (by) {
    case MatchedBy::number: return "number";
    case MatchedBy::title: return "title";
    case MatchedBy::exact: return "exact";
    case MatchedBy::similar: return "similar";
    case MatchedBy::unmatched: return "unmatched";
  }
  return "unknown";
}

}  // namespace planlint
