#pragma once
// Renderers of `planlint diff`, one file each: text (terminal, git), markdown (pull-request comments),
// html (one self-contained page), json (a flat list of changes for scripts).
#include <string>

#include "diff/plan_diff.hpp"

namespace planlint::report {

struct DiffTextOptions {
  bool color = false;
  std::vector<std::string> notes;  // lines after the ---/+++ header, e.g. "new file" (git driver)
};

std::string diff_text(const diff::PlanDiff& d, const DiffTextOptions& options);
std::string diff_markdown(const diff::PlanDiff& d);
std::string diff_html(const diff::PlanDiff& d);
std::string diff_json(const diff::PlanDiff& d);

// "goals: 0 added, 0 removed, 2 renamed; measures: 1 added, …": the first line of text and markdown.
std::string diff_summary(const diff::PlanDiff& d);

// What a change is about, for labels: "title", "measure", "indicator", "status", … (paragraph changes:
// "added", "removed", "modified", "reordered", under a heading of their own)
std::string change_label(const diff::Change& c);

// The changes of the plan as a whole (status, declared figures, title), and those of its prose
// paragraphs, each reported in a section of their own (indices into `changes`, in order).
std::vector<std::size_t> plan_changes(const diff::PlanDiff& d);
std::vector<std::size_t> paragraph_changes(const diff::PlanDiff& d);

// Where a part of a version is, for a report's position column: its line ("43"), or in a document that is
// not text (.docx, .odt, PDF) its place ("table 1, row 9, column 1").
std::string place_in(const Plan& plan, const SourceRange& r);
// The same for one side of a change (`old_side`: of the old version); "-" or `none` when there is no side.
std::string side_place(const diff::PlanDiff& d, const std::optional<diff::Side>& s, bool old_side, std::string_view none = "-");

// The goal's heading for section titles: "TAVOITE 3. <new title>" (old title for a removed goal).
std::string goal_heading(const diff::GoalPair& g);

}  // namespace planlint::report
