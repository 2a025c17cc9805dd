#include "read/pdf_tagged.hpp"

#include <glib.h>
#include <poppler.h>

#include <memory>
#include <optional>
#include <string>

#include "read/pdf_text.hpp"

namespace planlint::read::pdf {

namespace {

using structured::Cell;
using structured::Document;
using structured::Paragraph;
using structured::Row;
using structured::Table;

struct IterFree {
  void operator()(PopplerStructureElementIter* i) const { poppler_structure_element_iter_free(i); }
};
using Iter = std::unique_ptr<PopplerStructureElementIter, IterFree>;
struct ObjectUnref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
using Element = std::unique_ptr<PopplerStructureElement, ObjectUnref>;

// PDFDocEncoding's characters that are not Latin-1 (bytes 0x18–0x1F and 0x80–0xA0), by byte.
constexpr std::pair<char32_t, unsigned char> pdfdoc_specials[] = {
    {0x02D8, 0x18}, {0x02C7, 0x19}, {0x02C6, 0x1A}, {0x02D9, 0x1B}, {0x02DD, 0x1C}, {0x02DB, 0x1D}, {0x02DA, 0x1E},
    {0x02DC, 0x1F}, {0x2022, 0x80}, {0x2020, 0x81}, {0x2021, 0x82}, {0x2026, 0x83}, {0x2014, 0x84}, {0x2013, 0x85},
    {0x0192, 0x86}, {0x2044, 0x87}, {0x2039, 0x88}, {0x203A, 0x89}, {0x2212, 0x8A}, {0x2030, 0x8B}, {0x201E, 0x8C},
    {0x201C, 0x8D}, {0x201D, 0x8E}, {0x2018, 0x8F}, {0x2019, 0x90}, {0x201A, 0x91}, {0x2122, 0x92}, {0xFB01, 0x93},
    {0xFB02, 0x94}, {0x0141, 0x95}, {0x0152, 0x96}, {0x0160, 0x97}, {0x0178, 0x98}, {0x017D, 0x99}, {0x0131, 0x9A},
    {0x0142, 0x9B}, {0x0153, 0x9C}, {0x0161, 0x9D}, {0x017E, 0x9E}, {0x20AC, 0xA0}};

// The byte PDFDocEncoding shows as `c`; -1 for none.
int pdfdoc_byte(char32_t c) {
  for (const auto& [cp, byte] : pdfdoc_specials) {
    if (cp == c) return byte;
  }
  if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' || (c >= 0xA1 && c <= 0xFF && c != 0xAD)) {
    return static_cast<int>(c);
  }
  return -1;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// poppler-glib (22.x) returns the text of marked content encoded twice: its UTF-8 bytes read as
// PDFDocEncoding and encoded again ("Työ" comes as "TyÃ¶", "–" as "â•ﬁ"). Undoes that where the text is
// such a double encoding (every character one PDFDocEncoding byte, and those bytes UTF-8 with a
// multi-byte character); text that is not (a fixed poppler) is returned as it is.
std::string undo_double_encoding(std::string_view text) {
  std::string bytes;
  bytes.reserve(text.size());
  bool multibyte = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    const int b = pdfdoc_byte(cp);
    if (b < 0) return std::string(text);
    multibyte = multibyte || b >= 0x80;
    bytes += static_cast<char>(b);
    i += len;
  }
  return multibyte && valid_utf8(bytes) ? bytes : std::string(text);
}

// The text of one element alone (not its children), decoded.
std::string own_text(PopplerStructureElement* e) {
  gchar* raw = poppler_structure_element_get_text(e, POPPLER_STRUCTURE_GET_TEXT_NONE);
  if (!raw) return {};
  std::string text = clean_word(undo_double_encoding(raw));
  g_free(raw);
  return text;
}

// The text an element stands for in place of what it draws (its ActualText), if it has one.
std::optional<std::string> actual_text(PopplerStructureElement* e) {
  gchar* raw = poppler_structure_element_get_actual_text(e);
  if (!raw) return std::nullopt;
  std::string text = undo_double_encoding(raw);
  g_free(raw);
  return text;
}

// The text under an element, its pieces of marked content (one per line of a paragraph) joined as lines
// are (pdf_text.hpp: a space at a wrap, a line-end hyphen decided); poppler's own recursive text glues
// them without a space.
void gather_text(PopplerStructureElementIter* iter, std::string& text, int depth) {
  if (depth > 100) return;
  do {
    const Element e(poppler_structure_element_iter_get_element(iter));
    if (!e) continue;
    if (poppler_structure_element_is_content(e.get())) {
      join_line(text, collapse_spaces(own_text(e.get())));
    } else if (const std::optional<std::string> actual = actual_text(e.get())) {
      text += *actual;  // "-" drawn for a soft hyphen that broke the line (LibreOffice): U+00AD, join_line drops it
    } else if (Iter child(poppler_structure_element_iter_get_child(iter)); child) {
      gather_text(child.get(), text, depth + 1);
    }
  } while (poppler_structure_element_iter_next(iter));
}

int heading_level(PopplerStructureElementKind k) {
  switch (k) {
    case POPPLER_STRUCTURE_ELEMENT_HEADING: case POPPLER_STRUCTURE_ELEMENT_HEADING_1: return 1;
    case POPPLER_STRUCTURE_ELEMENT_HEADING_2: return 2;
    case POPPLER_STRUCTURE_ELEMENT_HEADING_3: return 3;
    case POPPLER_STRUCTURE_ELEMENT_HEADING_4: return 4;
    case POPPLER_STRUCTURE_ELEMENT_HEADING_5: return 5;
    case POPPLER_STRUCTURE_ELEMENT_HEADING_6: return 6;
    default: return 0;
  }
}

// Elements that only group others: their children are the blocks.
bool is_grouping(PopplerStructureElementKind k) {
  switch (k) {
    case POPPLER_STRUCTURE_ELEMENT_DOCUMENT: case POPPLER_STRUCTURE_ELEMENT_PART: case POPPLER_STRUCTURE_ELEMENT_ARTICLE:
    case POPPLER_STRUCTURE_ELEMENT_SECTION: case POPPLER_STRUCTURE_ELEMENT_DIV: case POPPLER_STRUCTURE_ELEMENT_NONSTRUCT:
    case POPPLER_STRUCTURE_ELEMENT_PRIVATE: case POPPLER_STRUCTURE_ELEMENT_BLOCKQUOTE: case POPPLER_STRUCTURE_ELEMENT_TOC:
    case POPPLER_STRUCTURE_ELEMENT_TOC_ITEM: case POPPLER_STRUCTURE_ELEMENT_INDEX:
      return true;
    default:
      return false;
  }
}

// Figures and formulas: their text (if any) is not prose of the plan.
bool is_skipped(PopplerStructureElementKind k) {
  return k == POPPLER_STRUCTURE_ELEMENT_FIGURE || k == POPPLER_STRUCTURE_ELEMENT_FORMULA ||
         k == POPPLER_STRUCTURE_ELEMENT_FORM;
}

// The 1-based page of an element, from the first of its descendants that knows it (0: none does).
std::uint32_t page_of(PopplerStructureElementIter* iter, int depth = 0) {
  PopplerStructureElement* e = poppler_structure_element_iter_get_element(iter);
  const int page = e ? poppler_structure_element_get_page(e) : -1;
  if (e) g_object_unref(e);
  if (page >= 0) return static_cast<std::uint32_t>(page + 1);
  if (depth > 64) return 0;
  Iter child(poppler_structure_element_iter_get_child(iter));
  if (!child) return 0;
  do {
    if (const std::uint32_t p = page_of(child.get(), depth + 1)) return p;
  } while (poppler_structure_element_iter_next(child.get()));
  return 0;
}

class TreeReader {
 public:
  explicit TreeReader(Document& doc) : doc_(doc) {}

