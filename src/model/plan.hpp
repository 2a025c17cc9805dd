#pragma once
// The document model: what planlint understood of a plan, independent of the format it was read from.
#include <optional>
#include <string>
#include <vector>

#include "model/source_range.hpp"

namespace planlint {

// A table cell beyond the measure and indicator columns (e.g. "Vastuutaho", "Aikataulu"). `column` is the
// header cell's text, or empty when the row has more cells than its header.
struct ExtraCell {
  std::string column;
  Span cell;
};

struct Measure {
  Span text;                        // the measure cell ("Toimenpide")
  std::optional<Span> indicator;    // absent: the row has no indicator cell; empty text: the cell is empty
  std::vector<ExtraCell> extra;     // further cells, in order
  SourceRange row;                  // the whole row
  double confidence = 1.0;          // 1 for tab-separated drafts; readers of PDF text may be less sure
};

struct Goal {
  int number = 0;
  Span title;
  SourceRange heading;              // the whole heading line ("TAVOITE 1. …")
  std::vector<Span> header;         // the table's header cells; empty when the table has no header row
  std::vector<Measure> measures;
};

// An item of the plan's overview list of goals ("- TAVOITE 1. title").
struct OverviewItem {
  int number = 0;
  Span title;
  SourceRange range;
};

// What the plan says about itself, e.g. "tavoitteita on kolme" or "6–12 toimenpidettä".
enum class ClaimKind { goal_count, measure_range };

struct Claim {
  ClaimKind kind = ClaimKind::goal_count;
  int min = 0;  // for goal_count, min == max == the declared number
  int max = 0;
  Span text;    // the words that make the claim
};

struct Plan {
  std::string file;                  // as given by the user
  std::string format;                // "draft", "blocks", "layout"
  std::vector<Span> title;           // the document's title lines
  std::optional<Span> status;        // e.g. "LUONNOS" (draft); absent in a final version
  std::vector<OverviewItem> overview;
  std::vector<Goal> goals;
  std::vector<Claim> claims;         // in document order
  std::vector<Measure> stray_rows;   // table rows that stand before any goal heading
  std::vector<Span> comments;        // bodies of <!-- … --> comment lines (planlint directives live there)
};

// The plan's declared figures: the first claim of each kind, if any.
struct Declared {
  const Claim* goal_count = nullptr;
  const Claim* measure_range = nullptr;
};
Declared declared(const Plan& plan);

const char* to_string(ClaimKind kind);

}  // namespace planlint
