#include "read/docx_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "read/docx_styles.hpp"
#include "read/docx_odt_text.hpp"
#include "read/xml_limits.hpp"
#include "read/zip_archive.hpp"

namespace planlint::read {

namespace {

using structured::PendingChange;
using Kind = structured::PendingChange::Kind;


using docx::child_val;

// A count or index in the document (a level, a span, a list id): 0 to 100,000.
int count_of(const char* text, int fallback) { return docx::to_int(text, fallback, 0, 100000); }

bool on(const char* val) { return val == nullptr || (std::strcmp(val, "0") != 0 && std::strcmp(val, "false") != 0); }

pugi::xml_node previous_element(const pugi::xml_node& node) {
  pugi::xml_node p = node.previous_sibling();
  while (p && p.type() != pugi::node_element) p = p.previous_sibling();
  return p;
}

// mc:AlternateContent offers the same content more than once: read its first mc:Choice, or mc:Fallback.
pugi::xml_node alternate_branch(const pugi::xml_node& alternate) {
  if (const pugi::xml_node choice = child(alternate, "Choice")) return choice;
  return child(alternate, "Fallback");
}

// Text boxes in a run's drawing or VML picture (w:drawing, w:pict, w:object, through their shapes).
void find_text_boxes(const pugi::xml_node& node, std::vector<pugi::xml_node>& boxes) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (is(c, "txbxContent")) {
      boxes.push_back(c);
    } else if (is(c, "AlternateContent")) {
      find_text_boxes(alternate_branch(c), boxes);
    } else {
      find_text_boxes(c, boxes);
    }
  }
}

// A run of inline content being read into one paragraph's text.
struct Inline {
  TextBuilder text;
  std::string* deleted = nullptr;  // inside w:del / w:moveFrom: where the deleted text goes
  Locator where;
  std::vector<pugi::xml_node> text_boxes;

  void put(std::string_view piece) {
    if (deleted != nullptr) {
      deleted->append(piece);
    } else {
      text.append(piece);
    }
  }
  void space() {
    if (deleted != nullptr) {
      deleted->append(" ");
    } else {
      text.soft_space();
    }
  }
};

class DocxReader {
 public:
  explicit DocxReader(structured::Document& out) : out_(out) {}

  void load_styles(const pugi::xml_node& root) { styles_.load(root); }
  void load_numbering(const pugi::xml_node& root) { numbering_.load(root); }

  void read_body(const pugi::xml_node& body) { read_blocks(body, out_.blocks); }