  // The siblings from `iter` on.
  void blocks(PopplerStructureElementIter* iter, int depth) {
    if (depth > 100) return;  // a hostile tree: deeper than any document
    do {
      block(iter, depth);
    } while (poppler_structure_element_iter_next(iter));
  }

 private:
  std::string text_under(PopplerStructureElementIter* iter) const {
    const Element e(poppler_structure_element_iter_get_element(iter));
    if (!e) return {};
    if (poppler_structure_element_is_content(e.get())) return collapse_spaces(own_text(e.get()));
    std::string text;
    Iter child(poppler_structure_element_iter_get_child(iter));
    if (child) gather_text(child.get(), text, 0);
    return collapse_spaces(text);
  }

  void block(PopplerStructureElementIter* iter, int depth) {
    const Element e(poppler_structure_element_iter_get_element(iter));
    if (!e) return;
    const PopplerStructureElementKind k = poppler_structure_element_get_kind(e.get());
    if (is_skipped(k)) return;
    if (is_grouping(k)) {
      children(iter, depth);
    } else if (k == POPPLER_STRUCTURE_ELEMENT_LIST) {
      list(iter, 0, depth);
    } else if (k == POPPLER_STRUCTURE_ELEMENT_TABLE) {
      table(iter, depth);
    } else {
      paragraph(text_under(iter), heading_level(k), -1, page_of(iter));
    }
  }

