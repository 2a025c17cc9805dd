#include "read/pdf_wraps.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

namespace planlint::read::pdf {

namespace {

using structured::Document;

// A run of a line's last word and the first words of the lines after it, glued: at most a word, then two
// lines of one word each, then the next line's first (a narrow table column); longer runs are not made.
constexpr std::size_t max_run = 4;

// How far below a line the next line of its paragraph or cell may start, in heights of the line: a line
// pitch is about 1.2 of them; farther is another paragraph (a false candidate only, never glued in a tree).
constexpr double max_line_gap = 3.0;

// Where the pages read a token: the word `first` alone (count 1), or `first`, the last word of a line,
// glued to the first words of the `count` - 1 lines after it, the line after `segment` and so on.
struct Place {
  std::size_t first = 0;
  std::size_t count = 1;
  std::size_t segment = 0;
};

struct Places {
  std::vector<Place> places;  // in reading order
  bool page_word = false;     // one of them is a word alone
};

// A piece of a line: words that follow each other in reading order on one line, no farther apart than a
// space. Table cells side by side are separate pieces even where poppler reads their lines as one.
struct Segment {
  std::size_t first = 0, last = 0;  // word indices
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::uint32_t page = 0;
  std::size_t next = npos;  // the piece that continues it on the next line (same column), or npos
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

bool on_one_line(const Word& a, const Word& b) {
  const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return overlap >= std::min(a.y1 - a.y0, b.y1 - b.y0) / 2;
}

// Where words start at the same x on a page: a column's left edge (a table cell's, in particular), as the
// lines of the column start there. Keys are x in quarter points.
using LeftEdges = std::unordered_map<std::int64_t, std::size_t>;

std::int64_t edge_key(double x) { return static_cast<std::int64_t>(std::llround(x * 4)); }

// How many words of the page start at x (within half a point).
std::size_t starting_at(const LeftEdges& edges, double x) {
  std::size_t n = 0;
  for (std::int64_t k = edge_key(x) - 2; k <= edge_key(x) + 2; ++k) {
    if (const auto found = edges.find(k); found != edges.end()) n += found->second;
  }
  return n;
}

// Whether `next` goes on the piece of line that `word` is in: the same line, to its right, and no farther
// than a space. A space is a quarter to a third of an em; where poppler saw none, a gap wider than that is
// no space either. A gap of half an em before a word that starts where at least two other words of the page
// start too is the gap between table cells (their padding), whose lines poppler may read as one line.
bool continues_piece(const Word& word, const Word& next, const LeftEdges& edges) {
  if (next.page != word.page || !on_one_line(word, next)) return false;
  const double gap = next.x0 - word.x1;
  const double em = std::max(word.font_size, 1.0);
  if (gap < -0.2 * em || gap >= (word.space_after ? 1.0 : 0.3) * em) return false;
  return gap < 0.5 * em || starting_at(edges, next.x0) < 3;
}

bool overlap_across(const Segment& a, const Segment& b) { return std::min(a.x1, b.x1) > std::max(a.x0, b.x0); }

// The page words cut into pieces of lines, each linked to the piece below it in its column.
std::vector<Segment> segments_of(const std::vector<const Word*>& words) {
  std::vector<Segment> out;
  LeftEdges edges;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = *words[i];
    if (i == 0 || w.page != words[i - 1]->page) {
      edges.clear();
      for (std::size_t j = i; j < words.size() && words[j]->page == w.page; ++j) ++edges[edge_key(words[j]->x0)];
    }
    if (!out.empty() && continues_piece(*words[out.back().last], w, edges)) {
      Segment& s = out.back();
      s.last = i;
      s.x0 = std::min(s.x0, w.x0), s.x1 = std::max(s.x1, w.x1), s.y0 = std::min(s.y0, w.y0), s.y1 = std::max(s.y1, w.y1);
    } else {
      out.push_back(Segment{.first = i, .last = i, .x0 = w.x0, .y0 = w.y0, .x1 = w.x1, .y1 = w.y1, .page = w.page});
    }
  }
  return out;
}

// Links each piece to the next line of its column: the nearest piece below it that overlaps it across, on
// its page within a few line heights, else among the top pieces of the next page (where a paragraph or a
// cell goes on). Pieces are taken by page from top to bottom, and each looks only that far: linear.
void link_lines(std::vector<Segment>& segments) {
  constexpr std::size_t max_top_pieces = 32;  // the next page's first lines: a header row's cells and more
  std::vector<std::size_t> order(segments.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Segment &p = segments[a], &q = segments[b];
    return p.page != q.page ? p.page < q.page : p.y0 != q.y0 ? p.y0 < q.y0 : p.x0 < q.x0;
  });
  for (std::size_t k = 0; k < order.size(); ++k) {
    Segment& s = segments[order[k]];
    const double height = std::max(s.y1 - s.y0, 1.0);
    std::size_t on_next_page = 0;
    for (std::size_t j = k + 1; j < order.size(); ++j) {
      const Segment& below = segments[order[j]];
      if (below.page == s.page) {
        if (below.y0 > s.y1 + max_line_gap * height) break;
        if (below.y0 <= s.y0 + height / 2 || !overlap_across(s, below)) continue;
      } else if (below.page != s.page + 1 || ++on_next_page > max_top_pieces) {
        break;
      } else if (!overlap_across(s, below)) {
        continue;
      }
      s.next = order[j];
      break;
    }
  }
}

// The page words and where each token glued at wraps is read on them.
class WrapIndex {
 public:
  explicit WrapIndex(const std::vector<Page>& pages) {
    for (const Page& p : pages) {
      for (const Word& w : p.words) words_.push_back(&w);
    }
    texts_.reserve(words_.size());
    for (const Word* w : words_) texts_.push_back(collapse_spaces(clean_word(w->text)));
    segments_ = segments_of(words_);
    link_lines(segments_);
    // First the glued tokens, then, in reading order, every place that reads one (alone or glued).
    for (std::size_t s = 0; s < segments_.size(); ++s) for_each_run(s, [&](const std::string& glued, std::size_t) { index_[glued]; });
    std::size_t segment = 0;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (const auto found = index_.find(texts_[i]); found != index_.end()) {
        found->second.places.push_back({.first = i, .count = 1, .segment = 0});
        found->second.page_word = true;
      }
      while (segment < segments_.size() && segments_[segment].last < i) ++segment;
      if (segment == segments_.size() || segments_[segment].last != i) continue;
      for_each_run(segment, [&](const std::string& glued, std::size_t count) {
        index_[glued].places.push_back({.first = i, .count = count, .segment = segment});
      });
    }
  }

