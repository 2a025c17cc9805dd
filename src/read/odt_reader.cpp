#include "read/odt_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <deque>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "read/docx_odt_text.hpp"
#include "read/xml_limits.hpp"
#include "read/zip_archive.hpp"

namespace planlint::read {

namespace {

using structured::PendingChange;
using Kind = structured::PendingChange::Kind;

// A table may repeat a row or a cell (number-rows-repeated, number-columns-repeated): a plan's tables have
// tens of rows, so a table of more cells than this is refused rather than expanded.
constexpr std::size_t max_table_cells = 200000;

// One level of a list style (text:list-level-style-number / -bullet).
struct ListLevel {
  bool defined = false;
  bool bullet = false;
  std::string prefix, suffix, format;  // style:num-prefix, style:num-suffix, style:num-format ("1", "a", "I"…)
  std::string list_format;             // loext:num-list-format ("%1%.%2%)"), LibreOffice's exact label
  int start = 1;
  int display_levels = 1;
};
using ListStyle = std::array<ListLevel, 10>;

struct Counters {
  std::array<int, 10> value{};
  std::array<bool, 10> set{};
};

std::string format_number(int n, const std::string& format) {
  if (n < 1) return std::to_string(n);
  if (format == "a" || format == "A") {
    const char letter = static_cast<char>((format == "A" ? 'A' : 'a') + (n - 1) % 26);
    return std::string(static_cast<std::size_t>(std::min((n - 1) / 26 + 1, 64)), letter);
  }
  if (format == "i" || format == "I") return roman_numeral(n, format == "I");
  return std::to_string(n);
}

bool has_letters(std::string_view text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80) return true;
  }
  return false;
}

struct Label {
  std::string text;
  bool bullet = false;
  bool enumerative = false;
};

// The label of level `at` of `style` with the counters as they are.
std::optional<Label> make_label(const ListStyle& style, const Counters& counters, std::size_t at) {
  const ListLevel& level = style[at];
  Label label;
  if (level.bullet) {
    label.bullet = true;
    return label;
  }
  if (!level.defined || level.format.empty()) return std::nullopt;  // "None": no label
  const auto value = [&](std::size_t i) { return counters.set[i] ? counters.value[i] : style[i].start; };
  std::string skeleton;
  if (!level.list_format.empty()) {
    const std::string& f = level.list_format;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (f[i] == '%' && i + 2 < f.size() && f[i + 1] >= '1' && f[i + 1] <= '9' && f[i + 2] == '%') {
        const auto which = static_cast<std::size_t>(f[i + 1] - '1');
        label.text += format_number(value(which), style[which].format);
        i += 2;
      } else {
        label.text += f[i];
        skeleton += f[i];
      }
    }
  } else {
    const std::size_t shown = static_cast<std::size_t>(std::clamp(level.display_levels, 1, static_cast<int>(at) + 1));
    label.text = level.prefix;
    for (std::size_t i = at + 1 - shown; i <= at; ++i) {
      if (i != at + 1 - shown) label.text += '.';
      label.text += format_number(value(i), style[i].format);
    }
    label.text += level.suffix;
    skeleton = level.prefix + level.suffix;
  }
  label.enumerative = !has_letters(skeleton);
  return label;
}

void advance(Counters& counters, std::size_t at, int start) {
  counters.value[at] = counters.set[at] ? counters.value[at] + 1 : start;
  counters.set[at] = true;
  for (std::size_t deeper = at + 1; deeper < counters.set.size(); ++deeper) counters.set[deeper] = false;
}

struct ChangedRegion {
  Kind kind = Kind::insertion;
  std::string author;
  std::string deleted_text;
  bool seen = false;
};

// Where the blocks being read go: the document's blocks, or one table cell's text.
struct Sink {
  std::vector<structured::Block>* blocks = nullptr;
  std::string* cell_text = nullptr;
  Locator cell;  // the cell's place, when cell_text
};

// A list being read: its style and counters, shared by its nested lists.
struct ListContext {
  const ListStyle* style = nullptr;
  Counters* counters = nullptr;
  std::size_t depth = 0;
};

class OdtReader {
 public:
  OdtReader(const std::string& name, structured::Document& out) : name_(name), out_(out) {}

  void load_styles(const pugi::xml_node& root) {
    for (pugi::xml_node section = root.first_child(); section; section = section.next_sibling()) {
      if (!is(section, "styles") && !is(section, "automatic-styles")) continue;
      for (pugi::xml_node s = section.first_child(); s; s = s.next_sibling()) {
        if (is(s, "list-style")) {
          if (const char* n = attribute(s, "name")) load_list_style(s, list_styles_[n]);
        } else if (is(s, "outline-style")) {
          load_list_style(s, outline_style_);
        }
      }
    }
  }