  void read_comments(const pugi::xml_node& root) {
    recording_ = false;  // a comment's own tracked changes are not the document's
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || !is(c, "comment")) continue;
      const char* id = attribute(c, "id");
      structured::Comment comment;
      comment.text = joined_paragraphs(c, Locator{});
      const auto anchor = id != nullptr ? anchors_.find(id) : anchors_.end();
      if (anchor != anchors_.end()) comment.anchor = anchor->second;
      out_.comments.push_back(std::move(comment));
    }
  }

 private:
  // --- blocks: paragraphs and tables of the body, a text box, a content control ---
  void read_blocks(const pugi::xml_node& container, std::vector<structured::Block>& blocks) {
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (is(c, "p")) {
        Locator where;
        where.paragraph = ++paragraph_count_;
        std::vector<pugi::xml_node> boxes;
        blocks.push_back(read_paragraph(c, where, boxes));
        for (const pugi::xml_node& box : boxes) read_blocks(box, blocks);
      } else if (is(c, "tbl")) {
        blocks.push_back(read_table(c));
      } else if (is(c, "sdt")) {
        read_blocks(child(c, "sdtContent"), blocks);
      } else if (is(c, "customXml") || is(c, "ins") || is(c, "moveTo")) {
        read_blocks(c, blocks);
      } else if (is(c, "AlternateContent")) {
        read_blocks(alternate_branch(c), blocks);
      } else if (is(c, "commentRangeStart")) {
        if (const char* id = attribute(c, "id")) waiting_anchors_.push_back(id);
      }
    }
  }

  structured::Paragraph read_paragraph(const pugi::xml_node& p, const Locator& where,
                                       std::vector<pugi::xml_node>& boxes) {
    anchor_waiting(where);
    structured::Paragraph para;
    para.where = where;
    const pugi::xml_node ppr = child(p, "pPr");
    const char* style = ppr ? child_val(ppr, "pStyle") : nullptr;
    const std::string style_id = style != nullptr ? style : "";
    para.heading_level = styles_.heading_level(style_id);
    std::optional<docx::NumberingRef> numbering = styles_.numbering(style_id);
    if (ppr) {
      if (const char* outline = child_val(ppr, "outlineLvl")) {
        const int level = count_of(outline, 9);
        para.heading_level = level <= 8 ? level + 1 : 0;
      }
      if (const pugi::xml_node numpr = child(ppr, "numPr")) {
        docx::NumberingRef ref;
        const char* num_id = child_val(numpr, "numId");
        ref.num_id = count_of(num_id, 0);
        ref.level = std::min(count_of(child_val(numpr, "ilvl"), numbering ? numbering->level : 0), 8);
        if (num_id == nullptr && numbering) ref.num_id = numbering->num_id;
        numbering = ref;
      }
      if (child(ppr, "pPrChange")) record(Kind::format, "", child(ppr, "pPrChange"), where);
    }
    Inline run;
    run.where = where;
    read_inline(p, run);
    boxes = std::move(run.text_boxes);
    para.text = run.text.finish();
    if (numbering && numbering->num_id != 0) {
      if (const auto label = numbering_.next(*numbering)) {
        if (label->bullet) {
          if (para.heading_level == 0) para.list_level = numbering->level;
        } else {
          para.text = para.text.empty() ? label->text : label->text + " " + para.text;
          if (para.heading_level == 0 && label->enumerative) para.list_level = numbering->level;
        }
      }
    }
    return para;
  }

  // --- inline content: runs, and what wraps them ---
  void read_inline(const pugi::xml_node& node, Inline& in) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const char* n = local_name(c.name());
      if (std::strcmp(n, "r") == 0) {
        read_run(c, in);
      } else if (std::strcmp(n, "ins") == 0 || std::strcmp(n, "moveTo") == 0) {
        const std::size_t start = in.text.size();
        read_inline(c, in);
        if (continues_last(Kind::insertion, c, in.where)) {
          out_.pending_changes.back().text = in.text.since(change_start_);  // one edit, split over runs
          last_change_element_ = c;
        } else {
          change_start_ = start;
          record(Kind::insertion, in.text.since(start), c, in.where);
        }
      } else if (std::strcmp(n, "del") == 0 || std::strcmp(n, "moveFrom") == 0) {
        std::string deleted;
        std::string* outer = in.deleted;
        in.deleted = &deleted;
        read_inline(c, in);
        in.deleted = outer;
        if (outer != nullptr) {
          outer->append(deleted);
        } else if (continues_last(Kind::deletion, c, in.where)) {
          deleted_raw_ += deleted;
          out_.pending_changes.back().text = trimmed(deleted_raw_);
          last_change_element_ = c;
        } else {
          deleted_raw_ = deleted;
          record(Kind::deletion, trimmed(deleted), c, in.where);
        }
      } else if (std::strcmp(n, "sdt") == 0) {
        read_inline(child(c, "sdtContent"), in);
      } else if (std::strcmp(n, "hyperlink") == 0 || std::strcmp(n, "smartTag") == 0 ||
                 std::strcmp(n, "customXml") == 0 || std::strcmp(n, "fldSimple") == 0 || std::strcmp(n, "dir") == 0 ||
                 std::strcmp(n, "bdo") == 0) {
        read_inline(c, in);
      } else if (std::strcmp(n, "AlternateContent") == 0) {
        read_inline(alternate_branch(c), in);
      } else if (std::strcmp(n, "commentRangeStart") == 0) {
        anchor(attribute(c, "id"), in.where);
      }
    }
  }

  void read_run(const pugi::xml_node& r, Inline& in) {
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const char* n = local_name(c.name());
      if (std::strcmp(n, "t") == 0) {
        if (instruction_depth_ == 0) in.put(c.text().get());
      } else if (std::strcmp(n, "delText") == 0) {
        if (in.deleted != nullptr && instruction_depth_ == 0) in.deleted->append(c.text().get());
      } else if (std::strcmp(n, "tab") == 0 || std::strcmp(n, "ptab") == 0 || std::strcmp(n, "br") == 0 ||
                 std::strcmp(n, "cr") == 0) {
        if (instruction_depth_ == 0) in.space();
      } else if (std::strcmp(n, "noBreakHyphen") == 0) {
        if (instruction_depth_ == 0) in.put("-");
      } else if (std::strcmp(n, "sym") == 0) {
        read_symbol(c, in);
      } else if (std::strcmp(n, "fldChar") == 0) {
        read_field_char(c);
      } else if (std::strcmp(n, "rPr") == 0) {
        if (const pugi::xml_node change = child(c, "rPrChange")) record(Kind::format, "", change, in.where);
      } else if (std::strcmp(n, "commentReference") == 0) {
        anchor(attribute(c, "id"), in.where);
      } else if (std::strcmp(n, "drawing") == 0 || std::strcmp(n, "pict") == 0 || std::strcmp(n, "object") == 0) {
        find_text_boxes(c, in.text_boxes);
      } else if (std::strcmp(n, "AlternateContent") == 0) {
        const pugi::xml_node branch = alternate_branch(c);
        if (branch) read_run(branch, in);
      }
      // w:softHyphen shows only where a line breaks: nothing. w:instrText is a field's code, not its result.
    }
  }

  // w:sym: a character of a symbol font. Codes F000-F0FF are the font's own glyphs (Wingdings, Symbol) with
  // no text meaning; anything else is the Unicode character it names.
  void read_symbol(const pugi::xml_node& sym, Inline& in) {
    const char* code = attribute(sym, "char");
    if (code == nullptr || instruction_depth_ > 0) return;
    char* end = nullptr;
    const unsigned long cp = std::strtoul(code, &end, 16);
    if (end == code || cp < 0x20 || (cp >= 0xF000 && cp <= 0xF0FF) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return;
    }
    in.put(utf8::encode(static_cast<char32_t>(cp)));
  }

  // Complex fields: begin, instruction (w:instrText), separate, result, end; fields nest. Only the result
  // is text; `instruction_depth_` counts the open fields still in their instruction.
  void read_field_char(const pugi::xml_node& fld) {
    const char* type = attribute(fld, "fldCharType");
    if (type == nullptr) return;
    if (std::strcmp(type, "begin") == 0) {
      fields_.push_back(true);
      ++instruction_depth_;
    } else if (std::strcmp(type, "separate") == 0) {
      if (!fields_.empty() && fields_.back()) {
        fields_.back() = false;
        --instruction_depth_;
      }
    } else if (std::strcmp(type, "end") == 0) {
      if (!fields_.empty()) {
        if (fields_.back()) --instruction_depth_;
        fields_.pop_back();
      }
    }
  }

  // --- tables ---
  struct MergeOrigin {
    std::string text;
    Locator where;
  };

  structured::Table read_table(const pugi::xml_node& tbl) {
    structured::Table table;
    table.number = ++table_count_;
    std::vector<pugi::xml_node> rows;
    collect(tbl, "tr", rows);
    std::map<std::uint32_t, MergeOrigin> merges;  // grid column → the cell that starts a vertical merge
    std::uint32_t row_number = 0;
    for (const pugi::xml_node& tr : rows) {
      const pugi::xml_node trpr = child(tr, "trPr");
      if (trpr && child(trpr, "del")) {  // a deleted row: gone once the change is accepted
        Locator where;
        where.table = table.number;
        where.row = row_number + 1;
        record(Kind::deletion, row_text(tr), child(trpr, "del"), where);
        continue;
      }
      structured::Row row;
      ++row_number;
      if (trpr) {
        row.repeated_header = child(trpr, "tblHeader") && on(child_val(trpr, "tblHeader"));
        if (child(trpr, "ins")) {
          Locator where;
          where.table = table.number;
          where.row = row_number;
          record(Kind::insertion, row_text(tr), child(trpr, "ins"), where);
        }
        if (child(trpr, "trPrChange")) {
          record(Kind::format, "", child(trpr, "trPrChange"), Locator{0, 0, table.number, row_number, 0});
        }
      }
      read_row(tr, table.number, row_number, merges, row);
      table.rows.push_back(std::move(row));
    }
    if (const pugi::xml_node tblpr = child(tbl, "tblPr"); tblpr && child(tblpr, "tblPrChange")) {
      record(Kind::format, "", child(tblpr, "tblPrChange"), Locator{0, 0, table.number, 0, 0});
    }
    return table;
  }

  void read_row(const pugi::xml_node& tr, std::uint32_t table, std::uint32_t row_number,
                std::map<std::uint32_t, MergeOrigin>& merges, structured::Row& row) {
    const pugi::xml_node trpr = child(tr, "trPr");
    auto column = static_cast<std::uint32_t>(1 + (trpr ? count_of(child_val(trpr, "gridBefore"), 0) : 0));
    std::vector<pugi::xml_node> cells;
    collect(tr, "tc", cells);
    for (const pugi::xml_node& tc : cells) {
      const pugi::xml_node tcpr = child(tc, "tcPr");
      const auto span = static_cast<std::uint32_t>(std::max(1, tcpr ? count_of(child_val(tcpr, "gridSpan"), 1) : 1));
      const pugi::xml_node vmerge = tcpr ? child(tcpr, "vMerge") : pugi::xml_node{};
      const char* vmerge_val = vmerge ? attribute(vmerge, "val") : nullptr;
      const bool continues = vmerge && (vmerge_val == nullptr || std::strcmp(vmerge_val, "continue") == 0);
      structured::Cell cell;
      cell.span = span;
      cell.where = Locator{0, 0, table, row_number, column};
      if (tcpr && child(tcpr, "tcPrChange")) record(Kind::format, "", child(tcpr, "tcPrChange"), cell.where);
      const auto origin = merges.find(column);
      if (continues && origin != merges.end()) {
        cell.text = origin->second.text;
        cell.where = origin->second.where;
        anchor_waiting(cell.where);
        read_cell(tc, origin->second.where);  // its own (empty) paragraphs still number and anchor
      } else {
        cell.text = read_cell(tc, cell.where);
        for (std::uint32_t c = column; c < column + span; ++c) merges.erase(c);
        if (vmerge && !continues) merges[column] = MergeOrigin{cell.text, cell.where};
      }
      row.cells.push_back(std::move(cell));
      column += span;
    }
  }

  // A cell's paragraphs (and nested tables, text boxes) joined by a space.
  std::string read_cell(const pugi::xml_node& tc, const Locator& where) {
    anchor_waiting(where);
    std::string text;
    read_cell_blocks(tc, where, text);
    return text;
  }

  void read_cell_blocks(const pugi::xml_node& container, const Locator& where, std::string& text) {
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (is(c, "p")) {
        std::vector<pugi::xml_node> boxes;
        join(text, read_paragraph(c, where, boxes).text);
        for (const pugi::xml_node& box : boxes) read_cell_blocks(box, where, text);
      } else if (is(c, "tbl")) {
        std::vector<pugi::xml_node> rows;
        collect(c, "tr", rows);
        for (const pugi::xml_node& tr : rows) {
          std::vector<pugi::xml_node> cells;
          collect(tr, "tc", cells);
          for (const pugi::xml_node& tc : cells) read_cell_blocks(tc, where, text);
        }
      } else if (is(c, "sdt")) {
        read_cell_blocks(child(c, "sdtContent"), where, text);
      } else if (is(c, "customXml")) {
        read_cell_blocks(c, where, text);
      } else if (is(c, "AlternateContent")) {
        read_cell_blocks(alternate_branch(c), where, text);
      } else if (is(c, "commentRangeStart")) {
        anchor(attribute(c, "id"), where);
      }
    }
  }

  // A row's text, for the record of a deleted or inserted row (nothing else is advanced or recorded).
  std::string row_text(const pugi::xml_node& tr) {
    const bool was = recording_;
    recording_ = false;
    std::string text;
    std::vector<pugi::xml_node> cells;
    collect(tr, "tc", cells);
    for (const pugi::xml_node& tc : cells) join(text, joined_paragraphs(tc, Locator{}));
    recording_ = was;
    return text;
  }

  // Text of paragraphs with no numbering, change records or anchors (comments, deleted rows).
  std::string joined_paragraphs(const pugi::xml_node& container, const Locator& where) {
    std::string text;
    std::vector<pugi::xml_node> paragraphs;
    collect(container, "p", paragraphs);
    for (const pugi::xml_node& p : paragraphs) {
      Inline run;
      run.where = where;
      read_inline(p, run);
      join(text, run.text.finish());
    }
    return text;
  }

  // Children named `local` of `node`, looking through row- and cell-level content controls and custom XML.
  static void collect(const pugi::xml_node& node, const char* local, std::vector<pugi::xml_node>& found) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (is(c, local)) {
        found.push_back(c);
      } else if (is(c, "sdt")) {
        collect(child(c, "sdtContent"), local, found);
      } else if (is(c, "customXml")) {
        collect(c, local, found);
      }
    }
  }

  static void join(std::string& text, const std::string& more) {
    if (more.empty()) return;
    if (!text.empty()) text += ' ';
    text += more;
  }

  // --- comments' anchors and tracked changes ---
  void anchor(const char* id, const Locator& where) {
    if (id != nullptr && recording_) anchors_.emplace(id, where);  // the first mark (the range's start) wins
  }

  void anchor_waiting(const Locator& where) {
    for (const std::string& id : waiting_anchors_) anchors_.emplace(id, where);
    waiting_anchors_.clear();
  }

  void record(Kind kind, std::string text, const pugi::xml_node& change, const Locator& where) {
    if (!recording_) return;
    const char* author = attribute(change, "author");
    out_.pending_changes.push_back(PendingChange{kind, std::move(text), author != nullptr ? author : "", where});
    last_change_element_ = change;
  }

  // Word wraps each run of one edit in its own w:ins (w:del): an element right after the last recorded one,
  // of the same kind, author and place, continues that change.
  bool continues_last(Kind kind, const pugi::xml_node& change, const Locator& where) const {
    if (!recording_ || out_.pending_changes.empty()) return false;
    const PendingChange& last = out_.pending_changes.back();
    const char* author = attribute(change, "author");
    return last.kind == kind && last.where == where && last.author == (author != nullptr ? author : "") &&
           last_change_element_ == previous_element(change);
  }

  static std::string trimmed(const std::string& s) { return TextBuilder::trim(s); }

  structured::Document& out_;
  docx::Styles styles_;
  docx::Numbering numbering_;
  std::uint32_t paragraph_count_ = 0;
  std::uint32_t table_count_ = 0;
  std::map<std::string, Locator> anchors_;      // comment id → where it is anchored
  std::vector<std::string> waiting_anchors_;    // comment ranges begun between blocks: the next block's
  std::vector<bool> fields_;                    // open complex fields: true while in their instruction
  int instruction_depth_ = 0;
  bool recording_ = true;
  pugi::xml_node last_change_element_;
  std::size_t change_start_ = 0;  // where the last recorded insertion's text began
  std::string deleted_raw_;       // the last recorded deletion's text, untrimmed
};

