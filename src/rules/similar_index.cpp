#include "rules/similar_index.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>

#include "rules/text_functions.hpp"
#include "text/code_points.hpp"
#include "text/edit_distance.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace planlint::rules {
namespace {

constexpr std::size_t q = 3;

std::uint64_t gram_at(const std::u32string& s, std::size_t i) {
  return (std::uint64_t{s[i]} << 42) ^ (std::uint64_t{s[i + 1]} << 21) ^ std::uint64_t{s[i + 2]};
}

// The q-grams of a text, as (q-gram, position) pairs sorted by q-gram, then position: equal q-grams are
// adjacent, so that the distinct q-grams and where each occurs are read off in one pass.
struct Occurrence {
  std::uint64_t gram;
  std::uint32_t position;
  friend bool operator<(const Occurrence& a, const Occurrence& b) {
    return a.gram != b.gram ? a.gram < b.gram : a.position < b.position;
  }
};

void occurrences(const std::u32string& s, std::vector<Occurrence>& out) {
  out.clear();
  if (s.size() < q) return;
  for (std::size_t i = 0; i + q <= s.size(); ++i) out.push_back({gram_at(s, i), static_cast<std::uint32_t>(i)});
  std::sort(out.begin(), out.end());
}

// The fewest edits that destroy every q-gram starting at a position whose bit is set: an edit at one
// character destroys the q-grams that cover it, so this is the least number of points that stab every
// interval [p, p + q − 1] (greedy by right end, positions in ascending order).
std::size_t edits_to_destroy(const std::vector<std::uint64_t>& positions) {
  std::size_t edits = 0;
  std::int64_t covered_to = -1;
  for (std::size_t w = 0; w < positions.size(); ++w) {
    for (std::uint64_t bits = positions[w]; bits != 0; bits &= bits - 1) {
      const auto p = static_cast<std::int64_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
      if (p > covered_to) {
        ++edits;
        covered_to = p + static_cast<std::int64_t>(q) - 1;
      }
    }
  }
  return edits;
}

// The most edits similar() allows between a text of `length` code points and any text it can be similar
// to: such a text is at most length / threshold long, and the distance at most (1 − threshold) × that.
std::size_t edit_bound(std::size_t length, double threshold) {
  if (!(threshold > 0)) return SIZE_MAX;  // also NaN: no bound, compare with everything
  const double bound = (1.0 - threshold) * static_cast<double>(length) / threshold;
  if (bound <= 0) return 0;  // a threshold of 1 or more: only equal texts (or none) qualify
  return bound >= 1e15 ? SIZE_MAX : static_cast<std::size_t>(std::floor(bound + 1e-9));
}

// Texts are indexed by length class as well as by q-gram: similar texts have lengths in a ratio of at
// least `threshold`, so a query reads only the classes its length allows, not every posting of a q-gram.
// Classes grow geometrically by 1 / threshold (with threshold >= 1 only equal lengths qualify).
std::uint32_t length_class(std::size_t length, double threshold) {
  if (length == 0 || threshold <= 0) return 0;  // a threshold of 0 or less: every length in one class
  if (!(threshold < 1)) return static_cast<std::uint32_t>(std::min<std::size_t>(length, UINT32_MAX));
  return static_cast<std::uint32_t>(std::log(static_cast<double>(length)) / std::log(1.0 / threshold));
}

std::uint64_t posting_key(std::uint32_t gram_id, std::uint32_t length_class) {
  return (std::uint64_t{gram_id} << 32) | length_class;  // ids stay below 2^31: documents are under 2 GiB
}

std::uintptr_t address_of(std::string_view text) { return reinterpret_cast<std::uintptr_t>(text.data()); }

// The classes of the bag filter: a–z, ä, ö, å, space, digits, everything else (texts are folded: no
// capitals). Counts stop at 255: a clamped difference is never larger than the true one, so the bound holds.
struct LetterClasses {
  std::array<std::uint8_t, 256> of{};
  constexpr LetterClasses() {
    for (std::size_t c = 0; c < 256; ++c) of[c] = 31;
    for (char32_t c = U'a'; c <= U'z'; ++c) of[c] = static_cast<std::uint8_t>(c - U'a');
    of[U'ä'] = 26;
    of[U'ö'] = 27;
    of[U'å'] = 28;
    of[U' '] = 29;
    for (char32_t c = U'0'; c <= U'9'; ++c) of[c] = 30;
  }
};
constexpr LetterClasses letter_classes;

std::array<std::uint8_t, 32> letters_of(const std::u32string& s) {
  std::array<std::uint32_t, 32> counts{};
  for (const char32_t c : s) ++counts[c < 256 ? letter_classes.of[c] : 31];
  std::array<std::uint8_t, 32> clamped;
  for (std::size_t k = 0; k < counts.size(); ++k) clamped[k] = static_cast<std::uint8_t>(std::min<std::uint32_t>(counts[k], 255));
  return clamped;
}

// Whether each of two texts has at most `k` characters that the other lacks, counted by class (the sums
// of the positive differences each way).
bool letters_within(const std::array<std::uint8_t, 32>& a, const std::array<std::uint8_t, 32>& b, std::size_t k) {
#if defined(__SSE2__)
  // Sixteen classes an instruction: saturating differences, summed by psadbw (the scalar loop below, its
  // reference, was most of the filter's time where every text of a plan is scanned).
  const auto only = [](__m128i x0, __m128i x1, __m128i y0, __m128i y1) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i sums = _mm_add_epi64(_mm_sad_epu8(_mm_subs_epu8(x0, y0), zero), _mm_sad_epu8(_mm_subs_epu8(x1, y1), zero));
    return static_cast<std::size_t>(_mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  };
  const __m128i a0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data()));
  const __m128i a1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + 16));
  const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data()));
  const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + 16));
  return only(a0, a1, b0, b1) <= k && only(b0, b1, a0, a1) <= k;
