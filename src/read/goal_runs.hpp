#pragma once
// Goals named one after another in a sentence: "Hyötytavoite 1: A, Hyötytavoite 2: B ja Hyötytavoite 3: C."
// (a follow-up report restating its programme's goals, seed 003). A heading whose title holds further goal
// references is read as a goal for each, so that each restated title can be compared with the programme's.
#include <cstddef>
#include <string_view>
#include <vector>

namespace planlint::read {

// A goal reference inside a goal heading's title: the previous title ends at `previous_end` (before the
// separator ", " / " ja " / " och " / " and " / "; "), this goal's title runs from `title_begin`.
struct InlineGoalRef {
  std::size_t previous_end = 0;
  std::size_t ref_begin = 0;
  std::size_t title_begin = 0;
  int number = 0;
};

// The references after the first, in order; empty for an ordinary title.
std::vector<InlineGoalRef> inline_goal_refs(std::string_view title);

// Whether `text` ends in a goal keyword after a separator (" ja Hyötytavoite"), its number still to come on
// the next line.
bool ends_in_goal_ref_head(std::string_view text);

// Where the title of the last goal of a run ends: before a closing full stop.
std::size_t run_title_end(std::string_view title, std::size_t begin);

}  // namespace planlint::read
