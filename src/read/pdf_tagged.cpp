#include "read/pdf_tagged.hpp"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <StructElement.h>
#include <StructTreeRoot.h>
#include <UTF.h>
#include <goo/gmem.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "read/pdf_marked_text.hpp"
#include "read/pdf_text.hpp"
#include "text/utf8_encode.hpp"

namespace planlint::read::pdf {

namespace {

using structured::Cell;
using structured::Document;
using structured::Paragraph;
using structured::Row;
using structured::Table;

// A PDF text string (an ActualText) as UTF-8. poppler decodes it (UTF-16 after a byte-order mark,
// PDFDocEncoding otherwise); a byte PDFDocEncoding leaves undefined (0) is dropped, and what is not a
// Unicode scalar value becomes U+FFFD.
std::string text_string(const GooString& s) {
  Unicode* code_points = nullptr;
  const int n = TextStringToUCS4(s.toStr(), &code_points);
  std::string out;
  for (int i = 0; i < n; ++i) {
    const Unicode c = code_points[i];
    if (c == 0) continue;
    out += utf8::encode(c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  gfree(code_points);
  return out;
}

// The text an element stands for in place of what it draws (its ActualText), if it has one.
std::optional<std::string> actual_text(const StructElement& e) {
  const GooString* raw = e.getActualText();
  if (!raw) return std::nullopt;
  return text_string(*raw);
}

// The 1-based page an element names (its own /Pg or an ancestor's); 0: none.
int named_page(const StructElement& e, PDFDoc& doc) {
  Ref ref;
  if (!e.getPageRef(ref)) return 0;
  return std::max(0, doc.findPage(ref));
}

using Type = StructElement::Type;

int heading_level(Type t) {
  switch (t) {
    case Type::H: case Type::H1: return 1;
    case Type::H2: return 2;
    case Type::H3: return 3;
    case Type::H4: return 4;
    case Type::H5: return 5;
    case Type::H6: return 6;
    default: return 0;
  }
}

// Elements that only group others: their children are the blocks.
bool is_grouping(Type t) {
  switch (t) {
    case Type::Document: case Type::Part: case Type::Art: case Type::Sect: case Type::Div: case Type::NonStruct:
    case Type::Private: case Type::BlockQuote: case Type::TOC: case Type::TOCI: case Type::Index:
      return true;
    default:
      return false;
  }
}

// Figures and formulas: their text (if any) is not prose of the plan.
bool is_skipped(Type t) { return t == Type::Figure || t == Type::Formula || t == Type::Form; }

// An element's children, in order (none for marked content).
std::vector<const StructElement*> children_of(const StructElement& e) {
  std::vector<const StructElement*> out;
  for (unsigned i = 0; i < e.getNumChildren(); ++i) {
    if (const StructElement* c = e.getChild(static_cast<int>(i)); c && c->isOk()) out.push_back(c);
  }
  return out;
}

// A table cell's span (RowSpan or ColSpan), 1 where the cell does not say; at most `limit`.
unsigned span_of(const StructElement& cell, Attribute::Type which, unsigned limit) {
  const Attribute* a = cell.findAttribute(which, false, Attribute::UnknownOwner);
  if (!a || !a->getValue()->isInt()) return 1;
  return static_cast<unsigned>(std::clamp(a->getValue()->getInt(), 1, static_cast<int>(limit)));
}

class TreeReader {
 public:
  TreeReader(Document& out, PDFDoc& doc) : out_(out), doc_(doc), marked_(doc) {}

  void blocks(const std::vector<const StructElement*>& elements, int depth) {
    if (depth > 100) return;  // a hostile tree: deeper than any document
    for (const StructElement* e : elements) block(*e, depth);
  }

 private:
  // The text of one piece of marked content; an object reference (a link's annotation) has none.
  // Its lines (MarkedText breaks them where the baseline moves) joined as a paragraph's lines are, white
  // space collapsed. Without a page named (its own /Pg or an ancestor's), poppler looks on every page: so
  // does MarkedText.
  std::string own_text(const StructElement& e) {
    if (e.getType() != Type::MCID) return {};
    const int page = named_page(e, doc_);
    if (only_page_ != 0 && page != 0 && page != only_page_) return {};
    std::string_view text = marked_.text(page, e.getMCID());
    std::string joined;
    while (!text.empty()) {
      const std::size_t end = std::min(text.find('\n'), text.size());
      join_line(joined, collapse_spaces(clean_word(text.substr(0, end))));
      text.remove_prefix(std::min(end + 1, text.size()));
    }
    return joined;
  }

  // The text under an element, its pieces of marked content (one per line of a paragraph) joined as
  // lines are (pdf_text.hpp: a space at a wrap, a line-end hyphen decided); poppler's own recursive text
  // glues them without a space.
  void gather_text(const StructElement& parent, std::string& text, int depth) {
    if (depth > 100) return;
    for (const StructElement* e : children_of(parent)) {
      if (e->isContent()) {
        join_line(text, own_text(*e));
      } else if (const std::optional<std::string> actual = actual_text(*e)) {
        text += *actual;  // "-" drawn for a soft hyphen that broke the line (LibreOffice): U+00AD, join_line drops it
      } else {
        gather_text(*e, text, depth + 1);
      }
    }
  }

  std::string text_under(const StructElement& e) {
    if (e.isContent()) return own_text(e);
    std::string text;
    gather_text(e, text, 0);
    return collapse_spaces(text);
  }

  // The 1-based page of an element, from the first of it and its descendants that names one (0: none does).
  std::uint32_t page_of(const StructElement& e, int depth = 0) {
    if (const int page = named_page(e, doc_)) return static_cast<std::uint32_t>(page);
    if (depth > 64) return 0;
    for (const StructElement* c : children_of(e)) {
      if (const std::uint32_t p = page_of(*c, depth + 1)) return p;
    }
    return 0;
  }

  void block(const StructElement& e, int depth) {
    const Type t = e.getType();
    if (is_skipped(t)) return;
    if (is_grouping(t)) {
      blocks(children_of(e), depth + 1);
    } else if (t == Type::L) {
      list(e, 0, depth);
    } else if (t == Type::Table) {
      table(e, depth);
    } else {
      paragraph(text_under(e), heading_level(t), -1, page_of(e));
    }
  }

  void paragraph(std::string text, int heading, int list_level, std::uint32_t page) {
    if (text.empty()) return;
    Paragraph p;
    p.text = std::move(text);
    p.heading_level = heading;
    p.list_level = list_level;
    p.where.page = page;
    p.where.paragraph = ++paragraphs_;
    out_.blocks.emplace_back(std::move(p));
  }

  // A list: each item one paragraph (a bullet dropped, a number kept in front), nested lists a level deeper.
  void list(const StructElement& l, int level, int depth) {
    if (depth > 100) return;
    for (const StructElement* item : children_of(l)) {
      const Type t = item->getType();
      if (t == Type::L) {
        list(*item, level + 1, depth + 1);
      } else if (t == Type::LI) {
        list_item(*item, level, depth + 1);
      } else if (!is_skipped(t)) {
        block(*item, depth + 1);  // a caption or paragraph inside the list
      }
    }
  }

  // A list item's label and body; lists nested in it follow it.
  void list_item(const StructElement& item, int level, int depth) {
    std::string label, body;
    std::vector<const StructElement*> nested;
    collect_item(item, label, body, nested, depth);
    // LibreOffice puts the bullet into the body, as its first piece of text, without a label.
    body = collapse_spaces(body);
    // The bullet is a line of its own: a wrap mark, not a space, follows it.
    if (const std::size_t space = body.find_first_of(std::string{' ', wrap_mark}); space != std::string::npos &&
                                                                                 is_bullet(body.substr(0, space))) {
      body.erase(0, space + 1);
    }
    const bool numbered = !label.empty() && !is_bullet(label);
    std::string text = numbered ? label + " " + body : body;
    paragraph(collapse_spaces(text), 0, level, page_of(item));
    for (const StructElement* n : nested) list(*n, level + 1, depth + 1);
  }

  void collect_item(const StructElement& parent, std::string& label, std::string& body,
                    std::vector<const StructElement*>& nested, int depth) {
    if (depth > 100) return;
    for (const StructElement* e : children_of(parent)) {
      const Type t = e->getType();
      if (t == Type::L) {
        nested.push_back(e);
      } else if (t == Type::Lbl) {
        label += text_under(*e);
      } else if (t == Type::LBody || is_grouping(t) || t == Type::P) {
        collect_item(*e, label, body, nested, depth + 1);
      } else if (const std::optional<std::string> actual = actual_text(*e)) {
        body += *actual;  // as in gather_text: a soft hyphen stands where the line broke
      } else {
        join_line(body, text_under(*e));
      }
    }
  }

  // Rows (also inside THead/TBody/TFoot) and cells by grid column; a cell spanning rows is repeated in the
  // rows below it, pointing at its first row.
  void table(const StructElement& e, int depth) {
    Table t;
    t.number = ++tables_;
    spans_.clear();
    rows(e, t, depth + 1);
    if (!t.rows.empty()) out_.blocks.emplace_back(std::move(t));
  }

  void rows(const StructElement& parent, Table& t, int depth) {
    if (depth > 100) return;
    for (const StructElement* e : children_of(parent)) {
      const Type k = e->getType();
      if (k == Type::TR) {
        row(*e, t);
      } else if (k == Type::THead || k == Type::TBody || k == Type::TFoot) {
        rows(*e, t, depth + 1);
      }
    }
  }

  struct RowSpan {
    Cell cell;
    std::uint32_t rows_left = 0;
  };

  // The cell of an earlier row that covers `column` of this row, if any.
  RowSpan* spanning(std::uint32_t column) {
    for (RowSpan& s : spans_) {
      if (s.rows_left > 0 && s.cell.where.column == column) return &s;
    }
    return nullptr;
  }

  void row(const StructElement& tr, Table& t) {
    Row r;
    const auto row_number = static_cast<std::uint32_t>(t.rows.size() + 1);
    const std::uint32_t page = page_of(tr);
    std::uint32_t column = 1;
    // Cells of earlier rows that reach into this one, before the cell at `column`.
    const auto take_spanned = [&] {
      while (RowSpan* s = spanning(column)) {
        r.cells.push_back(s->cell);
        --s->rows_left;
        column += s->cell.span;
      }
    };
    for (const StructElement* e : children_of(tr)) {
      if (e->getType() != Type::TD && e->getType() != Type::TH) continue;
      take_spanned();
      Cell c;
      // The header row that Chromium repeats on each page the table reaches is one row of its tree, each
      // cell with the text of every repeat ("Toimenpide Toimenpide"): a header cell is read on its first
      // page only (a header row does not break over pages).
      const bool header_cell = row_number == 1 && e->getType() == Type::TH;
      only_page_ = header_cell ? static_cast<int>(page_of(*e)) : 0;
      c.text = text_under(*e);
      only_page_ = 0;
      c.span = span_of(*e, Attribute::ColSpan, 1000);
      c.where = Locator{.page = page_of(*e), .table = t.number, .row = row_number, .column = column};
      if (c.where.page == 0) c.where.page = page;
      if (const unsigned row_span = span_of(*e, Attribute::RowSpan, 100000); row_span > 1) spans_.push_back({c, row_span - 1});
      column += c.span;
      r.cells.push_back(std::move(c));
    }
    take_spanned();
    std::erase_if(spans_, [](const RowSpan& s) { return s.rows_left == 0; });
    t.rows.push_back(std::move(r));
  }

  Document& out_;
  PDFDoc& doc_;
  MarkedText marked_;
  int only_page_ = 0;  // while reading a header cell: the page its text is taken from
  std::uint32_t paragraphs_ = 0;
  std::uint32_t tables_ = 0;
  std::vector<RowSpan> spans_;
};

void ignore_poppler_error(ErrorCategory, Goffset, const char*) {}

}  // namespace

std::optional<structured::Document> read_tagged(std::string_view bytes) {
  // poppler's global settings, shared with poppler-cpp's documents (counted: the last one out frees them).
  const GlobalParamsIniter params(ignore_poppler_error);
  // MemStream reads the caller's bytes in place (it does not own or write them).
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream);
  if (!doc.isOk()) return std::nullopt;
  const StructTreeRoot* root = doc.getStructTreeRoot();
  if (!root || root->getNumChildren() == 0) return std::nullopt;
  std::vector<const StructElement*> top;
  for (unsigned i = 0; i < root->getNumChildren(); ++i) {
    if (const StructElement* e = root->getChild(static_cast<int>(i)); e && e->isOk()) top.push_back(e);
  }
  Document out;
  out.kind = "pdf";
  TreeReader(out, doc).blocks(top, 0);
  return out;
}

}  // namespace planlint::read::pdf