std::unique_ptr<XmlPart> optional_part(ZipArchive& zip, const std::string& part, const std::string& name) {
  const auto bytes = zip.read(part);
  if (!bytes) return nullptr;
  return load_xml(*bytes, part, name);
}

}  // namespace

structured::Document read_docx(std::string_view bytes, const std::string& name) {
  ZipArchive zip(bytes, name);
  const auto document_bytes = zip.read("word/document.xml");
  if (!document_bytes) {
    throw InputError(name, "the zip archive has no word/document.xml, so it is not a Word document (.docx): "
                           "save it from Word or LibreOffice as .docx");
  }
  const auto document = load_xml(*document_bytes, "word/document.xml", name);
  const pugi::xml_node root = document->doc.document_element();
  const pugi::xml_node body = child(root, "body");
  if (!is(root, "document") || !body) {
    throw InputError(name, "word/document.xml: no w:document with a w:body: not a Word document's main part");
  }
  structured::Document out;
  out.kind = "docx";
  DocxReader reader(out);
  if (const auto styles = optional_part(zip, "word/styles.xml", name)) reader.load_styles(styles->doc.document_element());
  if (const auto numbering = optional_part(zip, "word/numbering.xml", name)) {
    reader.load_numbering(numbering->doc.document_element());
  }
  reader.read_body(body);
  if (const auto comments = optional_part(zip, "word/comments.xml", name)) {
    reader.read_comments(comments->doc.document_element());
  }
  return out;
}

}  // namespace planlint::read