  void read_text(const pugi::xml_node& text) {
    if (const pugi::xml_node changes = child(text, "tracked-changes")) load_changes(changes);
    Sink body;
    body.blocks = &out_.blocks;
    read_blocks(text, body, nullptr);
    // A changed region whose mark was not met is still pending: it is reported for the whole document.
    for (auto& [id, region] : changes_) {
      if (!region.seen) out_.pending_changes.push_back(PendingChange{region.kind, region.deleted_text, region.author, {}});
    }
  }

 private:
  static void load_list_style(const pugi::xml_node& style, ListStyle& levels) {
    for (pugi::xml_node l = style.first_child(); l; l = l.next_sibling()) {
      const bool bullet = is(l, "list-level-style-bullet") || is(l, "list-level-style-image");
      if (!bullet && !is(l, "list-level-style-number") && !is(l, "outline-level-style")) continue;
      const int at = int_attribute(l, "level", 0, 1, 10);
      if (at == 0) continue;
      ListLevel& level = levels[static_cast<std::size_t>(at - 1)];
      level.defined = true;
      level.bullet = bullet;
      if (const char* v = attribute(l, "num-prefix")) level.prefix = v;
      if (const char* v = attribute(l, "num-suffix")) level.suffix = v;
      if (const char* v = attribute(l, "num-format")) level.format = v;
      if (const char* v = attribute(l, "num-list-format")) level.list_format = v;
      level.start = int_attribute(l, "start-value", 1, 0, 1000000);
      level.display_levels = int_attribute(l, "display-levels", 1, 1, 10);
    }
  }

  void load_changes(const pugi::xml_node& changes) {
    for (pugi::xml_node region = changes.first_child(); region; region = region.next_sibling()) {
      const char* id = attribute(region, "id");
      if (!is(region, "changed-region") || id == nullptr) continue;
      ChangedRegion change;
      for (pugi::xml_node c = region.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        change.kind = is(c, "insertion") ? Kind::insertion : is(c, "deletion") ? Kind::deletion : Kind::format;
        const pugi::xml_node creator = child(child(c, "change-info"), "creator");
        change.author = creator.text().get();
        if (change.kind == Kind::deletion) change.deleted_text = joined_text(c);
        break;
      }
      changes_[id] = std::move(change);
    }
  }