#else
  std::size_t only_a = 0, only_b = 0;
  for (std::size_t c = 0; c < a.size(); ++c) {
    only_a += static_cast<std::uint8_t>(a[c] > b[c] ? a[c] - b[c] : 0);
    only_b += static_cast<std::uint8_t>(b[c] > a[c] ? b[c] - a[c] : 0);
  }
  return only_a <= k && only_b <= k;
#endif
}

}  // namespace

void SimilarIndex::prefix_of(const std::u32string& code_points, std::vector<PrefixGram>& prefix) const {
  prefix.clear();
  const std::size_t tau = edit_bound(code_points.size(), threshold_);
  if (tau == SIZE_MAX) return;
  thread_local std::vector<Occurrence> all;
  occurrences(code_points, all);
  // The distinct q-grams in the global order: rarest first (in how many texts they occur), ties by q-gram.
  struct Ranked {
    std::uint32_t frequency;
    std::uint32_t id;
    std::uint64_t gram;
    std::uint32_t first, last;  // its occurrences: all[first, last)
  };
  thread_local std::vector<Ranked> ranked;
  ranked.clear();
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].gram == all[i].gram) ++j;
    const std::uint32_t* id = gram_id_.find(all[i].gram);
    ranked.push_back({id ? frequency_[*id] : 0, id ? *id : no_gram, all[i].gram, static_cast<std::uint32_t>(i),
                      static_cast<std::uint32_t>(j)});
    i = j;
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.frequency != b.frequency ? a.frequency < b.frequency : a.gram < b.gram;
  });
  // The shortest prefix whose q-grams take more than τ edits to destroy everywhere: a text within τ edits
  // keeps one of them, and the rarer of the two texts' kept q-grams lies in both prefixes (Ed-Join's
  // location-based prefix). The edits needed grow with the prefix, so its length is found by bisection.
  thread_local std::vector<std::uint64_t> positions;  // a bit per start position
  const auto edits_for = [&](std::size_t length) {
    positions.assign(code_points.size() / 64 + 1, 0);
    for (std::size_t r = 0; r < length; ++r) {
      for (std::uint32_t o = ranked[r].first; o < ranked[r].last; ++o) positions[all[o].position / 64] |= std::uint64_t{1} << (all[o].position % 64);
    }
    return edits_to_destroy(positions);
  };
  if (edits_for(ranked.size()) <= tau) return;  // every q-gram may be edited away: compare with all
  std::size_t lo = 1, hi = ranked.size();      // the answer lies in [lo, hi]
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (edits_for(mid) > tau) hi = mid;
    else lo = mid + 1;
  }
  const auto clamp = [](std::uint32_t position) { return static_cast<std::uint16_t>(std::min<std::uint32_t>(position, UINT16_MAX)); };
  for (std::size_t r = 0; r < lo; ++r) {
    prefix.push_back({ranked[r].id, clamp(all[ranked[r].first].position), clamp(all[ranked[r].last - 1].position)});
  }
}