  void children(PopplerStructureElementIter* iter, int depth) {
    Iter child(poppler_structure_element_iter_get_child(iter));
    if (child) blocks(child.get(), depth + 1);
  }

  void paragraph(std::string text, int heading, int list_level, std::uint32_t page) {
    if (text.empty()) return;
    Paragraph p;
    p.text = std::move(text);
    p.heading_level = heading;
    p.list_level = list_level;
    p.where.page = page;
    p.where.paragraph = ++paragraphs_;
    doc_.blocks.emplace_back(std::move(p));
  }

  // A list: each item one paragraph (a bullet dropped, a number kept in front), nested lists a level deeper.
  void list(PopplerStructureElementIter* list_iter, int level, int depth) {
    if (depth > 100) return;
    Iter item(poppler_structure_element_iter_get_child(list_iter));
    if (!item) return;
    do {
      const Element e(poppler_structure_element_iter_get_element(item.get()));
      if (!e) continue;
      const auto k = poppler_structure_element_get_kind(e.get());
      if (k == POPPLER_STRUCTURE_ELEMENT_LIST) {
        list(item.get(), level + 1, depth + 1);
      } else if (k == POPPLER_STRUCTURE_ELEMENT_LIST_ITEM) {
        list_item(item.get(), level, depth + 1);
      } else if (!is_skipped(k)) {
        block(item.get(), depth + 1);  // a caption or paragraph inside the list
      }
    } while (poppler_structure_element_iter_next(item.get()));
  }

  // A list item's label and body; lists nested in it follow it.
  void list_item(PopplerStructureElementIter* item_iter, int level, int depth) {
    std::string label, body;
    std::vector<Iter> nested;
    collect_item(item_iter, label, body, nested, depth);
    // LibreOffice puts the bullet into the body, as its first piece of text, without a label.
    body = collapse_spaces(body);
    // The bullet is a line of its own: a wrap mark, not a space, follows it.
    if (const std::size_t space = body.find_first_of(std::string{' ', wrap_mark}); space != std::string::npos &&
                                                                                 is_bullet(body.substr(0, space))) {
      body.erase(0, space + 1);
    }
    const bool numbered = !label.empty() && !is_bullet(label);
    std::string text = numbered ? label + " " + body : body;
    paragraph(collapse_spaces(text), 0, level, page_of(item_iter));
    for (Iter& n : nested) list(n.get(), level + 1, depth + 1);
  }

  void collect_item(PopplerStructureElementIter* iter, std::string& label, std::string& body, std::vector<Iter>& nested,
                    int depth) {
    if (depth > 100) return;
    Iter child(poppler_structure_element_iter_get_child(iter));
    if (!child) return;
    do {
      const Element e(poppler_structure_element_iter_get_element(child.get()));
      if (!e) continue;
      const auto k = poppler_structure_element_get_kind(e.get());
      if (k == POPPLER_STRUCTURE_ELEMENT_LIST) {
        nested.emplace_back(poppler_structure_element_iter_copy(child.get()));
      } else if (k == POPPLER_STRUCTURE_ELEMENT_LIST_LABEL) {
        label += text_under(child.get());
      } else if (k == POPPLER_STRUCTURE_ELEMENT_LIST_BODY || is_grouping(k) || k == POPPLER_STRUCTURE_ELEMENT_PARAGRAPH) {
        collect_item(child.get(), label, body, nested, depth + 1);
      } else if (const std::optional<std::string> actual = actual_text(e.get())) {
        body += *actual;  // as in gather_text: a soft hyphen stands where the line broke
      } else {
        join_line(body, text_under(child.get()));
      }
    } while (poppler_structure_element_iter_next(child.get()));
  }

