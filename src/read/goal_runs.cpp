#include "read/goal_runs.hpp"

#include <algorithm>
#include <array>

#include "grammar/keywords.hpp"

namespace planlint::read {
namespace {

constexpr std::array<std::string_view, 5> separators = {", ", " ja ", " och ", " and ", "; "};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The end of a goal reference's head ("Hyötytavoite 2:", "Tavoite 3 –") at `at`, and its number; 0 if none.
std::size_t head_end(std::string_view t, std::size_t at, int& number) {
  const std::size_t n = grammar::word_length(t.data() + at, t.data() + t.size());
  const std::string_view word = t.substr(at, n);
  if (n == 0 || !(grammar::is_keyword(grammar::role::goal, word) || grammar::is_keyword(grammar::role::benefit_goal, word))) return 0;
  std::size_t i = at + n;
  const std::size_t blanks = i;
  while (i < t.size() && is_blank(t[i])) ++i;
  if (i == blanks) return 0;
  number = 0;
  const std::size_t digits = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i - digits < 6) number = number * 10 + (t[i++] - '0');
  if (i == digits || (i < t.size() && t[i] >= '0' && t[i] <= '9')) return 0;
  while (i < t.size() && is_blank(t[i])) ++i;
  if (i < t.size() && (t[i] == ':' || t[i] == '.')) return i + 1;
  if (t.substr(i, 3) == "\xE2\x80\x93" || t.substr(i, 3) == "\xE2\x80\x94") return i + 3;
  if (i < t.size() && t[i] == '-') return i + 1;
  return 0;
}

}  // namespace

std::vector<InlineGoalRef> inline_goal_refs(std::string_view title) {
  std::vector<InlineGoalRef> out;
  for (const std::string_view sep : separators) {
    for (std::size_t at = title.find(sep); at != std::string_view::npos; at = title.find(sep, at + 1)) {
      std::size_t ref = at + sep.size();
      while (ref < title.size() && is_blank(title[ref])) ++ref;  // a line break after the separator
      int number = 0;
      std::size_t end = head_end(title, ref, number);
      if (end == 0) continue;
      while (end < title.size() && is_blank(title[end])) ++end;
      out.push_back({at, ref, end, number});
    }
  }
  std::sort(out.begin(), out.end(), [](const InlineGoalRef& a, const InlineGoalRef& b) { return a.ref_begin < b.ref_begin; });
  return out;
}

bool ends_in_goal_ref_head(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_blank(text[end - 1])) --end;
  const std::string_view t = text.substr(0, end);
  // The keyword itself at the end, after a separator: its number comes on the next line. (A whole head at
  // the end, ", Hyötytavoite 2:", is one of inline_goal_refs.)
  for (const std::string_view sep : separators) {
    const std::size_t at = t.rfind(sep);
    if (at == std::string_view::npos) continue;
    const std::string_view word = t.substr(at + sep.size());
    if (grammar::is_keyword(grammar::role::goal, word) || grammar::is_keyword(grammar::role::benefit_goal, word)) return true;
  }
  return false;
}

std::size_t run_title_end(std::string_view title, std::size_t begin) {
  std::size_t end = title.size();
  while (end > begin && is_blank(title[end - 1])) --end;
  if (end > begin && title[end - 1] == '.') --end;
  return end;
}

}  // namespace planlint::read