  // --- blocks ---
  void read_blocks(const pugi::xml_node& container, Sink& sink, const ListContext* list) {
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (is(c, "p") || is(c, "h")) {
        read_paragraph(c, sink, nullptr);
      } else if (is(c, "list")) {
        read_list(c, sink, list);
      } else if (is(c, "table")) {
        read_table(c, sink);
      } else if (is(c, "section") || is(c, "index-body") || is(c, "table-of-content") ||
                 is(c, "illustration-index") || is(c, "table-index") || is(c, "object-index") ||
                 is(c, "user-index") || is(c, "alphabetical-index") || is(c, "bibliography") || is(c, "index-title")) {
        read_blocks(c, sink, list);
      }
      // text:tracked-changes, text:sequence-decls, office:forms, text:soft-page-break: not text.
    }
  }

  void read_list(const pugi::xml_node& node, Sink& sink, const ListContext* outer) {
    ListContext list;
    if (outer != nullptr) {
      list = *outer;
      ++list.depth;
    } else {
      list.counters = &list_counters(node);
    }
    if (const char* style = attribute(node, "style-name")) {
      const auto it = list_styles_.find(style);
      if (it != list_styles_.end()) list.style = &it->second;
    }
    if (list.depth >= 10) list.depth = 9;
    for (pugi::xml_node item = node.first_child(); item; item = item.next_sibling()) {
      if (!is(item, "list-item") && !is(item, "list-header")) continue;
      bool first = is(item, "list-item");  // a list header's paragraphs have no label
      const int restart = int_attribute(item, "start-value", -1, 0, 1000000);
      for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        if (is(c, "p") || is(c, "h")) {
          if (first) {
            if (restart >= 0) list.counters->set[list.depth] = false;
            const int start = restart >= 0 ? restart : list.style != nullptr ? (*list.style)[list.depth].start : 1;
            advance(*list.counters, list.depth, start);
          }
          read_paragraph(c, sink, first ? &list : nullptr, child(item, "number"));
          first = false;
        } else if (is(c, "list")) {
          read_list(c, sink, &list);
          first = false;
        } else if (is(c, "table")) {
          read_table(c, sink);
        }
      }
    }
  }

  // The counters a top-level list continues (continue-list, continue-numbering) or starts.
  Counters& list_counters(const pugi::xml_node& node) {
    const char* style = attribute(node, "style-name");
    const char* continues = attribute(node, "continue-list");
    const char* numbering = attribute(node, "continue-numbering");
    Counters* counters = nullptr;
    if (continues != nullptr && lists_by_id_.count(continues)) {
      counters = lists_by_id_[continues];
    } else if (numbering != nullptr && std::strcmp(numbering, "true") == 0 && style != nullptr &&
               last_list_by_style_.count(style)) {
      counters = last_list_by_style_[style];
    } else {
      counters = &all_counters_.emplace_back();
    }
    if (style != nullptr) last_list_by_style_[style] = counters;
    if (const char* id = attribute(node, "id")) lists_by_id_[id] = counters;
    return *counters;
  }

  void read_paragraph(const pugi::xml_node& p, Sink& sink, const ListContext* list,
                      const pugi::xml_node& item_number = {}) {
    structured::Paragraph para;
    const bool in_cell = sink.cell_text != nullptr;
    if (in_cell) {
      para.where = sink.cell;
    } else {
      para.where.paragraph = ++paragraph_count_;
    }
    if (is(p, "h")) {
      const bool list_header = attribute(p, "is-list-header") != nullptr &&
                               std::strcmp(attribute(p, "is-list-header"), "true") == 0;
      para.heading_level = int_attribute(p, "outline-level", 1, 1, 10);
      if (list == nullptr && !list_header) advance(outline_counters_, static_cast<std::size_t>(para.heading_level - 1), 1);
    }
    Inline in;
    in.where = para.where;
    read_inline(p, in);
    para.text = in.text.finish();
    close_open_insertions(in);

    std::optional<Label> label;
    pugi::xml_node written = child(p, "number");
    if (!written) written = item_number;
    if (written) {
      // As LibreOffice wrote it: its words other than the number (I, a…) cannot be told apart, so a label
      // is enumerative when it has digits and no letters.
      const std::string shown = TextBuilder::trim(written.text().get());
      label = Label{shown, false, !has_letters(shown)};
      if (shown.empty()) label.reset();
    } else if (list != nullptr && list->style != nullptr) {
      label = make_label(*list->style, *list->counters, list->depth);
    } else if (list != nullptr) {
      label = Label{"", true, false};  // a list with no known style: LibreOffice shows bullets
    } else if (list == nullptr && para.heading_level > 0) {
      label = make_label(outline_style_, outline_counters_, static_cast<std::size_t>(para.heading_level - 1));
      if (label && label->bullet) label.reset();
    }
    if (label && label->bullet) {
      if (para.heading_level == 0 && list != nullptr) para.list_level = static_cast<int>(list->depth);
    } else if (label) {
      para.text = para.text.empty() ? label->text : label->text + " " + para.text;
      if (para.heading_level == 0 && list != nullptr && label->enumerative) para.list_level = static_cast<int>(list->depth);
    }
    if (in_cell) {
      join(*sink.cell_text, para.text);
      for (const pugi::xml_node& box : in.text_boxes) read_blocks(box, sink, nullptr);
    } else {
      sink.blocks->emplace_back(std::in_place_type<structured::Paragraph>, std::move(para));
      for (const pugi::xml_node& box : in.text_boxes) read_blocks(box, sink, nullptr);
    }
  }

  // --- inline content ---
  struct Inline {
    TextBuilder text;
    Locator where;
    std::vector<pugi::xml_node> text_boxes;
    std::map<std::string, std::size_t> open_insertions;  // change id → where its text began
  };

  void read_inline(const pugi::xml_node& node, Inline& in) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        in.text.append(c.value());
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const char* n = local_name(c.name());
      if (std::strcmp(n, "s") == 0) {
        const int count = int_attribute(c, "c", 1, 1, 1000);
        in.text.append(std::string(static_cast<std::size_t>(count), ' '));
      } else if (std::strcmp(n, "tab") == 0 || std::strcmp(n, "line-break") == 0) {
        in.text.soft_space();
      } else if (std::strcmp(n, "annotation") == 0) {
        if (recording_) out_.comments.push_back(structured::Comment{joined_text(c), in.where});
      } else if (std::strcmp(n, "change-start") == 0) {
        if (const char* id = attribute(c, "change-id")) in.open_insertions[id] = in.text.size();
      } else if (std::strcmp(n, "change-end") == 0) {
        const char* id = attribute(c, "change-id");
        const auto open = id != nullptr ? in.open_insertions.find(id) : in.open_insertions.end();
        if (open != in.open_insertions.end()) {
          mark_change(open->first, in.text.since(open->second), in.where);
          in.open_insertions.erase(open);
        }
      } else if (std::strcmp(n, "change") == 0) {
        if (const char* id = attribute(c, "change-id")) mark_change(id, "", in.where);
      } else if (std::strcmp(n, "frame") == 0) {
        for (pugi::xml_node box = c.first_child(); box; box = box.next_sibling()) {
          if (is(box, "text-box")) in.text_boxes.push_back(box);
        }
      } else if (skipped_inline(n)) {
        continue;
      } else {
        read_inline(c, in);  // text:span, text:a, text:meta, fields (their text is what they show)…
      }
    }
  }

  // Inline elements whose content is not the paragraph's text.
  static bool skipped_inline(const char* n) {
    static constexpr const char* skipped[] = {"number", "note", "annotation-end", "soft-page-break", "bookmark",
                                              "bookmark-start", "bookmark-end", "reference-mark-start",
                                              "reference-mark-end", "toc-mark", "alphabetical-index-mark",
                                              "ruby-text", "tracked-changes", "custom-shape", "rect", "line",
                                              "ellipse", "g", "image", "desc", "title"};
    for (const char* s : skipped) {
      if (std::strcmp(n, s) == 0) return true;
    }
    return false;
  }

  void close_open_insertions(Inline& in) {
    for (const auto& [id, start] : in.open_insertions) mark_change(id, in.text.since(start), in.where);
    in.open_insertions.clear();
  }

  void mark_change(const std::string& id, std::string text, const Locator& where) {
    if (!recording_) return;
    const auto it = changes_.find(id);
    if (it == changes_.end() || it->second.seen) return;
    ChangedRegion& region = it->second;
    region.seen = true;
    if (region.kind == Kind::deletion) text = region.deleted_text;
    if (region.kind == Kind::format) text.clear();
    out_.pending_changes.push_back(PendingChange{region.kind, std::move(text), region.author, where});
  }

  // Text of an annotation or a deleted region: its paragraphs joined by a space (nothing is recorded).
  std::string joined_text(const pugi::xml_node& node) {
    const bool was = recording_;
    recording_ = false;
    std::string text;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (is(c, "p") || is(c, "h")) {
        Inline in;
        read_inline(c, in);
        join(text, in.text.finish());
      } else if (is(c, "list") || is(c, "list-item") || is(c, "section")) {
        join(text, joined_text(c));
      }
    }
    recording_ = was;
    return text;
  }

  // --- tables ---
  struct Origin {  // a cell spanning rows, for the covered cells below it
    std::string text;
    Locator where;
    std::uint32_t span = 1;
    std::uint32_t last_row = 0;
  };

  struct RowRef {
    pugi::xml_node row;
    bool header = false;
  };

  static void collect_rows(const pugi::xml_node& node, bool header, std::vector<RowRef>& rows) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (is(c, "table-row")) {
        rows.push_back(RowRef{c, header});
      } else if (is(c, "table-header-rows")) {
        collect_rows(c, true, rows);
      } else if (is(c, "table-rows") || is(c, "table-row-group")) {
        collect_rows(c, header, rows);
      }
    }
  }

  void read_table(const pugi::xml_node& node, Sink& sink) {
    if (sink.cell_text != nullptr) {  // a nested table: its text goes into the cell
      std::vector<RowRef> rows;
      collect_rows(node, false, rows);
      for (const RowRef& r : rows) {
        for (pugi::xml_node c = r.row.first_child(); c; c = c.next_sibling()) {
          if (is(c, "table-cell")) read_blocks(c, sink, nullptr);
        }
      }
      return;
    }
    structured::Table table;
    table.number = ++table_count_;
    std::vector<RowRef> rows;
    collect_rows(node, false, rows);
    std::map<std::uint32_t, Origin> covering;  // grid column → the row-spanning cell over it
    std::size_t cells = 0;
    std::uint32_t row_number = 0;
    for (const RowRef& r : rows) {
      const int repeat = int_attribute(r.row, "number-rows-repeated", 1, 1, 1 << 30);
      for (int i = 0; i < repeat; ++i) {
        structured::Row row;
        row.repeated_header = r.header;
        read_row(r.row, table.number, ++row_number, covering, row, cells);
        table.rows.push_back(std::move(row));
      }
    }
    sink.blocks->push_back(std::move(table));
  }

  void read_row(const pugi::xml_node& tr, std::uint32_t table, std::uint32_t row_number,
                std::map<std::uint32_t, Origin>& covering, structured::Row& row, std::size_t& cells) {
    std::uint32_t column = 1;
    for (pugi::xml_node c = tr.first_child(); c; c = c.next_sibling()) {
      const bool covered = is(c, "covered-table-cell");
      if (!covered && !is(c, "table-cell")) continue;
      const int repeat = int_attribute(c, "number-columns-repeated", 1, 1, 1 << 30);
      for (int i = 0; i < repeat; ++i, ++column) {
        if (++cells > max_table_cells) {
          throw InputError(name_, fmt::format("content.xml: table {} has more than {} cells once its repeated rows and "
                                              "cells are counted (the limit)",
                                              table, max_table_cells));
        }
        const auto over = covering.find(column);
        if (covered) {
          // A covered cell below a row-spanning cell shows that cell's text; beside one (its column span),
          // nothing of its own.
          if (over != covering.end() && over->second.where.column == column && over->second.where.row < row_number &&
              row_number <= over->second.last_row) {
            row.cells.push_back(structured::Cell{over->second.text, over->second.span, over->second.where});
          }
          continue;
        }
        structured::Cell cell;
        cell.where = Locator{0, 0, table, row_number, column};
        cell.span = static_cast<std::uint32_t>(int_attribute(c, "number-columns-spanned", 1, 1, 1 << 16));
        Sink sink;
        sink.cell_text = &cell.text;
        sink.cell = cell.where;
        if (i == 0) {
          read_blocks(c, sink, nullptr);
        } else {
          cell.text = row.cells.back().text;  // a repeated cell: the same text again
        }
        const int rows_spanned = int_attribute(c, "number-rows-spanned", 1, 1, 1 << 30);
        if (rows_spanned > 1) {
          const Origin origin{cell.text, cell.where, cell.span, row_number + static_cast<std::uint32_t>(rows_spanned) - 1};
          for (std::uint32_t k = column; k < column + cell.span; ++k) covering[k] = origin;
        }
        row.cells.push_back(std::move(cell));
      }
    }
  }

  static void join(std::string& text, const std::string& more) {
    if (more.empty()) return;
    if (!text.empty()) text += ' ';
    text += more;
  }

  const std::string& name_;
  structured::Document& out_;
  std::map<std::string, ListStyle> list_styles_;
  ListStyle outline_style_;
  Counters outline_counters_;
  std::deque<Counters> all_counters_;
  std::map<std::string, Counters*> last_list_by_style_;
  std::map<std::string, Counters*> lists_by_id_;
  std::map<std::string, ChangedRegion> changes_;
  std::uint32_t paragraph_count_ = 0;
  std::uint32_t table_count_ = 0;
  bool recording_ = true;
};