  // Rows (also inside THead/TBody/TFoot) and cells by grid column; a cell spanning rows is repeated in the
  // rows below it, pointing at its first row.
  void table(PopplerStructureElementIter* table_iter, int depth) {
    Table t;
    t.number = ++tables_;
    spans_.clear();
    rows(table_iter, t, depth + 1);
    if (!t.rows.empty()) doc_.blocks.emplace_back(std::move(t));
  }

  void rows(PopplerStructureElementIter* iter, Table& t, int depth) {
    if (depth > 100) return;
    Iter child(poppler_structure_element_iter_get_child(iter));
    if (!child) return;
    do {
      const Element e(poppler_structure_element_iter_get_element(child.get()));
      if (!e) continue;
      const auto k = poppler_structure_element_get_kind(e.get());
      if (k == POPPLER_STRUCTURE_ELEMENT_TABLE_ROW) {
        row(child.get(), t, depth + 1);
      } else if (k == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADER || k == POPPLER_STRUCTURE_ELEMENT_TABLE_BODY ||
                 k == POPPLER_STRUCTURE_ELEMENT_TABLE_FOOTER) {
        rows(child.get(), t, depth + 1);
      }
    } while (poppler_structure_element_iter_next(child.get()));
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

  void row(PopplerStructureElementIter* row_iter, Table& t, int depth) {
    Row r;
    const auto row_number = static_cast<std::uint32_t>(t.rows.size() + 1);
    const std::uint32_t page = page_of(row_iter);
    std::uint32_t column = 1;
    // Cells of earlier rows that reach into this one, before the cell at `column`.
    const auto take_spanned = [&] {
      while (RowSpan* s = spanning(column)) {
        r.cells.push_back(s->cell);
        --s->rows_left;
        column += s->cell.span;
      }
    };
    Iter cell(poppler_structure_element_iter_get_child(row_iter));
    if (cell) {
      do {
        const Element e(poppler_structure_element_iter_get_element(cell.get()));
        if (!e) continue;
        const auto k = poppler_structure_element_get_kind(e.get());
        if (k != POPPLER_STRUCTURE_ELEMENT_TABLE_DATA && k != POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING) continue;
        take_spanned();
        Cell c;
        c.text = text_under(cell.get());
        c.span = std::max<guint>(1, std::min<guint>(poppler_structure_element_get_table_column_span(e.get()), 1000));
        c.where = Locator{.page = page_of(cell.get()), .table = t.number, .row = row_number, .column = column};
        if (c.where.page == 0) c.where.page = page;
        const guint row_span = std::min<guint>(poppler_structure_element_get_table_row_span(e.get()), 100000);
        if (row_span > 1) spans_.push_back({c, row_span - 1});
        column += c.span;
        r.cells.push_back(std::move(c));
      } while (poppler_structure_element_iter_next(cell.get()));
    }
    (void)depth;
    take_spanned();
    std::erase_if(spans_, [](const RowSpan& s) { return s.rows_left == 0; });
    t.rows.push_back(std::move(r));
  }

  Document& doc_;
  std::uint32_t paragraphs_ = 0;
  std::uint32_t tables_ = 0;
  std::vector<RowSpan> spans_;
};

}  // namespace

std::optional<structured::Document> read_tagged(std::string_view bytes) {
  GBytes* data = g_bytes_new(bytes.data(), bytes.size());
  GError* error = nullptr;
  PopplerDocument* raw = poppler_document_new_from_bytes(data, nullptr, &error);
  g_bytes_unref(data);
  if (error) g_error_free(error);
  if (!raw) return std::nullopt;
  const std::unique_ptr<PopplerDocument, ObjectUnref> doc(raw);
  Iter root(poppler_structure_element_iter_new(doc.get()));
  if (!root) return std::nullopt;
  Document out;
  out.kind = "pdf";
  TreeReader(out).blocks(root.get(), 0);
  return out;
}

}  // namespace planlint::read::pdf