bool SimilarIndex::may_be_similar(const Letters& a_letters, std::size_t a_length, std::size_t b) const {
  const std::size_t b_length = length_[b];
  const std::int64_t allowed = allowed_edits(std::max(a_length, b_length));
  if (allowed < 0) return false;
  if (allowed > (std::int64_t{1} << 40)) return true;  // a threshold near 0: nothing to filter
  const auto k = static_cast<std::size_t>(allowed);
  const std::size_t gap = a_length > b_length ? a_length - b_length : b_length - a_length;
  return gap <= k && letters_within(a_letters, letters_[b], k);
}

SimilarIndex::SimilarIndex(const std::vector<std::string_view>& texts, double threshold, Search search)
    : threshold_(threshold),
      indexed_(texts.size() >= (search == Search::exact_index ? min_indexed : min_banded)),
      raw_(texts) {
  const std::size_t n = texts.size();
  plain_.resize(n);
  start_.reserve(n + 1);
  length_.reserve(n);
  by_hash_.reserve(n);
  start_.push_back(0);
  std::string f;
  for (std::size_t i = 0; i < n; ++i) {
    plain_[i] = text::fold_plain(texts[i], f);
    if (!plain_[i]) {
      f = text::fold(texts[i]);
      folded_ += f;
    }
    start_.push_back(folded_.size());
    length_.push_back(static_cast<std::uint32_t>(plain_[i] ? utf8::count_code_points(f) : utf8::count_decoded(f)));
    by_hash_.emplace_back(std::hash<std::string_view>{}(f), static_cast<std::uint32_t>(i));
  }
  folded_.shrink_to_fit();
  std::sort(by_hash_.begin(), by_hash_.end());
  find_first_equals();
  views_in_order_ = std::adjacent_find(raw_.begin(), raw_.end(), [](std::string_view a, std::string_view b) {
                      return address_of(a) >= address_of(b);
                    }) == raw_.end();  // strictly ascending
  longest_ = length_.empty() ? 0 : *std::max_element(length_.begin(), length_.end());
  if (equal_only(longest_)) {
    indexed_ = false;  // the hashes above answer every query of these texts: no index, no bands
    return;
  }
  // The edits allowed between texts by the longer one's length, up to the longest text: asked for every
  // text a scan passes by its length, where the division was a twentieth of the time.
  allowed_.resize(longest_ + 1);
  for (std::size_t l = 0; l <= longest_; ++l) allowed_[l] = edits_allowed(l, threshold);
  marked_.assign(n, 0);
  if (search == Search::automatic && n >= min_banded && n <= MinHashBands::max_texts && threshold >= 0.85 && threshold < 1) {
    // A query of band_cut code points or fewer finds texts of at most exact_max_length_; a longer one,
    // texts of at least band_min_length_ (the lengths first_similar() allows, with its margin of one).
    exact_max_length_ = static_cast<std::size_t>(std::ceil(static_cast<double>(band_cut) / threshold)) + 1;
    band_min_length_ = static_cast<std::size_t>(std::max(0.0, std::floor(static_cast<double>(band_cut + 1) * threshold) - 1));
    bands_.emplace(static_cast<std::size_t>(std::count_if(length_.begin(), length_.end(), [&](std::uint32_t l) { return l >= band_min_length_; })));
  }
  if (indexed()) count_grams();
}

void SimilarIndex::band_keys(const std::u32string& code_points, MinHashBands::Keys& keys) const {
  thread_local std::vector<std::uint64_t> grams;
  grams.clear();
  for (std::size_t i = 0; i + q <= code_points.size(); ++i) grams.push_back(gram_at(code_points, i));
  MinHashBands::keys_of(grams, keys);  // a q-gram that occurs twice counts once there
}

void SimilarIndex::decode_folded(std::size_t i, std::u32string& out) const {
  if (!plain_[i]) {
    utf8::code_points_into(std::string_view(folded_).substr(start_[i], start_[i + 1] - start_[i]), out);
    return;
  }
  // Plain text is ASCII and two-byte letters of Latin-1 (text::fold_plain): decoded in place, without
  // push_back's checks (this loop was 5 % of duplicate-measure on large plans).
  const std::string_view raw = raw_[i];
  out.resize(raw.size());
  std::size_t n = 0;
  for (std::size_t k = 0; k < raw.size();) out[n++] = text::fold_plain_code_point(utf8::decode(raw, k));
  out.resize(n);
}

