#pragma once
// The document model: what planlint understood of a plan, independent of the format it was read from.
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "grammar/columns.hpp"
#include "model/document_map.hpp"
#include "model/source_range.hpp"

namespace planlint {

// What a table column holds, told by its header (grammar/columns.hpp): measure, indicator, responsible,
// schedule, resources, target, status, or other.
using ColumnRole = grammar::column_role;

// A table cell beyond the measure and indicator columns (e.g. "Vastuutaho", "Aikataulu"). `column` is the
// header cell's text, or empty when the row has more cells than its header; `role` what the header says
// the column holds.
struct ExtraCell {
  std::string_view column;
  Span cell;
  ColumnRole role = ColumnRole::other;
};

struct Measure {
  Span text;                        // the measure cell (the column headed "Toimenpide", or the first)
  std::optional<Span> indicator;    // absent: the row has no indicator cell; empty text: the cell is empty
  std::span<const ExtraCell> extra;  // further cells, in order (kept by the plan: PlanText::keep_cells)
  SourceRange row;                  // the whole row
  double confidence = 1.0;          // 1 for tab-separated drafts; readers of PDF text may be less sure
};

struct Goal {
  int number = 0;                   // a sub-goal's own number: 2 for "Tavoite 1.2"
  Span title;
  SourceRange heading;              // the whole heading line ("TAVOITE 1. …")
  std::vector<Span> header;         // the table's header cells; empty when the table has no header row
  std::vector<ColumnRole> columns;  // what each header cell's column holds (as many as header)
  std::vector<Measure> measures;
  int parent_number = 0;            // a numbered sub-goal's first number ("Tavoite 1.2": 1); 0 for others
  int area = -1;                    // the index in Plan::areas of the area it stands under; -1 for none
  int parent = -1;                  // a sub-goal's: the index in Plan::goals of the goal of its own before it
                                    // in the same area; -1 for others and for a sub-goal of an area
};

// A level above goals that groups them: "PAINOPISTE 1. title", "Painopistealue 2:", "Teema 3 –". The goals
// after its heading, up to the next area's, stand under it.
struct Area {
  int number = 0;
  Span title;
  SourceRange heading;
};

// An item of the plan's overview list of goals ("- TAVOITE 1. title", "- Tavoite 1.2 title").
struct OverviewItem {
  int number = 0;
  Span title;
  SourceRange range;
  int parent_number = 0;  // as Goal::parent_number
};

// "1" for goal 1, "1.2" for sub-goal 2 of 1: how a goal is named in messages.
std::string label_of(int number, int parent_number);
inline std::string label_of(const Goal& g) { return label_of(g.number, g.parent_number); }

// What the plan says about itself, e.g. "tavoitteita on kolme" or "6–12 toimenpidettä".
enum class ClaimKind { goal_count, measure_range };

struct Claim {
  ClaimKind kind = ClaimKind::goal_count;
  int min = 0;  // for goal_count, min == max == the declared number
  int max = 0;
  Span text;    // the words that make the claim
};

// The text a plan's spans view: the document's bytes, and the pieces a reader put together (a cell wrapped
// over several lines of PDF text). Shared by copies of a plan, so that their spans stay valid.
class PlanText {
 public:
  explicit PlanText(std::shared_ptr<const std::string> document = nullptr) : document_(std::move(document)) {}
  // Keeps `text` for as long as the plan lives; the view stays valid (a deque never moves its elements).
  std::string_view keep(std::string text) { return made_.emplace_back(std::move(text)); }
  // Keeps a copy of a row's extra cells, contiguous, for as long as the plan lives. They share large blocks:
  // a vector per row cost an allocation per row, and its header and the allocator's overhead were larger
  // than the one cell most rows have.
  std::span<const ExtraCell> keep_cells(std::span<const ExtraCell> cells);
  const std::shared_ptr<const std::string>& document() const { return document_; }

 private:
  std::shared_ptr<const std::string> document_;
  std::deque<std::string> made_;
  std::vector<std::unique_ptr<ExtraCell[]>> cell_blocks_;  // never moved once allocated
  std::size_t block_size_ = 0;                               // cells in the last block
  std::size_t cells_used_ = 0;                               // of the last block
};

struct Plan {
  std::shared_ptr<PlanText> text = std::make_shared<PlanText>();  // what the spans below view
  std::string file;                  // as given by the user
  std::string format;                // "draft", "markdown", "blocks", "layout"; "docx", "odt", "pdf"
  std::vector<Span> title;           // the document's title lines
  std::optional<Span> status;        // e.g. "LUONNOS" (draft); absent in a final version
  std::vector<OverviewItem> overview;
  std::vector<Area> areas;           // levels above goals, in document order (Goal::area points here)
  std::vector<Goal> goals;
  std::vector<Claim> claims;         // in document order
  // Prose paragraphs, in document order: the text outside the title, the status line, goal headings, goal
  // tables and the overview list. Lines of a paragraph are joined (a draft: lines without a blank line
  // between; PDF text: wrapped lines); a bullet item is a paragraph of its own, without its marker. The
  // text may hold the line breaks of the document between its lines (see docs/diff.md).
  std::vector<Span> paragraphs;
  std::vector<Measure> stray_rows;   // table rows that stand before any goal heading
  std::vector<Span> comments;        // bodies of <!-- … --> comment lines (planlint directives live there)
  // A document that is not text (.docx, .odt, PDF) is read through plan text rendered from it: the spans
  // point into that text, and `locations` says where each piece of it came from (model/document_map.hpp),
  // for diagnostics a user can find. Null for text documents.
  std::shared_ptr<const DocumentMap> locations;
  // Tracked changes the document still holds (it is read as if they were accepted), each described
  // ("insertion \"uusi\" by Matti") and placed at the paragraph or cell it is in.
  std::vector<Span> pending_changes;
};

// Appends a goal read after the plan's last heading: it stands under the last area, and a sub-goal under
// the last goal of its own in that area (sets Goal::area and Goal::parent).
void add_goal(Plan& plan, Goal goal);

// A goal's level, told by its heading's keyword: a plan's goal ("TAVOITE 1.", with a table of measures) or
// a development programme's benefit goal ("Hyötytavoite 1:", whose body is prose).
enum class GoalLevel { goal, benefit_goal };
// A sub-goal ("Tavoite 1.2") has the level of its keyword; its parent_number tells it is a sub-goal.
GoalLevel level_of(const Plan& plan, const Goal& goal);
const char* to_string(GoalLevel level);

// The plan's declared figures: the first claim of each kind, if any.
struct Declared {
  const Claim* goal_count = nullptr;
  const Claim* measure_range = nullptr;
};
Declared declared(const Plan& plan);

const char* to_string(ClaimKind kind);

}  // namespace planlint
