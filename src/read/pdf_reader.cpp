#include "read/pdf_reader.hpp"

#include <poppler-document.h>

#include <algorithm>
#include <memory>
#include <cctype>
#include <mutex>
#include <unordered_set>
#include <variant>

#include "model/error.hpp"
#include "read/pdf_joins.hpp"
#include "read/pdf_layout.hpp"
#include "read/pdf_tagged.hpp"
#include "read/pdf_words.hpp"
#include "spell/speller.hpp"

namespace planlint::read {

namespace {

using structured::Document;

// poppler takes the length as an int: a larger file is not a plan.
constexpr std::size_t max_pdf_bytes = 1u << 30;

void check_header(std::string_view bytes, const std::string& name) {
  // The header may follow some bytes of junk (readers accept it within the first 1024 bytes).
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    throw InputError(name, "not a PDF: it does not start with '%PDF-'");
  }
  if (bytes.size() > max_pdf_bytes) throw InputError(name, "PDF larger than 1 GiB: not read");
}

std::unique_ptr<poppler::document> open(std::string_view bytes, const std::string& name) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    throw InputError(name, "damaged or truncated PDF: poppler cannot open it (open it in a PDF viewer and save or "
                           "export it again)");
  }
  if (doc->is_locked()) {
    throw InputError(name, "encrypted PDF: it needs a password to open; save or export a copy without a password");
  }
  return doc;
}

std::size_t alnum_of_pages(const std::vector<pdf::Page>& pages) {
  std::size_t n = 0;
  for (const pdf::Page& p : pages) {
    for (const pdf::Word& w : p.words) n += pdf::count_alnum(w.text);
  }
  return n;
}

std::size_t alnum_of(const Document& doc) {
  std::size_t n = 0;
  structured::for_each_text(doc, [&](const std::string& text) { n += pdf::count_alnum(text); });
  return n;
}

// A word as compared between the tree and the pages: its letters and digits only.
std::string word_key(std::string_view w) {
  std::string k;
  for (const char c : w) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) k += c;
  }
  return k;
}

// The words of the pages, by their letters and digits; and the first parts of words hyphenated at a
// line end ("toimenpitei-"), for a tree that gives such a word whole where its producer marked the
// hyphen as only a break (ActualText).
struct PageWords {
  std::unordered_set<std::string> words;
  std::unordered_set<std::string> hyphenated_starts;

  explicit PageWords(const std::vector<pdf::Page>& pages) {
    for (const pdf::Page& p : pages) {
      for (const pdf::Word& w : p.words) {
        const std::string word = pdf::collapse_spaces(pdf::clean_word(w.text));
        words.insert(word_key(word));
        if (word.ends_with('-')) hyphenated_starts.insert(word_key(word));
      }
    }
  }

  // Whether the pages have the word `key`, whole or in two parts across a line end.
  bool has(const std::string& key) const {
    if (words.contains(key)) return true;
    if (hyphenated_starts.empty()) return false;
    for (std::size_t cut = 1; cut < key.size(); ++cut) {
      if (hyphenated_starts.contains(key.substr(0, cut)) && words.contains(key.substr(cut))) return true;
    }
    return false;
  }
};

// How many of the words of `text` the pages do not have (a tree that glued two words at a wrap).
std::size_t unknown_words(std::string_view text, const PageWords& page_words, std::size_t& words) {
  std::size_t unknown = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    const std::string key = word_key(text.substr(at, end - at));
    at = end + 1;
    if (key.empty()) continue;
    ++words;
    unknown += !page_words.has(key);
  }
  return unknown;
}

// Whether a structure tree holds the text of the pages: all but the artifacts (running headers, footers,
// page numbers: a few per cent), not more (a tree that repeats or invents text), and word for word. A tree
// that misses a table row or glues words ("lasten januorten") must not win over the page text.
bool tree_is_complete(const Document& tree, const std::vector<pdf::Page>& pages, std::size_t page_alnum) {
  const std::size_t tree_alnum = alnum_of(tree);
  if (tree_alnum * 100 < page_alnum * 92 || tree_alnum * 100 > page_alnum * 102) return false;
  const PageWords page_words(pages);
  std::size_t words = 0, unknown = 0;
  structured::for_each_text(tree, [&](const std::string& text) { unknown += unknown_words(text, page_words, words); });
  return unknown * 100 <= words * 2;
}