std::string_view SimilarIndex::folded(std::size_t i, std::string& scratch) const {
  if (plain_[i]) {
    text::fold_plain(raw_[i], scratch);
    return scratch;
  }
  return std::string_view(folded_).substr(start_[i], start_[i + 1] - start_[i]);
}

void SimilarIndex::count_grams() {
  // In how many texts each q-gram occurs: the global order of the prefixes.
  std::u32string code_points;
  std::vector<Occurrence> all;
  // Only the texts the prefix index holds: any order of the q-grams keeps the filter exact, as long as
  // texts and queries use the same one.
  for (std::size_t i = 0; i < size(); ++i) {
    if (length_[i] > exact_max_length_) continue;
    decode_folded(i, code_points);
    occurrences(code_points, all);
    for (std::size_t o = 0; o < all.size(); ++o) {
      if (o > 0 && all[o].gram == all[o - 1].gram) continue;
      bool added = false;
      const std::uint32_t id = gram_id_.insert(all[o].gram, static_cast<std::uint32_t>(frequency_.size()), &added);
      if (added) frequency_.push_back(0);
      ++frequency_[id];
    }
  }
}

void SimilarIndex::index_upto(std::size_t end) const {
  thread_local std::u32string code_points;
  thread_local std::vector<PrefixGram> computed;
  thread_local MinHashBands::Keys keys;
  for (; indexed_upto_ < end; ++indexed_upto_) {
    const auto i = static_cast<std::uint32_t>(indexed_upto_);
    // A copy of an earlier text is never the first similar one: the earlier text is similar to the same
    // queries and comes first. Left out, copies do not lengthen the bands' runs of equal keys and the
    // posting lists (a plan with many copies made both grow with the plan).
    if (first_equal_[i] != i) continue;
    if (bands_ && length_[i] >= band_min_length_) {
      if (last_keys_text_ != i) {
        decode_folded(i, code_points);
        band_keys(code_points, keys);
      }
      bands_->add(i, last_keys_text_ == i ? last_keys_ : keys);
    }
    if (length_[i] > exact_max_length_) continue;  // only in the bands
    const std::vector<PrefixGram>* prefix = &last_prefix_;
    if (last_prefix_text_ != i) {
      decode_folded(i, code_points);
      prefix_of(code_points, computed);
      prefix = &computed;
    }
    if (prefix->empty()) unfiltered_.push_back(i);
    const std::uint32_t cls = length_class(length_[i], threshold_);
    for (const PrefixGram& g : *prefix) {
      bool added = false;
      const std::uint32_t list = posting_list_.insert(posting_key(g.id, cls), static_cast<std::uint32_t>(lists_.size()), &added);
      if (added) lists_.emplace_back();
      lists_[list].push_back({i, g.first, g.last});
    }
  }
}

void SimilarIndex::find_first_equals() {
  // Equal texts have equal hashes, so each run of equal hashes (positions ascending) is read once; a text
  // is compared only with the first text of each distinct text in its run (more than one only when hashes
  // collide), so that a thousand copies of a measure cost a thousand comparisons, not half a million.
  first_equal_.resize(size());
  std::vector<std::uint32_t> distinct;
  std::string a, b;
  for (std::size_t run = 0; run < by_hash_.size();) {
    std::size_t end = run + 1;
    while (end < by_hash_.size() && by_hash_[end].first == by_hash_[run].first) ++end;
    distinct.clear();
    for (std::size_t k = run; k < end; ++k) {
      const std::uint32_t i = by_hash_[k].second;
      const auto same = std::find_if(distinct.begin(), distinct.end(), [&](std::uint32_t d) {
        return raw_[d] == raw_[i] || folded(d, a) == folded(i, b);
      });
      first_equal_[i] = same == distinct.end() ? i : *same;
      if (same == distinct.end()) distinct.push_back(i);
      else if (answers_.empty()) answers_.assign(size(), 0);  // a list with copies: their answers are kept
    }
    run = end;
  }
}

