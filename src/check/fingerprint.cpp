#include "check/fingerprint.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace planlint::check {
namespace {

// Long texts (a whole paragraph) are cut: the key stays readable in a baseline, and equal beginnings are
// told apart by the occurrence index.
constexpr std::size_t max_code_points = 120;

std::string key_text(std::string_view s) {
  std::string t = text::normalize(s);
  std::size_t i = 0, n = 0;
  while (i < t.size() && n < max_code_points) {
    utf8::decode(t, i);
    ++n;
  }
  if (i < t.size()) t = t.substr(0, i) + "…";
  return t;
}

std::string_view slice(std::string_view document, const SourceRange& r) {
  if (r.begin.offset >= r.end.offset || r.end.offset > document.size()) return {};
  return document.substr(r.begin.offset, r.end.offset - r.begin.offset);
}

// The goal whose part of the document (from its heading to the next goal's) holds `offset`: the last one
// whose heading starts at or before it, before the first that starts after it. Headings lie in document
// order, so that is a binary search (a linear walk per finding was quadratic: 8,000 findings in a plan of
// 10,000 goals); `sorted` says whether they do, and the walk stays for a reader that gave them otherwise.
const Goal* goal_at(const Plan& plan, std::uint32_t offset, bool sorted) {
  const auto starts_by = [&](const Goal& g) { return g.heading.begin.offset <= offset; };
  const auto after = sorted ? std::partition_point(plan.goals.begin(), plan.goals.end(), starts_by)
                            : std::find_if_not(plan.goals.begin(), plan.goals.end(), starts_by);
  return after == plan.goals.begin() ? nullptr : &*std::prev(after);
}

const Measure* measure_at(const Goal& goal, std::uint32_t offset) {
  // Rows are in document order: the last one that starts at or before `offset`, if it reaches it.
  const auto after = std::partition_point(goal.measures.begin(), goal.measures.end(),
                                          [&](const Measure& m) { return m.row.begin.offset <= offset; });
  if (after == goal.measures.begin()) return nullptr;
  const Measure& m = *std::prev(after);
  return offset < m.row.end.offset || offset == m.row.begin.offset ? &m : nullptr;
}

void fnv1a(std::uint64_t& h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
}

}  // namespace

void attach_context(const Plan& plan, std::string_view document, std::vector<Finding>& findings) {
  const bool sorted = std::is_sorted(plan.goals.begin(), plan.goals.end(), [](const Goal& a, const Goal& b) {
    return a.heading.begin.offset < b.heading.begin.offset;
  });
  for (Finding& f : findings) {
    FindingContext c;
    const Goal* goal = f.range == SourceRange{} ? nullptr : goal_at(plan, f.range.begin.offset, sorted);
    const Measure* measure = goal ? measure_at(*goal, f.range.begin.offset) : nullptr;
    if (goal) c.goal = key_text(goal->title.text);
    if (measure) c.measure = key_text(measure->text.text);
    // The heading holds the goal's number, which reordering changes; the goal's title already says it.
    const bool whole = (goal && f.range == goal->heading) || (measure && f.range == measure->row);
    if (!whole) c.text = key_text(slice(document, f.range));
    f.context = std::move(c);
  }
}

std::vector<FingerprintParts> fingerprint_parts(const std::vector<Finding>& findings) {
  std::vector<FingerprintParts> out;
  out.reserve(findings.size());
  std::map<std::pair<std::string, FingerprintParts>, std::size_t> seen;
  for (const Finding& f : findings) {
    FingerprintParts p{f.rule, f.context, 0};
    std::size_t& n = seen[{f.file, p}];
    p.occurrence = n++;
    out.push_back(std::move(p));
  }
  return out;
}

std::string fingerprint_hash(std::string_view document, const FingerprintParts& parts) {
  std::uint64_t h = 14695981039346656037ull;
  // Each field with its length, so that no two different lists of fields hash the same text.
  for (std::string_view field : {document, std::string_view(parts.rule), std::string_view(parts.context.goal),
                                 std::string_view(parts.context.measure), std::string_view(parts.context.text)}) {
    fnv1a(h, fmt::format("{}:", field.size()));
    fnv1a(h, field);
  }
  fnv1a(h, fmt::format("#{}", parts.occurrence));
  return fmt::format("{:016x}", h);
}

}  // namespace planlint::check
