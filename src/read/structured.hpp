#pragma once
// What the readers of documents that are not text (.docx, .odt, PDF) produce: the document's paragraphs,
// list items and tables, exactly as the document holds them, with where each came from. One renderer
// (read/render_structured.hpp) turns it into plan text for the draft grammar, with a DocumentMap back to
// these places; so the PEGTL grammars stay the one definition of headings, claims and table headers, and a
// reader only has to get the document's structure right.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/document_map.hpp"

namespace planlint::read::structured {

// A paragraph outside tables: body text, a heading or a list item. `text` is the paragraph as it reads with
// tracked changes accepted: soft hyphens removed, manual line breaks and tabs as spaces, a numbered
// paragraph's label ("TAVOITE 1.", "2.3") in front of its text as the document shows it.
struct Paragraph {
  std::string text;
  int heading_level = 0;  // 1.. for a heading (style "Heading 2", "Otsikko 2", outline level); 0 otherwise
  int list_level = -1;    // 0.. for a bulleted list item (its nesting); -1: not a list item
  Locator where;          // paragraph (and page, for PDF)
};

// A cell of a table, by the grid column where it starts. A cell merged over several rows appears in each
// of those rows with the same text, and `where` pointing at the row where the merged cell starts: what a
// reader of the document sees in each row is that cell's text.
struct Cell {
  std::string text;     // the cell's paragraphs joined by a space (as `Paragraph::text`)
  std::uint32_t span = 1;  // grid columns it covers
  Locator where;        // table, row, column (and page, for PDF)
};

struct Row {
  std::vector<Cell> cells;  // in column order; a missing cell is absent, not empty
  bool repeated_header = false;  // a header row repeated on a later page (PDF), or marked to repeat
};

struct Table {
  std::vector<Row> rows;
  std::uint32_t number = 0;  // the document's tables, 1-based, in order
};

using Block = std::variant<Paragraph, Table>;

// A comment the author attached to the document (Word's and LibreOffice's comments): a comment whose text
// is a planlint directive ("planlint-disable-next-line rule-id") applies to the place it is anchored at.
struct Comment {
  std::string text;
  Locator anchor;  // the paragraph or cell the comment is attached to
};

// A tracked change not yet accepted or rejected. The document is read as if it were accepted; a rule
// reports that it is still there.
struct PendingChange {
  enum class Kind { insertion, deletion, format } kind = Kind::insertion;
  std::string text;    // the inserted or deleted text (empty for a formatting change)
  std::string author;  // as recorded; may be empty
  Locator where;
};

struct Document {
  std::string kind;  // "docx", "odt", "pdf"
  std::vector<Block> blocks;  // in reading order
  std::vector<Comment> comments;
  std::vector<PendingChange> pending_changes;
};

// Calls `visit` with the text of every paragraph and every cell of `doc` (a Document or a const one), in
// reading order.
template <typename Doc, typename Visit>
void for_each_text(Doc& doc, Visit&& visit) {
  for (auto& b : doc.blocks) {
    if (auto* p = std::get_if<Paragraph>(&b)) {
      visit(p->text);
    } else {
      for (auto& r : std::get<Table>(b).rows) {
        for (auto& c : r.cells) visit(c.text);
      }
    }
  }
}

}  // namespace planlint::read::structured