std::optional<std::size_t> SimilarIndex::position_of_view(std::string_view query) const {
  const auto at = [&](std::size_t i) { return i < size() && raw_[i].data() == query.data() && raw_[i].size() == query.size(); };
  std::size_t i = next_view_;
  if (!at(i) && views_in_order_) {  // asked out of turn: the texts lie in the order of the list
    i = static_cast<std::size_t>(std::lower_bound(raw_.begin(), raw_.end(), query, [](std::string_view a, std::string_view b) {
                                   return address_of(a) < address_of(b);
                                 }) - raw_.begin());
  }
  if (!at(i)) return std::nullopt;
  next_view_ = i + 1;
  return i;
}

std::optional<std::size_t> SimilarIndex::first_equal(std::string_view query, std::string_view folded_query) const {
  const std::uint64_t h = std::hash<std::string_view>{}(folded_query);
  for (auto it = std::lower_bound(by_hash_.begin(), by_hash_.end(), std::pair<std::uint64_t, std::uint32_t>{h, 0});
       it != by_hash_.end() && it->first == h; ++it) {
    if (raw_[it->second] == query) return it->second;  // the usual case, a text of the list: no folding
    thread_local std::string scratch;
    if (folded(it->second, scratch) == folded_query) return it->second;
  }
  return std::nullopt;
}

void SimilarIndex::count_next_letters(const std::u32string& code_points) const {
  if (letters_.size() != size()) letters_ = ZeroedPages<Letters>(size());
  letters_[letters_counted_] = letters_of(code_points);
  ++letters_counted_;
}

void SimilarIndex::count_letters_upto(std::size_t end) const {
  thread_local std::u32string code_points;
  while (letters_counted_ < end) {
    decode_folded(letters_counted_, code_points);
    count_next_letters(code_points);
  }
}

std::optional<std::size_t> SimilarIndex::equal_answer(std::size_t query_length, std::optional<std::size_t> equal, std::size_t* work) const {
  if (work) *work = 1;
  return equal && edits_allowed(query_length, threshold_) >= 0 ? equal : std::nullopt;
}

std::optional<std::size_t> SimilarIndex::first_similar(std::string_view query, std::size_t* work) const {
  thread_local std::u32string code_points;
  if (const auto own = position_of_view(query)) {
    const std::size_t own_length = length_[*own];
    const std::uint32_t equal = first_equal_[*own];
    if (equal_only(std::max<std::size_t>(own_length, longest_))) return equal_answer(own_length, equal, work);
    // Asked in turn, a text's letters are counted now: a copy's are those of the text it copies; any
    // other text (a first text too, answered for a query equal to it before its turn) is decoded.
    const bool answered = has_answer(equal);
    if (answered && (*own != letters_counted_ || equal < *own)) {
      if (*own == letters_counted_) letters_[letters_counted_++] = letters_[equal];
      return remembered_answer(equal, work);
    }
    decode_folded(*own, code_points);
    if (*own == letters_counted_) count_next_letters(code_points);
    if (answered) return remembered_answer(equal, work);
    return remember_answer(equal, search(code_points, equal, work));
  }
  thread_local std::string folded_query;
  if (!text::fold_plain(query, folded_query)) folded_query = text::fold(query);
  // A text equal to the query is similar to it (unless the threshold excludes even equal texts, which
  // edits_allowed() tells): it bounds the search, as nothing after it can be the first.
  const std::optional<std::size_t> equal = first_equal(query, folded_query);
  if (equal && has_answer(*equal)) return remembered_answer(*equal, work);
  utf8::code_points_into(folded_query, code_points);
  const std::optional<std::size_t> found = search(code_points, equal, work);
  return equal ? remember_answer(*equal, found) : found;
}

bool SimilarIndex::has_answer(std::size_t first) const { return !answers_.empty() && answers_[first] != 0; }

std::optional<std::size_t> SimilarIndex::remembered_answer(std::size_t first, std::size_t* work) const {
  if (work) *work = 1;
  return answers_[first] == 1 ? std::nullopt : std::optional<std::size_t>(answers_[first] - 2);
}

std::optional<std::size_t> SimilarIndex::remember_answer(std::size_t first, std::optional<std::size_t> found) const {
  if (!answers_.empty()) answers_[first] = found ? static_cast<std::uint32_t>(*found + 2) : 1;
  return found;
}