std::unique_ptr<XmlPart> part(ZipArchive& zip, const std::string& entry, const std::string& name) {
  const auto bytes = zip.read(entry);
  if (!bytes) return nullptr;
  return load_xml(*bytes, entry, name);
}

}  // namespace

structured::Document read_odt(std::string_view bytes, const std::string& name) {
  ZipArchive zip(bytes, name);
  if (const auto mimetype = zip.read("mimetype");
      mimetype && *mimetype != "application/vnd.oasis.opendocument.text" &&
      *mimetype != "application/vnd.oasis.opendocument.text-template") {
    throw InputError(name, fmt::format("an OpenDocument file of type '{}', not a text document (.odt)",
                                       mimetype->substr(0, 100)));
  }
  const auto content = part(zip, "content.xml", name);
  if (!content) {
    throw InputError(name, "the zip archive has no content.xml, so it is not an OpenDocument text (.odt): save it "
                           "from LibreOffice or Word as .odt");
  }
  const pugi::xml_node root = content->doc.document_element();
  const pugi::xml_node text = child(child(root, "body"), "text");
  if (!is(root, "document-content") || !text) {
    throw InputError(name, "content.xml: no office:document-content with an office:body/office:text: not a text "
                           "document's content");
  }
  structured::Document out;
  out.kind = "odt";
  OdtReader reader(name, out);
  if (const auto styles = part(zip, "styles.xml", name)) reader.load_styles(styles->doc.document_element());
  reader.load_styles(root);  // content.xml's automatic styles
  reader.read_text(text);
  return out;
}

}  // namespace planlint::read