  // Where the pages read `token`; nullptr when no wrap glues it.
  const Places* find(const std::string& token) const {
    const auto found = index_.find(token);
    return found == index_.end() ? nullptr : &found->second;
  }

  // The words of `place` joined as lines are, but keeping a line-end hyphen: the tree's text is the
  // document's own characters, so a hyphen the glued token has is one the author wrote ("luonto-liikunta",
  // where Voikko would join "luontoliikunta"; a soft hyphen that broke the line is not in it). Only the
  // space is join_line's to decide ("terveys- ja"; a wrap mark, settled with the rest: pdf_joins.hpp).
  std::string joined(const Place& place) const {
    std::string text = clean_word(words_[place.first]->text);
    std::size_t s = place.segment;
    for (std::size_t n = 1; n < place.count; ++n) {
      s = segments_[s].next;
      join_line(text, clean_word(words_[segments_[s].first]->text));
    }
    std::erase(text, hyphen_mark);  // the hyphen is in the glued token: the author's, not the document's call
    return collapse_spaces(text);
  }

 private:
  // Calls f(glued text, word count) for each run from the last word of piece `s` over the first words of
  // the lines after it: each line between holds that one word.
  template <class F>
  void for_each_run(std::size_t s, F&& f) const {
    std::string glued = texts_[segments_[s].last];
    if (glued.empty()) return;
    for (std::size_t count = 2; count <= max_run; ++count) {
      const std::size_t next = segments_[s].next;
      if (next == Segment::npos || texts_[segments_[next].first].empty()) return;
      glued += texts_[segments_[next].first];
      f(glued, count);
      if (segments_[next].first != segments_[next].last) return;  // the line goes on: the run ends here
      s = next;
    }
  }

  std::vector<const Word*> words_;
  std::vector<std::string> texts_;  // as the tree's text is cleaned
  std::vector<Segment> segments_;   // in reading order
  std::unordered_map<std::string, Places> index_;
};

// Calls f(token) for each token of `text` between spaces.
template <class F>
void for_each_token(std::string_view text, F&& f) {
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    f(text.substr(at, end - at));
    at = end + 1;
  }
}

// The texts of the tree that are its own: paragraphs and cells, but not the copies of a cell merged over
// rows (structured.hpp: each row below its first holds a copy; `copy_originals` restores them after).
std::vector<std::string*> own_texts(Document& tree) {
  std::vector<std::string*> out;
  for (structured::Block& b : tree.blocks) {
    if (auto* p = std::get_if<structured::Paragraph>(&b)) {
      out.push_back(&p->text);
      continue;
    }
    auto& rows = std::get<structured::Table>(b).rows;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (structured::Cell& c : rows[r].cells) {
        if (c.where.row == 0 || c.where.row == r + 1) out.push_back(&c.text);
      }
    }
  }
  return out;
}

// Gives each copy of a cell merged over rows the text of the cell in the row where it starts.
void copy_originals(Document& tree) {
  for (structured::Block& b : tree.blocks) {
    auto* t = std::get_if<structured::Table>(&b);
    if (!t) continue;
    for (std::size_t r = 0; r < t->rows.size(); ++r) {
      for (structured::Cell& c : t->rows[r].cells) {
        if (c.where.row == 0 || c.where.row == r + 1 || c.where.row > t->rows.size()) continue;
        for (const structured::Cell& o : t->rows[c.where.row - 1].cells) {
          if (o.where.column == c.where.column && o.where.row == c.where.row) c.text = o.text;
        }
      }
    }
  }
}

}  // namespace

void restore_wraps(Document& tree, const std::vector<Page>& pages) {
  const WrapIndex index(pages);
  const std::vector<std::string*> texts = own_texts(tree);
  // How often the tree has each glued token: as often as the pages read it, alone or glued, and the k-th
  // time is the k-th place; otherwise (a page word the tree repeats or leaves out) only a token that is no
  // word of the pages is taken as glued.
  std::unordered_map<std::string, std::size_t> in_tree, seen;
  for (const std::string* text : texts) {
    for_each_token(*text, [&](std::string_view token) {
      if (index.find(std::string(token))) ++in_tree[std::string(token)];
    });
  }
  for (std::string* text : texts) {
    std::string out;
    out.reserve(text->size() + 16);
    for_each_token(*text, [&](std::string_view token_view) {
      if (!out.empty()) out += ' ';
      const std::string token(token_view);
      const Places* places = index.find(token);
      if (!places) {
        out += token;
        return;
      }
      const std::size_t k = seen[token]++;
      const auto& p = places->places;
      if (in_tree[token] == p.size()) {
        out += p[k].count == 1 ? token : index.joined(p[k]);
      } else if (!places->page_word) {
        out += index.joined(p[std::min(k, p.size() - 1)]);
      } else {
        out += token;
      }
    });
    *text = std::move(out);
  }
  copy_originals(tree);
}

}  // namespace planlint::read::pdf
