#include "read/row_recovery.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "read/line_cues.hpp"
#include "text/utf8.hpp"

namespace planlint::read::rows {
namespace {

// Costs are negative log-likelihoods in nats: a reading of a table is as likely as exp(-(sum of its
// costs)). A cost of 3 makes a reading about 20 times less likely than one without it. The weights were
// set on the structure of the samples, not on their words.
namespace cost {
constexpr double not_capital_start = 6.0;   // cells start with a capital letter
constexpr double opener_measure = -1.0;     // a passive verb opens a measure…
constexpr double opener_indicator = 8.0;    // …and practically never an indicator (less likely than none)
constexpr double cut_in_soft_wrap = 3.0;    // a cell ends where its line was soft-wrapped mid-sentence
constexpr double opener_mid_sentence = 3.0; // a passive verb after a line that ends mid-sentence starts a cell
constexpr double indicator_ends_in_wrap = 1.0;  // a soft-wrap blank ends measures' last sentences, not indicators
constexpr double cut_after_open = 4.0;      // …or after a comma, a hyphen or a conjunction
constexpr double wrap_capital = 0.5;        // soft wrap mid-sentence, next line starts with a name
constexpr double wrap_after_sentence = 1.5; // soft wrap after a full stop: the cell may go on or end
constexpr double double_trailing = 4.0;     // two trailing blanks close a cell
constexpr double hard_break = 3.0;          // a hard line break inside a cell (indicators list items so)
constexpr double hard_break_mid_sentence = 5.0;  // …inside a measure's sentence, before a capital
constexpr double too_long_for_cell = 5.0;   // a line wider than the cells' wrap width holds two cells
constexpr double measure_no_full_stop = 3.0;  // 2 of the samples' 65 measures end without one
constexpr double indicator_noun_end = -1.0;
constexpr double measure_noun_end = 2.0;     // a measure that ends like an indicator ("… määrä")
constexpr double indicator_full_stop = 1.5;  // indicators are mostly phrases, measures sentences
constexpr double passive_in_indicator = 2.0;
constexpr double long_indicator_line = 0.7; // per indicator line beyond three
constexpr double missing_indicator = 5.0;   // rare, but the case a checker is there to find
constexpr double indicator_apart = 5.0;     // a one-line measure's indicator shares its line, not the next one
constexpr double split_line = 0.5;          // a line that holds a one-line measure and its indicator
constexpr double split_at_word = 2.0;       // …split before a capital that does not start a sentence
// layout text
constexpr double measure_not_on_top = 6.0;
constexpr double no_measure = 10.0;
constexpr double layout_missing_indicator = 4.0;  // a little under an unforced break after a sentence
constexpr double indicator_not_on_top = 3.0;
constexpr double column_gap = 3.0;          // a column's text stops and resumes within one row
constexpr double indicator_not_capital = 4.0;
constexpr double wrap_sentence_measure = 1.0;
constexpr double wrap_sentence_indicator = 1.5;
constexpr double wrap_name = 0.3;
constexpr double opener_inside_measure = 0.5;
constexpr double unpadded_row = 2.0;        // rows of a table with blank lines between them
constexpr double unforced_break_measure = 3.5;   // the next word would have fit: not a wrap
constexpr double unforced_break_indicator = 1.0; // (indicators list items on lines of their own)
constexpr double forced_wrap_after_sentence = 0.3;
}  // namespace cost

constexpr double neg_inf = -std::numeric_limits<double>::infinity();
constexpr std::size_t max_cell_lines = 40;

// The cell a node follows: a measure, an indicator, or a measure of one whole line. The last is a state of
// its own because export tools put the first line of such a measure's indicator on the measure's line: an
// indicator that starts on the next line rather belongs to a longer measure, or to another row.
enum role : int { M = 0, I = 1, M1 = 2 };
constexpr std::size_t roles = 3;

// What a line (blocks), or one column's text on it (layout), tells about cell boundaries: worked out once
// by cues_of(), as a line is weighed in up to some 240 candidate cells and the cues fold words.
struct TextCues {
  Initial initial = Initial::other;
  bool opens = false;  // opens_measure()
  bool ends_sentence = false;
  bool ends_open = false;
  bool inner_passive = false;
  double end_cost[2] = {0, 0};  // of a measure (M) or an indicator (I) that ends here: end_cost()
};

struct LineInfo : TextCues {
  std::string_view text;
  int trailing = 0;
  bool too_long = false;  // wider than any soft-wrapped line: a one-line measure and its indicator
  std::vector<std::size_t> splits;       // where a sentence starts: a measure may end before it
  std::vector<std::size_t> word_splits;  // other capitalised words, in a line that is too long
};

// Soft-wrapped lines in which no second cell can start (no sentence starts inside them) lie within one
// cell, so they show how wide a cell's line gets; a line clearly wider than all of them holds two cells
// side by side. Without enough such lines there is no measure of width.
void mark_too_long(std::vector<LineInfo>& info) {
  std::size_t width = 0, seen = 0;
  for (const LineInfo& x : info) {
    if (x.trailing > 0 && x.splits.empty()) width = std::max(width, utf8::count_code_points(x.text)), ++seen;
  }
  if (seen < 3) return;
  const std::size_t limit = width + std::max<std::size_t>(8, width / 10);
  for (LineInfo& x : info) x.too_long = utf8::count_code_points(x.text) > limit;
}

// In a line that must hold two cells, a cell may also end without a full stop: every capitalised word
// may start the second one.
void add_word_splits(LineInfo& x) {
  if (!x.too_long) return;
  for (std::size_t i = 1; i + 1 < x.text.size(); ++i) {
    if (x.text[i - 1] != ' ' || x.text[i] == ' ' || initial_of(x.text.substr(i)) != Initial::upper) continue;
    if (std::find(x.splits.begin(), x.splits.end(), i) == x.splits.end()) x.word_splits.push_back(i);
  }
}

// The cost of a cell starting with text whose first letter is `initial` and that `opens` a measure or not,
// after line `prev` (nullptr: it starts mid-line, after a split).
double start_cost(role r, Initial initial, bool opens, const LineInfo* prev) {
  double c = 0;
  if (initial != Initial::upper) c += cost::not_capital_start;
  if (opens) c += r == M ? cost::opener_measure : cost::opener_indicator;
  if (prev) {
    if (prev->ends_open) c += cost::cut_after_open;
    else if (prev->trailing == 1 && !prev->ends_sentence) c += cost::cut_in_soft_wrap;
  }
  return c;
}

double start_cost(role r, std::string_view text, const LineInfo* prev) {
  return start_cost(r, initial_of(text), opens_measure(text), prev);
}

double continue_cost(role r, const LineInfo& prev, const LineInfo& next) {
  if (prev.ends_open || next.initial == Initial::lower) return 0;
  double c = prev.trailing >= 2   ? cost::double_trailing
             : prev.trailing == 1 ? (prev.ends_sentence ? cost::wrap_after_sentence : cost::wrap_capital)
             : (r == M && !prev.ends_sentence) ? cost::hard_break_mid_sentence
                                  : cost::hard_break;
  if (r == I && next.opens) c += cost::opener_indicator;
  else if (r == M && !prev.ends_sentence && next.opens) c += cost::opener_mid_sentence;
  return c;
}

// A cell's last line kept a soft-wrap blank: measures do so after their last sentence, indicators (mostly
// phrases) rather go on.
double end_blank_cost(role r, const LineInfo& last) { return r == I && last.trailing > 0 ? cost::indicator_ends_in_wrap : 0; }

// The cost of a cell whose last text ends a sentence or not and ends like an indicator or not.
double end_cost(role r, bool sentence, bool indicator) {
  if (r == M) {
    if (sentence) return 0;
    return cost::measure_no_full_stop + (indicator ? cost::measure_noun_end : 0);
  }
  if (indicator) return cost::indicator_noun_end;
  return sentence ? cost::indicator_full_stop : 0;
}

double end_cost(role r, std::string_view last) { return end_cost(r, ends_sentence(last), ends_indicator(last)); }

// `passive`: whether inner_passive is wanted (layout weighs it in indicators only, and it reads every word).
TextCues cues_of(std::string_view text, bool passive = true) {
  TextCues c;
  c.initial = initial_of(text);
  c.opens = opens_measure(text);
  c.ends_sentence = ends_sentence(text);
  c.ends_open = ends_open(text);
  c.inner_passive = passive && has_inner_passive(text);
  const bool indicator = ends_indicator(text);
  c.end_cost[M] = end_cost(M, c.ends_sentence, indicator);
  c.end_cost[I] = end_cost(I, c.ends_sentence, indicator);
  return c;
}

// hop_*: blocks only, from a line's node into the hub where the next cell starts (see recover_block_rows).
enum class Kind : std::uint8_t { measure, indicator, split, hop_measure, hop_indicator };

// 32 bytes: a long table's lattice has some 150 edges a line, written once and read by each pass of
// solve(); with 8-byte fields (56 bytes an edge) filling them in was a sixth of reading block text.
// Nodes, lines and byte offsets fit 32 bits: documents are under 2 GiB.
struct Edge {
  double cost = 0;         // of the cell(s), or (blocks) of the hop into a hub
  std::uint32_t from = 0;  // node index (layout: a line; blocks: see recover_block_rows)
  std::uint32_t to = 0;
  std::uint32_t first = 0, last = 0, split_at = 0;
  Kind kind = Kind::measure;

