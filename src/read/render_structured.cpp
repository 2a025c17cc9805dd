#include "read/render_structured.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace planlint::read {
namespace {

using structured::Cell;
using structured::Paragraph;
using structured::Row;
using structured::Table;

// Paragraphs and rows are keyed without the page: a comment or a change is anchored to a paragraph or a
// row whatever page it falls on.
using PlaceKey = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;  // paragraph, table, row
PlaceKey place_key(const Locator& where) { return {where.paragraph, where.table, where.row}; }

// A piece of document text made fit for one line of plan text: line breaks, tabs and other control
// characters become spaces (they would end the line or the cell), invalid UTF-8 becomes U+FFFD, and the
// ends are trimmed.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += (c < 0x20 || c == 0x7F) ? ' ' : static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t length = utf8::sequence_length(c);
    const std::string_view sequence = text.substr(i, length);
    if (sequence.size() == length && !utf8::first_invalid(sequence)) {
      out.append(sequence);
      i += length;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD for the one byte that starts no valid sequence
      ++i;
    }
  }
  const std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// A comment's text as the body of a comment line: "-->" would end it early.
std::string comment_body(std::string_view text) {
  std::string body = one_line(text);
  for (std::size_t at = body.find("-->"); at != std::string::npos; at = body.find("-->", at)) body.replace(at, 3, "- ->");
  return body;
}

bool is_directive(std::string_view comment) {
  const std::string body = one_line(comment);
  return body.size() >= 8 && std::equal(body.begin(), body.begin() + 8, "planlint",
                                        [](char a, char b) { return (a | 0x20) == b; });
}

class Renderer {
 public:
  explicit Renderer(const structured::Document& doc) : doc_(doc) {
    out_.map = std::make_shared<DocumentMap>(doc.kind);
    for (const auto& c : doc.comments) {
      if (is_directive(c.text)) comments_.emplace(place_key(c.anchor), &c);
    }
  }

  RenderedDocument run() {
    for (const auto& block : doc_.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&block)) paragraph(*p);
      else table(std::get<Table>(block));
    }
    end_list();
    for (const auto& [key, c] : comments_) comment_line(*c);  // anchored to nothing that was rendered
    changes();
    return std::move(out_);
  }

 private:
  void piece(const Locator& where) { out_.map->add(static_cast<std::uint32_t>(out_.text.size()), where); }

  void comment_line(const structured::Comment& c) {
    piece(c.anchor);
    out_.text += fmt::format("<!-- {} -->\n", comment_body(c.text));
  }

  // The directive comments anchored to a paragraph or row, just before its line.
  void comments_for(const Locator& where) {
    const auto [first, last] = comments_.equal_range(place_key(where));
    for (auto it = first; it != last; ++it) comment_line(*it->second);
    comments_.erase(first, last);
  }

  void remember(const Locator& where) { offsets_.emplace(place_key(where), static_cast<std::uint32_t>(out_.text.size())); }

  // A list's items stand on consecutive lines; a blank line ends the list.
  void end_list() {
    if (in_list_) out_.text += '\n';
    in_list_ = false;
  }

  void paragraph(const Paragraph& p) {
    const std::string text = one_line(p.text);
    if (text.empty()) return;  // empty paragraphs are spacing, not text
    const bool item = p.list_level >= 0;
    if (!item) end_list();
    comments_for(p.where);
    remember(p.where);
    piece(p.where);
    if (item) {
      out_.text.append(static_cast<std::size_t>(std::min(p.list_level, 8)), ' ');
      out_.text += "- ";
      in_list_ = true;
    }
    out_.text += text;
    out_.text += item ? "\n" : "\n\n";
  }

  void table(const Table& t) {
    end_list();
    bool first = true;
    for (const Row& r : t.rows) {
      // A header row repeated on a later page is the document's layout, not a row of the table.
      if (r.repeated_header && !first) continue;
      if (row(r)) first = false;
    }
    if (!first) out_.text += '\n';
  }

  // One row on one line, its cells at their grid columns: a column the row has no cell in is an empty
  // cell between two others, and nothing at the end (a row that stops early has no such cell). A row with
  // no text at all is left out: its line would be blank, and a blank line ends a table.
  bool row(const Row& r) {
    std::vector<const Cell*> cells;
    for (const Cell& c : r.cells) cells.push_back(&c);
    std::stable_sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) { return a->where.column < b->where.column; });
    std::vector<std::string> texts;
    for (const Cell* c : cells) texts.push_back(one_line(c->text));
    if (std::all_of(texts.begin(), texts.end(), [](const std::string& t) { return t.empty(); })) return false;
    if (!cells.empty()) {
      comments_for(cells.front()->where);
      remember(cells.front()->where);
    }
    // Each cell at its grid column: as many tabs before it as columns lie between its start and the start
    // of the cell before it, so that the columns a merged cell covers stay empty cells.
    std::uint32_t previous = 1;  // where the cell before starts (the row's first column before any)
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const Cell& c = *cells[i];
      const std::uint32_t at = std::max(c.where.column, i == 0 ? 1u : previous + 1);
      out_.text.append(at - previous, '\t');
      piece(c.where);
      out_.text += texts[i];
      previous = at;
    }
    out_.text += '\n';
    return true;
  }

  void changes() {
    for (const auto& change : doc_.pending_changes) {
      const auto found = offsets_.find(place_key(change.where));
      const std::uint32_t offset = found != offsets_.end() ? found->second : 0;
      const char* kind = change.kind == structured::PendingChange::Kind::insertion ? "insertion"
                         : change.kind == structured::PendingChange::Kind::deletion ? "deletion"
                                                                                      : "formatting change";
      std::string d = kind;
      if (const std::string text = one_line(change.text); !text.empty()) d += fmt::format(" \"{}\"", text);
      if (const std::string author = one_line(change.author); !author.empty()) d += " by " + author;
      out_.changes.push_back({offset, std::move(d)});
    }
  }

  const structured::Document& doc_;
  RenderedDocument out_;
  std::multimap<PlaceKey, const structured::Comment*> comments_;
  std::map<PlaceKey, std::uint32_t> offsets_;  // where each paragraph's or row's line starts
  bool in_list_ = false;
};

}  // namespace

RenderedDocument render_structured(const structured::Document& doc) { return Renderer(doc).run(); }

}  // namespace planlint::read