// Whether a table of the tree has a row with fewer cells than its widest row: a cell merged from a row
// above that the tree does not declare (no RowSpan), so that its reader cannot place it. The page's
// layout shows where the merged cell stands.
bool has_short_row(const Document& tree) {
  for (const structured::Block& b : tree.blocks) {
    const auto* t = std::get_if<structured::Table>(&b);
    if (!t) continue;
    const auto width = [](const structured::Row& r) {
      std::uint32_t n = 0;
      for (const structured::Cell& c : r.cells) n += c.span;
      return n;
    };
    std::uint32_t widest = 0;
    for (const structured::Row& r : t->rows) widest = std::max(widest, width(r));
    for (const structured::Row& r : t->rows) {
      if (width(r) < widest) return true;
    }
  }
  return false;
}

// Drops the paragraphs of a structure tree that are only running headers, footers or page numbers
// (Chromium tags a fixed header once, with its text on every page): what is left of them without the
// page furniture's texts has no letter or digit.
void drop_furniture(Document& tree, const std::vector<std::string>& furniture) {
  if (furniture.empty()) return;
  std::erase_if(tree.blocks, [&](const structured::Block& b) {
    const auto* p = std::get_if<structured::Paragraph>(&b);
    if (!p) return false;
    std::string rest = p->text;
    for (const std::string& f : furniture) {
      for (std::size_t at = rest.find(f); !f.empty() && at != std::string::npos; at = rest.find(f)) rest.erase(at, f.size());
    }
    return pdf::count_alnum(rest) == 0;
  });
  std::uint32_t n = 0;
  for (structured::Block& b : tree.blocks) {
    if (auto* p = std::get_if<structured::Paragraph>(&b)) p->where.paragraph = ++n;
  }
}

// Voikko, opened once per process when a hyphen first needs it; nullptr when it is not installed.
spell::Speller* voikko() {
  static std::once_flag once;
  static std::unique_ptr<spell::Speller> speller;
  std::call_once(once, [] {
    try {
      speller = std::make_unique<spell::Speller>(spell::SpellerOptions{});
    } catch (const spell::SpellerUnavailable&) {
    }
  });
  return speller.get();
}

pdf::IsWord word_checker(const PdfOptions& options) {
  if (options.is_word || !options.use_voikko) return options.is_word;
  return [](std::string_view word) {
    spell::Speller* s = voikko();
    return s && s->accepts(word);
  };
}

}  // namespace

Document read_pdf(std::string_view bytes, const std::string& name) { return read_pdf(bytes, name, PdfOptions{}); }

Document read_pdf(std::string_view bytes, const std::string& name, const PdfOptions& options) {
  pdf::silence_poppler();
  check_header(bytes, name);
  const std::unique_ptr<poppler::document> doc = open(bytes, name);
  const std::vector<pdf::Page> pages = pdf::page_words(*doc);
  if (pages.empty()) throw InputError(name, "damaged PDF: no page could be read");
  const std::size_t page_alnum = alnum_of_pages(pages);
  if (page_alnum == 0) {
    throw InputError(name, "PDF without a text layer (scanned?): run OCR first (e.g. ocrmypdf), or export the plan "
                           "from the program it was written in");
  }
  const pdf::IsWord is_word = word_checker(options);
  if (options.use_structure_tree) {
    std::optional<Document> tree = pdf::read_tagged(bytes);
    if (tree) pdf::settle_line_joins(*tree, is_word);
    if (tree && tree_is_complete(*tree, pages, page_alnum) && !has_short_row(*tree)) {
      drop_furniture(*tree, pdf::page_furniture(pages));
      return std::move(*tree);
    }
  }
  Document layout = pdf::read_layout(pages, pdf::ruling_lines(*doc));
  pdf::settle_line_joins(layout, is_word);
  return layout;
}

}  // namespace planlint::read