  Edge(std::size_t from_node, std::size_t to_node, double cell_cost, Kind edge_kind, std::size_t first_line,
       std::size_t last_line, std::size_t split_byte)
      : cost(cell_cost),
        from(static_cast<std::uint32_t>(from_node)),
        to(static_cast<std::uint32_t>(to_node)),
        first(static_cast<std::uint32_t>(first_line)),
        last(static_cast<std::uint32_t>(last_line)),
        split_at(static_cast<std::uint32_t>(split_byte)),
        kind(edge_kind) {}
};
static_assert(sizeof(Edge) == 32);

// An edge into a node, as the forward pass reads it: the edges into each node lie together, in the
// lattice's order, so that the pass reads one array in order instead of the edges at random.
struct InEdge {
  double cost;
  std::uint32_t from;
  std::uint32_t edge;  // its index in Lattice::edges
};

struct Lattice {
  std::vector<Edge> edges;  // in order of `from`
  std::vector<double> alpha, beta, best;
  std::vector<std::size_t> back;  // best incoming edge of each node
  std::vector<std::size_t> in_start, in_fill;  // solve(): where the edges into each node start in `in`
  std::vector<InEdge> in;
  double log_z = 0;
};

// An empty lattice whose vectors keep the capacity of the previous table's on this thread: a long table's
// lattice is megabytes of edges, and allocating them afresh for every table had the kernel clear new
// pages for each (a tenth of reading a final version went to filling in edges).
Lattice& reused_lattice() {
  thread_local Lattice l;
  l.edges.clear();
  l.log_z = 0;
  return l;
}

// log Σ exp(t) over the terms t that `terms` gives to its callback: one exp per term and one log in all,
// where folding them in pairs (lse) took a log and an exp per term. Terms 37 nats or more below the
// largest cannot change the sum of a double, so they cost nothing.
template <typename Terms>
double log_sum(Terms&& terms) {
  thread_local std::vector<double> t;
  t.clear();
  terms([&](double x) {
    if (x != neg_inf) t.push_back(x);
  });
  if (t.empty()) return neg_inf;
  const double m = *std::max_element(t.begin(), t.end());
  double sum = 0;
  for (const double x : t) {
    if (x - m >= -37.0) sum += std::exp(x - m);
  }
  return m + std::log(sum);
}

// Forward-backward and Viterbi over a lattice whose edges all go forward. `final_cost[node]` is the cost
// of ending there (infinite where the reading cannot end).
void solve(Lattice& l, std::size_t nodes, std::size_t start, const std::vector<double>& final_cost) {
  // The edges into each node, in the lattice's order (a counting sort by `to`).
  std::vector<std::size_t>& in_start = l.in_start;
  in_start.assign(nodes + 1, 0);
  l.in.resize(l.edges.size());
  for (const Edge& x : l.edges) ++in_start[x.to + 1];
  for (std::size_t v = 0; v < nodes; ++v) in_start[v + 1] += in_start[v];
  l.in_fill.assign(in_start.begin(), in_start.end() - 1);
  for (std::size_t e = 0; e < l.edges.size(); ++e) {
    const Edge& x = l.edges[e];
    l.in[l.in_fill[x.to]++] = InEdge{x.cost, x.from, static_cast<std::uint32_t>(e)};
  }
  l.alpha.assign(nodes, neg_inf);
  l.best.assign(nodes, neg_inf);
  l.back.assign(nodes, SIZE_MAX);
  for (std::size_t v = 0; v < nodes; ++v) {
    if (v == start) {
      l.alpha[v] = l.best[v] = 0;
      continue;
    }
    // One pass over the edges into v gives the terms of its sum and its best reading: the first edge, in
    // the lattice's order, of the largest score. (Edges go forward: none of them reads alpha[v] or best[v].)
    l.alpha[v] = log_sum([&](auto add) {
      for (std::size_t i = in_start[v]; i < in_start[v + 1]; ++i) {
        const InEdge& x = l.in[i];
        if (l.alpha[x.from] == neg_inf) continue;
        add(l.alpha[x.from] - x.cost);
        if (l.best[x.from] - x.cost > l.best[v]) {
          l.best[v] = l.best[x.from] - x.cost;
          l.back[v] = x.edge;
        }
      }
    });
  }
  l.log_z = log_sum([&](auto add) {
    for (std::size_t v = 0; v < nodes; ++v) {
      if (std::isfinite(final_cost[v])) add(l.alpha[v] - final_cost[v]);
    }
  });
  // Backward, node by node from the last: the edges out of a node are contiguous (in order of `from`).
  l.beta.assign(nodes, neg_inf);
  std::size_t e = l.edges.size();
  for (std::size_t v = nodes; v-- > 0;) {
    std::size_t first = e;
    while (first > 0 && l.edges[first - 1].from == v) --first;
    l.beta[v] = log_sum([&](auto add) {
      if (std::isfinite(final_cost[v])) add(-final_cost[v]);
      for (std::size_t i = first; i < e; ++i) add(-l.edges[i].cost + l.beta[l.edges[i].to]);
    });
    e = first;
  }
}

// The best path's edges, first to last, from the best final node.
std::vector<std::size_t> best_path(const Lattice& l, const std::vector<double>& final_cost) {
  std::size_t end = SIZE_MAX;
  double best = neg_inf;
  for (std::size_t v = 0; v < final_cost.size(); ++v) {
    if (std::isfinite(final_cost[v]) && l.best[v] - final_cost[v] > best) {
      best = l.best[v] - final_cost[v];
      end = v;
    }
  }
  std::vector<std::size_t> path;
  for (std::size_t v = end; v != SIZE_MAX && l.back[v] != SIZE_MAX; v = l.edges[l.back[v]].from) path.push_back(l.back[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

double clamp01(double p) { return std::clamp(p, 0.0, 1.0); }

// How many edges recover_block_rows makes over `info`: per line 8 hops, and per cell start (a measure, an
// indicator, each split) a cell for each line it may reach. (Reserved: the lattice of a long table has tens
// of thousands of edges, and growing the vector was a twentieth of reading a final version.)
std::size_t block_edge_count(const std::vector<LineInfo>& info) {
  std::size_t edges = 0;
  for (std::size_t k = 0; k < info.size(); ++k) {
    const std::size_t reach = std::min(info.size() - k, max_cell_lines);
    edges += 8 + (2 + info[k].splits.size() + info[k].word_splits.size()) * reach;
  }
  return edges;
}

}  // namespace

std::vector<BlockRow> recover_block_rows(std::span<const BlockLine> lines) {
  const std::size_t n = lines.size();
  std::vector<LineInfo> info(n);
  for (std::size_t i = 0; i < n; ++i) {
    LineInfo& x = info[i];
    x.text = lines[i].text;
    x.trailing = lines[i].trailing;
    static_cast<TextCues&>(x) = cues_of(x.text);
    x.splits = sentence_starts(x.text);
  }
  mark_too_long(info);
  for (LineInfo& x : info) add_word_splits(x);
  // Each line has a node per role of the cell before it (M, I, M1) and three hubs, where a measure, an
  // indicator or a split line starts. The penalty for the cell before (a measure left without an
  // indicator, an indicator apart from its one-line measure) is paid on the hop into a hub, so that every
  // cell's edges leave one hub instead of three nodes: the same readings and sums, a third of the edges.
  constexpr std::size_t per_line = roles + 3;
  enum hub : std::size_t { measure_hub = roles, indicator_hub = roles + 1, split_hub = roles + 2 };
  auto node = [](std::size_t line, std::size_t r) { return line * per_line + r; };

  Lattice& l = reused_lattice();
  l.edges.reserve(block_edge_count(info));
  for (std::size_t k = 0; k < n; ++k) {
    const LineInfo* prev = k > 0 ? &info[k - 1] : nullptr;
    // Hops, in order of their node: an indicator never follows an indicator.
    for (role from : {M, I, M1}) {
      const double penalty = from != I ? cost::missing_indicator : 0;
      l.edges.emplace_back(node(k, from), node(k, measure_hub), penalty, Kind::hop_measure, k, k, 0);
      if (from != I) {
        const double apart = from == M1 ? cost::indicator_apart : 0;
        l.edges.emplace_back(node(k, from), node(k, indicator_hub), apart, Kind::hop_indicator, k, k, 0);
      }
      l.edges.emplace_back(node(k, from), node(k, split_hub), penalty, Kind::hop_measure, k, k, 0);
    }
    // Cells of whole lines k..j.
    for (role r : {M, I}) {
      double run = start_cost(r, info[k].initial, info[k].opens, prev);
      bool passive = false;
      for (std::size_t j = k; j < n && j < k + max_cell_lines; ++j) {
        if (j > k) run += continue_cost(r, info[j - 1], info[j]);
        if (info[j].too_long) run += cost::too_long_for_cell;
        passive = passive || (r == I && info[j].inner_passive);
        double cell = run + info[j].end_cost[r] + end_blank_cost(r, info[j]);
        if (r == I) {
          if (passive) cell += cost::passive_in_indicator;
          if (j - k + 1 > 3) cell += cost::long_indicator_line * static_cast<double>(j - k + 1 - 3);
        }
        const role to = r == M && j == k ? M1 : r;
        l.edges.emplace_back(node(k, r == M ? measure_hub : indicator_hub), node(j + 1, to), cell,
                             r == M ? Kind::measure : Kind::indicator, k, j, 0);
      }
    }
    // A one-line measure and its indicator on line k, the indicator going on to line j.
    std::vector<std::pair<std::size_t, double>> splits;
    for (std::size_t s : info[k].splits) splits.emplace_back(s, cost::split_line);
    for (std::size_t s : info[k].word_splits) splits.emplace_back(s, cost::split_at_word);
    for (const auto& [s, split_cost] : splits) {
      const std::string_view head = info[k].text.substr(0, s);
      const std::string_view tail = info[k].text.substr(s);
      const double head_cost = split_cost + start_cost(M, head, prev) + end_cost(M, head);
      double run = start_cost(I, tail, nullptr);
      const double tail_end = end_cost(I, tail);
      bool passive = has_inner_passive(tail) || opens_measure(tail);
      for (std::size_t j = k; j < n && j < k + max_cell_lines; ++j) {
        if (j > k) {
          run += continue_cost(I, info[j - 1], info[j]);
          if (info[j].too_long) run += cost::too_long_for_cell;
          passive = passive || info[j].inner_passive;
        }
        double cell = head_cost + run + (j == k ? tail_end : info[j].end_cost[I]) + end_blank_cost(I, info[j]);
        if (passive) cell += cost::passive_in_indicator;
        l.edges.emplace_back(node(k, split_hub), node(j + 1, I), cell, Kind::split, k, j, s);
      }
    }
  }
  const std::size_t nodes = per_line * (n + 1);
  std::vector<double> final_cost(nodes, std::numeric_limits<double>::infinity());
  final_cost[node(n, I)] = 0;
  final_cost[node(n, M)] = final_cost[node(n, M1)] = cost::missing_indicator;
  solve(l, nodes, node(0, I), final_cost);

  // The probability of a row: every reading that has exactly this row, whatever came before it (the hub
  // that the row's first cell leaves sums over those).
  auto row_probability = [&](const Edge& first, double rest_cost, double beta_after) {
    return clamp01(std::exp(l.alpha[first.from] - first.cost - rest_cost + beta_after - l.log_z));
  };
  // After a measure cell that ends a row without an indicator, the next cell is not an indicator: the
  // backward sum over such continuations from node v. Only the best reading's rows ask, so it is worked
  // out for their nodes alone (for every node, it was a third of the lattice's exponentials).
  auto beta_no_indicator = [&](std::size_t v) {
    auto e = std::lower_bound(l.edges.begin(), l.edges.end(), v, [](const Edge& x, std::size_t node) { return x.from < node; });
    return log_sum([&](auto add) {
      if (std::isfinite(final_cost[v])) add(-final_cost[v]);
      for (; e != l.edges.end() && e->from == v; ++e) {
        if (e->kind != Kind::indicator && e->kind != Kind::hop_indicator) add(-e->cost + l.beta[e->to]);
      }
    });
  };
  auto whole_lines = [&](std::size_t first, std::size_t last) {
    std::vector<Piece> pieces;
    for (std::size_t i = first; i <= last; ++i) pieces.push_back(Piece{i, 0, info[i].text.size()});
    return pieces;
  };

  std::vector<BlockRow> rows;
  // The best reading's cells; a hop into an indicator's hub adds its cost to the indicator that follows.
  std::vector<std::size_t> path;
  std::vector<double> hop_cost;  // by position in `path`: the hop paid just before that cell
  double pending = 0;
  for (std::size_t e : best_path(l, final_cost)) {
    const Edge& x = l.edges[e];
    if (x.kind == Kind::hop_measure || x.kind == Kind::hop_indicator) {
      pending = x.cost;
      continue;
    }
    path.push_back(e);
    hop_cost.push_back(pending);
    pending = 0;
  }
  for (std::size_t p = 0; p < path.size(); ++p) {
    const Edge& e = l.edges[path[p]];
    BlockRow row;
    if (e.kind == Kind::split) {
      row.measure = {Piece{e.first, 0, e.split_at}};
      auto ind = whole_lines(e.first, e.last);
      ind.front().begin = e.split_at;
      row.indicator = std::move(ind);
      row.confidence = row_probability(e, 0, l.beta[e.to]);
    } else if (e.kind == Kind::measure) {
      row.measure = whole_lines(e.first, e.last);
      if (p + 1 < path.size() && l.edges[path[p + 1]].kind == Kind::indicator) {
        const Edge& ind = l.edges[path[++p]];
        row.indicator = whole_lines(ind.first, ind.last);
        row.confidence = row_probability(e, hop_cost[p] + ind.cost, l.beta[ind.to]);
      } else {
        row.confidence = row_probability(e, 0, beta_no_indicator(e.to));
      }
    } else {
      continue;  // an indicator without a measure cannot be on the best path: every path alternates
    }
    // Split pieces lose the blank between measure and indicator.
    for (Piece& piece : row.measure) {
      while (piece.end > piece.begin && info[piece.line].text[piece.end - 1] == ' ') --piece.end;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<LayoutRow> recover_layout_rows(std::span<const LayoutLine> lines) {
  const std::size_t n = lines.size();
  // Tables whose rows have blank lines between them: count blank lines between two text lines.
  bool padded = false;
  for (std::size_t i = 1; i + 1 < n; ++i) padded = padded || (lines[i].blank() && !lines[i - 1].blank());

  // Each line's text in each column (column 0 the measures, 1 the indicators, as roles M and I).
  struct ColumnCues : TextCues {
    bool present = false;
    std::size_t width = 0;  // code points
    std::size_t first_word = 0;
  };
  std::vector<ColumnCues> cues[2];
  for (int column = 0; column < 2; ++column) {
    cues[column].resize(n);
    for (std::size_t x = 0; x < n; ++x) {
      const auto& t = column == 0 ? lines[x].measure : lines[x].indicator;
      if (!t) continue;
      ColumnCues& c = cues[column][x];
      static_cast<TextCues&>(c) = cues_of(*t, column == I);
      c.present = true;
      c.width = utf8::count_code_points(*t);
      c.first_word = utf8::count_code_points(t->substr(0, t->find(' ')));
    }
  }
  // How wide each column's lines get: a line break where the next word would still have fit on the line
  // was not made by wrapping.
  std::size_t widths[2] = {0, 0};
  for (int column = 0; column < 2; ++column) {
    for (const ColumnCues& c : cues[column]) widths[column] = std::max(widths[column], c.width);
  }

  // One column of a cell that grows a line at a time (lines k..j): the costs of its lines so far, and
  // the line its text last stood on. column_cost() adds the cost of ending the cell there.
  struct ColumnRun {
    double run = 0;
    std::optional<std::size_t> prev;
  };
  auto extend = [&](ColumnRun& r, std::size_t x, int column) {
    const ColumnCues& t = cues[column][x];
    if (!t.present) return;
    const bool measure = column == 0;
    if (!r.prev) {
      if (t.initial != Initial::upper) r.run += measure ? cost::not_capital_start : cost::indicator_not_capital;
      if (t.opens) r.run += measure ? cost::opener_measure : cost::opener_indicator;
    } else {
      const ColumnCues& p = cues[column][*r.prev];
      if (*r.prev + 1 < x) r.run += cost::column_gap;
      const bool fits = p.width + 1 + t.first_word <= widths[column];
      if (fits) r.run += measure ? cost::unforced_break_measure : cost::unforced_break_indicator;
      if (!p.ends_open && t.initial != Initial::lower) {
        if (!p.ends_sentence) r.run += cost::wrap_name;
        else if (!fits) r.run += cost::forced_wrap_after_sentence;
        else r.run += measure ? cost::wrap_sentence_measure : cost::wrap_sentence_indicator;
        if (t.opens) r.run += measure ? cost::opener_inside_measure : cost::opener_indicator;
      }
      if (!measure && t.inner_passive) r.run += cost::passive_in_indicator;
    }
    r.prev = x;
  };
  auto column_cost = [&](const ColumnRun& r, int column) {
    if (!r.prev) return r.run;
    const ColumnCues& last = cues[column][*r.prev];
    return r.run + (last.ends_open ? cost::cut_after_open : last.end_cost[column]);
  };

  Lattice& l = reused_lattice();
  // (Reserved: the lattice of a long table has tens of thousands of edges, and growing the vector was a
  // twentieth of reading a final version.)
  l.edges.reserve(n * std::min(n, max_cell_lines));
  for (std::size_t k = 0; k < n; ++k) {
    if (lines[k].blank()) {
      l.edges.emplace_back(k, k + 1, 0, Kind::measure, k, k, 0);
      continue;
    }
    ColumnRun measure_run, indicator_run;
    bool any_measure = false, any_indicator = false;
    std::size_t first_indicator = 0;
    std::size_t blanks = 0;
    for (std::size_t j = k; j < n && j < k + max_cell_lines; ++j) {
      // Lines k..j-1 are in the runs; line j joins them, blank or not.
      any_measure = any_measure || lines[j].measure.has_value();
      if (lines[j].indicator && !any_indicator) first_indicator = j;
      any_indicator = any_indicator || lines[j].indicator.has_value();
      blanks += lines[j].blank() ? 1 : 0;
      extend(measure_run, j, 0);
      extend(indicator_run, j, 1);
      if (lines[j].blank()) continue;
      double c = 0;
      if (!lines[k].measure) c += cost::measure_not_on_top;
      if (!any_measure) c += cost::no_measure;
      if (!any_indicator) c += cost::layout_missing_indicator;
      else if (first_indicator != k) c += cost::indicator_not_on_top;
      c += column_cost(measure_run, 0) + column_cost(indicator_run, 1);
      if (padded) {
        if (j + 1 < n && !lines[j + 1].blank() && !lines[j + 1].after_page_break) c += cost::unpadded_row;
        c += cost::unpadded_row * static_cast<double>(blanks);
      }
      l.edges.emplace_back(k, j + 1, c, Kind::split, k, j, 0);
    }
  }
  std::vector<double> final_cost(n + 1, std::numeric_limits<double>::infinity());
  final_cost[n] = 0;
  solve(l, n + 1, 0, final_cost);

  std::vector<LayoutRow> rows;
  for (std::size_t e : best_path(l, final_cost)) {
    const Edge& x = l.edges[e];
    if (x.kind != Kind::split) continue;  // a blank line between rows
    const double p = std::exp(l.alpha[x.from] - x.cost + l.beta[x.to] - l.log_z);
    rows.push_back(LayoutRow{x.first, x.last, clamp01(p)});
  }
  return rows;
}

}  // namespace planlint::read::rows