std::optional<std::size_t> SimilarIndex::search(const std::u32string& code_points, std::optional<std::size_t> equal, std::size_t* work) const {
  std::size_t total = 0;
  const std::size_t query_length = code_points.size();
  // The text equal to the query, if any, bounds the search; its prefix and letters are the query's.
  if (equal_only(std::max<std::size_t>(query_length, longest_))) return equal_answer(query_length, equal, work);
  const std::size_t limit = equal.value_or(size());
  count_letters_upto(limit);  // the candidates' (nothing to do when texts are asked in turn)
  const Letters query_letters = equal && *equal < letters_counted_ ? letters_[*equal] : letters_of(code_points);
  // The query as the edit distance's pattern, prepared for the first candidate that needs it: most
  // queries have none.
  thread_local text::EditDistancePattern pattern;
  bool pattern_ready = false;
  // A text considered is a step, as it would be in a rule's own loop; a block of 64 cells of edit
  // distance costs about what 4 cells of the cell-by-cell table did: a sixteenth of a step.
  const auto verify = [&](std::size_t i) {
    const std::int64_t allowed = allowed_edits(std::max<std::size_t>(query_length, length_[i]));
    if (allowed < 0) return false;
    const auto k = static_cast<std::size_t>(allowed);
    std::size_t blocks = 0;
    std::size_t d = 0;
    if (!pattern_ready) {
      pattern.assign(code_points);
      pattern_ready = true;
    }
    if (plain_[i]) {  // folded as it is read
      const std::string_view raw = raw_[i];
      std::size_t at = 0;
      d = pattern.distance_with(length_[i], [&]() -> char32_t {
        return at < raw.size() ? text::fold_plain_code_point(utf8::decode(raw, at)) : 0;
      }, k, &blocks);
    } else {
      d = pattern.distance_utf8(std::string_view(folded_).substr(start_[i], start_[i + 1] - start_[i]), length_[i], k, &blocks);
    }
    const bool yes = d <= k;
    total += blocks / 16;
    return yes;
  };
  const auto passes_filter = [&](std::size_t i) {
    ++total;
    return may_be_similar(query_letters, query_length, i);
  };
  const auto test = [&](std::size_t i) { return passes_filter(i) && verify(i); };
  const PrefixGram* prefix = nullptr;
  std::size_t prefix_length = 0;
  const bool use_bands = banded(query_length);
  if (indexed()) {
    // The texts before `limit` are the ones that can be the answer; the query's prefix (or band keys) is
    // kept for indexing the text it equals.
    index_upto(limit);
    if (use_bands) {
      band_keys(code_points, last_keys_);
      last_keys_text_ = equal ? *equal : SIZE_MAX;
    } else {
      prefix_of(code_points, last_prefix_);
      last_prefix_text_ = equal ? *equal : SIZE_MAX;
      prefix = last_prefix_.data();
      prefix_length = last_prefix_.size();
    }
  }
  std::optional<std::size_t> found;
  // The lengths a similar text can have, widened by one on each side against rounding (any threshold a
  // rule passes: negative, huge or NaN ones bound nothing, and are not cast out of range).
  const double length = static_cast<double>(query_length);
  const double low = std::floor(length * threshold_) - 1;
  const double high = threshold_ > 0 ? std::ceil(length / threshold_) + 1 : 1e15;
  const auto shortest = static_cast<std::size_t>(!(low > 0) ? 0.0 : std::min(low, 1e15));
  const auto longest = static_cast<std::size_t>(!(high < 1e15) ? 1e15 : std::max(high, 0.0));
  if (prefix_length == 0 && !use_bands) {
    // The scan: most texts are passed over by their length, read from one array, before their letters.
    for (std::size_t i = 0; i < limit && !found; ++i) {
      if (length_[i] < shortest || length_[i] > longest) {
        ++total;
        continue;
      }
      if (test(i)) found = i;
    }
  } else {
    // Every text before `limit` that shares a prefix q-gram with the query, each once, in ascending order.
    if (++query_number_ == 0) {  // wrapped: clear the marks of 2^32 queries ago
      std::fill(marked_.begin(), marked_.end(), 0);
      query_number_ = 1;
    }
    // Each text found is considered once (a step); those of a possible length are kept, and their
    // letters fetched ahead (they lie at random places: fetching the filter's data one text at a time, as
    // it was tested, was a sixth of the time on large plans).
    thread_local std::vector<std::uint32_t> possible;
    possible.clear();
    const auto consider = [&](std::uint32_t i) {
      if (marked_[i] != query_number_) {
        marked_[i] = query_number_;
        ++total;
        if (length_[i] >= shortest && length_[i] <= longest) {
          possible.push_back(i);
          __builtin_prefetch(&letters_[i]);
        }
      }
    };
    // A q-gram kept by both texts lies within τ positions in each (positions of 65,535 mean "there or later").
    const std::int64_t tau = static_cast<std::int64_t>(std::min<std::size_t>(edit_bound(query_length, threshold_), INT32_MAX));
    // The positional test is written without a branch: about a third of the postings pass it, at random,
    // which a branch would mispredict half the time; those that pass are compacted into `near` first.
    thread_local std::vector<std::uint32_t> near;
    const auto gather = [&](const Posting* begin, const Posting* end, const PrefixGram& g) {
      const std::int64_t from = std::int64_t{g.first} - tau;
      const std::int64_t to = g.last == UINT16_MAX ? INT64_MAX : std::int64_t{g.last} + tau;
      near.resize(static_cast<std::size_t>(end - begin));
      std::size_t n = 0;
      for (const Posting* p = begin; p != end; ++p) {
        if (p->text >= limit) break;  // lists are in ascending order: texts were indexed in order
        const std::int64_t last = p->last == UINT16_MAX ? INT64_MAX : std::int64_t{p->last};
        near[n] = p->text;
        n += static_cast<std::size_t>((last >= from) & (std::int64_t{p->first} <= to));
      }
      for (std::size_t k = 0; k < n; ++k) consider(near[k]);
    };
    // The prefix's posting lists: every text before `limit` that shares a prefix q-gram with the query.
    const auto gather_prefix_lists = [&] {
      for (const std::uint32_t i : unfiltered_) {
        if (i >= limit) break;
        consider(i);
      }
      const std::uint32_t first_class = length_class(shortest, threshold_);
      const std::uint32_t last_class = length_class(longest, threshold_);
      // The lists are found in three rounds, each fetching ahead what the next one reads (hash slots, list
      // headers, the lists' first postings): a list is a few cache lines at a random place, and reading
      // them one after the other waited for memory at each of the ~100 a query reads.
      struct Wanted {
        std::uint64_t key;
        const PrefixGram* gram;
        const std::vector<Posting>* list;
      };
      thread_local std::vector<Wanted> wanted;
      wanted.clear();
      for (std::size_t t = 0; t < prefix_length; ++t) {
        if (prefix[t].id == no_gram) continue;  // no indexed text has it
        for (std::uint32_t cls = first_class; cls <= last_class; ++cls) {
          wanted.push_back({posting_key(prefix[t].id, cls), &prefix[t], nullptr});
          posting_list_.prefetch(wanted.back().key);
        }
      }
      for (Wanted& w : wanted) {
        if (const std::uint32_t* list = posting_list_.find(w.key)) {
          w.list = &lists_[*list];
          __builtin_prefetch(w.list);
        }
      }
      for (const Wanted& w : wanted) {
        if (w.list && !w.list->empty()) {
          __builtin_prefetch(w.list->data());
          __builtin_prefetch(reinterpret_cast<const char*>(w.list->data()) + 64);
        }
      }
      for (const Wanted& w : wanted) {
        if (w.list) gather(w.list->data(), w.list->data() + w.list->size(), *w.gram);
      }
    };
    if (use_bands) {
      bands_->for_each_candidate(last_keys_, [&](std::uint32_t i) {
        if (i < limit) consider(i);
      });
    } else {
      gather_prefix_lists();
    }
    // Candidates that pass the bag filter; few do, so only they are sorted.
    std::vector<std::uint32_t>& candidates = candidates_;
    candidates.clear();
    for (const std::uint32_t i : possible) {
      if (may_be_similar(query_letters, query_length, i)) candidates.push_back(i);
    }
    std::sort(candidates.begin(), candidates.end());
    for (const std::uint32_t i : candidates) {
      if (verify(i)) {
        found = i;
        break;
      }
    }
  }
  // The equal text: similar unless the threshold excludes even equal texts (edits_allowed() says which).
  if (!found && equal && edits_allowed(query_length, threshold_) >= 0) found = limit;
  if (work) *work = total;
  return found;
}

}  // namespace planlint::rules
