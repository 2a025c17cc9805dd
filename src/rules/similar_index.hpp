#pragma once
// Finding, among many texts, the first one similar to a query — similar(a, b, threshold) of
// text_functions.hpp — without comparing the query with every text. A rule such as duplicate-measure asks
// this once per measure of a plan; comparing each with all others is quadratic, which a plan of thousands
// of goals cannot afford.
//
// Method: q-gram prefix filtering with location-based prefixes (Xiao, Wang, Lin: "Ed-Join", VLDB 2008).
// With the distinct q-grams of all texts in one global order (rarest first), a text's prefix is its
// shortest run of q-grams in that order that takes more than τ edits to destroy everywhere in the text.
// Two texts within τ edits then share a q-gram of both prefixes. Each text indexes only its prefix; a
// query looks up its own prefix and compares only the texts found there (plus texts too short to have a
// useful prefix). The filter never drops a similar text: the answer equals that of a linear scan.
//
// A shared q-gram must also lie at about the same place in both texts: a q-gram that survives τ edits
// moves by at most τ positions. Postings carry where the q-gram occurs (first and last occurrence), so
// most texts that share a common q-gram elsewhere in the sentence are passed over while the list is read
// (the positional filter of Gravano et al., VLDB 2001, as Ed-Join applies it).
//
// Candidates are gathered by counting (ScanCount), not by merging the posting lists: each list is read
// sequentially and only up to the first text equal to the query (found by hashing), since that one is
// similar and nothing after it can be the first. A rule that asks for each text of the list itself thus
// reads, per text, only postings of earlier texts.
//
// Before the edit distance, each candidate passes the bag filter (Bartolini et al., "String matching with
// metric trees using an approximate distance", SPIRE 2002): an edit adds at most one character to a
// text's multiset of characters and takes at most one away, so two texts within τ edits have at most τ
// characters that only one has, counted here in 32 classes (letters, ä, ö, å, space, digits, the rest).
// The edit distance itself is bit-parallel (text/edit_distance.hpp), with the query as the pattern.
// (A count filter on a 1024-bit signature of the q-grams came after the bag filter until issue 17's
// stop 36: it dropped a third of the bag's survivors on large plans (34,259 of 51,301 on the benchmark's
// plan of 100,000 measures) and nine in ten on the corpus's small ones, but those the edit distance
// rejects cheaply, while its 128 bytes a text, in memory each run touches first, cost more: duplicate-
// measure without it 6 % faster on the corpus's drafts and per measure at 10,000 and 100,000 measures.)
//
// Long lists (issue 17): on plans whose measures are written from one vocabulary, every q-gram is common, a
// prefix's postings hold a fixed share of the texts before the query, and the index's work per query grows
// with the plan (0.045 × n texts considered per query on the benchmark's plans: quadratic in all). From
// `min_banded` texts on, with a threshold from 0.85 below 1, a query of more than `band_cut` code points
// takes its candidates from MinHash bands instead (minhash_bands.hpp), whose work per query grows with the
// plan only as far as the plan's texts grow alike (0.0007 × n on the same plans); shorter queries, whose
// similar texts are short too, still use the exact prefix index, which holds only short texts then (lists
// of more than MinHashBands::max_texts, 16.7 million, use the exact index for all). The bands are
// approximate: see minhash_bands.hpp for what they may miss; lists of fewer than `min_banded` texts (every
// plan as people write them) are answered exactly, by a scan that passes over most texts by their length
// and most of the rest by their letters.
//
// A threshold that allows no edit between any two texts of the list (1, the setting for exact duplicates)
// needs none of this: only a text equal to the query once folded is similar, and the hashes of the folded
// texts find it. (The prefix index, which it used before, holds almost every text in a long list then:
// exact duplicates were 2.5 times slower than near ones on the benchmark's drafts.)
//
// Each text's prefix is computed once: a query for a text of the list (the common case) computes it, and
// indexing that text later reuses it. Memory, per text: a view of it, its folded form unless it is plain
// text, its length, letters, equality hash and first equal text, and, once indexed, its prefix's postings.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/flat_hash.hpp"
#include "rules/minhash_bands.hpp"
#include "rules/text_functions.hpp"
#include "rules/zeroed_pages.hpp"

namespace planlint::rules {

class SimilarIndex {
 public:
  enum class Search {
    // A list of fewer than min_banded texts is scanned; a longer one is searched through MinHash bands for
    // long queries and the q-gram prefix index for short ones.
    automatic,
    // The q-gram prefix index for every query on a list of min_indexed texts or more, exact whatever the
    // list's length (tests compare the other methods with it).
    exact_index,
  };
  // The texts as the rule gives them, which must outlive the index (a rule's list and the document do).
  SimilarIndex(const std::vector<std::string_view>& texts, double threshold, Search search = Search::automatic);

  // Position of the first text (in the order given) with similar(text, query, threshold), or nullopt.
  // `work` (if given) receives the evaluation steps it took: one per text considered, plus one per 16
  // blocks of 64 cells of edit distance computed.
  std::optional<std::size_t> first_similar(std::string_view query, std::size_t* work = nullptr) const;

  double threshold() const { return threshold_; }
  std::size_t size() const { return length_.size(); }

 private:
  // A list shorter than this is scanned by the exact_index search too: building the index would cost more
  // than it saves.
  static constexpr std::size_t min_indexed = 64;
  bool indexed() const { return indexed_; }
 public:
  // From this many texts on, the automatic search uses the index and the bands. Below, it scans: a text
  // passed over by its length or its letters costs a few nanoseconds where a query of the prefix index
  // cost 10–20 µs on generated plans (computing the query's prefix: its q-grams sorted, ranked and
  // bisected), so a scan is cheaper up to lists of thousands, and it is exact.
  static constexpr std::size_t min_banded = 2000;
  static constexpr std::size_t band_cut = 40;
  // Whether queries of this many code points take their candidates from the bands.
  bool banded(std::size_t query_length) const { return bands_.has_value() && query_length > band_cut; }

 private:
  using Letters = std::array<std::uint8_t, 32>;  // a text's characters counted by class, at most 255 each
  static constexpr std::uint32_t no_gram = ~std::uint32_t{0};  // a q-gram that no indexed text has

  // Text i folded: from the arena, or, for plain text, folded again from the caller's text into `scratch`.
  std::string_view folded(std::size_t i, std::string& scratch) const;
  // Its code points, folded (plain text as it is decoded).
  void decode_folded(std::size_t i, std::u32string& out) const;
  // A q-gram of a text's prefix: its id, and where it first and last occurs in the text (code points;
  // 65,535 stands for any position from there on).
  struct PrefixGram {
    std::uint32_t id;
    std::uint16_t first, last;
  };
  // A posting: a text with the q-gram in its prefix, and where in the text it occurs.
  struct Posting {
    std::uint32_t text;
    std::uint16_t first, last;
  };
  // A text's prefix, rarest q-gram first; empty when the text is too short to filter.
  void prefix_of(const std::u32string& code_points, std::vector<PrefixGram>& prefix) const;
  bool may_be_similar(const Letters& a_letters, std::size_t a_length, std::size_t b) const;
  // edits_allowed(longer, threshold_), from the table up to the longest text.
  std::int64_t allowed_edits(std::size_t longer) const {
    return longer < allowed_.size() ? allowed_[longer] : edits_allowed(longer, threshold_);
  }
  std::optional<std::size_t> first_equal(std::string_view query, std::string_view folded_query) const;
  // The position of the text of the list that `query` views (the same bytes of the caller's): looked for
  // first after the last such query's (a rule asks for each text of its list in turn), then by address
  // when the texts lie in order; nullopt for any other query.
  std::optional<std::size_t> position_of_view(std::string_view query) const;
  void find_first_equals();
  // The answer to the first text of a run of equal ones, kept for the run's other texts (and queries equal
  // to it): the search for any of them reads the texts before the first, with the same similarities.
  bool has_answer(std::size_t first) const;
  std::optional<std::size_t> remembered_answer(std::size_t first, std::size_t* work) const;
  std::optional<std::size_t> remember_answer(std::size_t first, std::optional<std::size_t> found) const;
  // The answer when only a text equal to the query can be similar.
  std::optional<std::size_t> equal_answer(std::size_t query_length, std::optional<std::size_t> equal, std::size_t* work) const;
  // Counts the letters of text letters_counted_, whose code points these are; of the texts up to `end`.
  void count_next_letters(const std::u32string& code_points) const;
  void count_letters_upto(std::size_t end) const;
  // The search itself, for a query given as its folded code points and the first text equal to it.
  std::optional<std::size_t> search(const std::u32string& code_points, std::optional<std::size_t> equal, std::size_t* work) const;
  void count_grams();
  void index_upto(std::size_t end) const;
  void band_keys(const std::u32string& code_points, MinHashBands::Keys& keys) const;

  // Whether no two texts of at most `longer` code points may differ by an edit (a threshold of 1, or one
  // so near it that these texts allow no edit): then only a text equal to the query is similar, and the
  // sorted hashes of the folded texts answer (a binary search a query, with no index built).
  bool equal_only(std::size_t longer) const { return edits_allowed(longer, threshold_) <= 0; }

  double threshold_ = 0;
  bool indexed_ = false;
  std::size_t longest_ = 0;  // the longest text's length in code points
  // Texts are kept as the caller's views when they are plain (text::fold_plain folds them again in a
  // byte or two per character: most measures, at no memory), and folded into the arena otherwise.
  std::vector<std::string_view> raw_;       // the caller's texts
  std::vector<bool> plain_;
  std::string folded_;                      // the other texts folded, back to back
  std::vector<std::size_t> start_;          // text i is folded_[start_[i], start_[i + 1]) unless plain
  std::vector<std::uint32_t> length_;       // in code points
  std::vector<std::int64_t> allowed_;       // by length up to longest_: edits_allowed(length, threshold_)
  // A text's letters are counted from its code points when a query first decodes it (a rule asks for each
  // text in turn, and candidates come before the query), not all up front: each text is then decoded
  // once, not twice, and a threshold that only equal texts meet counts none.
  mutable ZeroedPages<Letters> letters_{0};  // 32 bytes a text
  mutable std::size_t letters_counted_ = 0;  // texts [0, letters_counted_) have theirs
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_hash_;  // (hash of folded text, position), sorted
  // A query that is a text of the list, as a rule asks (first_similar(plan.measures, text, …)), is found
  // by where its bytes lie, and its first equal text was found here: it is not folded, hashed or searched
  // for again (those were a tenth of duplicate-measure's time on large plans).
  mutable std::size_t next_view_ = 0;       // where the next query's text is looked for
  bool views_in_order_ = false;             // the texts' addresses ascend (a plan's texts lie in its order)
  std::vector<std::uint32_t> first_equal_;  // by position: the first text equal to it once folded
  // By position of a first equal text, in lists that have copies: 0 while it is not asked, 1 when it has no
  // similar text, its answer + 2 otherwise. A copy (a plan pasted into itself, a measure repeated under
  // every goal) then costs a step, not a search.
  mutable std::vector<std::uint32_t> answers_;
  FlatHash gram_id_;                        // each distinct q-gram of the texts -> its id
  std::vector<std::uint32_t> frequency_;    // by q-gram id: in how many texts it occurs
  // The postings, built as the queries need them (see index_upto): a rule that asks for each text of the
  // list in turn needs only the texts before it, and one stopped by its step budget leaves the rest
  // unbuilt. By (q-gram id, length class): the texts with that q-gram in their prefix, ascending.
  mutable FlatHash posting_list_;                   // key -> list number
  mutable std::vector<std::vector<Posting>> lists_;
  mutable std::vector<std::uint32_t> unfiltered_;  // texts without a usable prefix
  mutable std::size_t indexed_upto_ = 0;           // texts [0, indexed_upto_) are in the postings
  // The prefix of the last query that equals a text of the list, for when that text is indexed.
  mutable std::vector<PrefixGram> last_prefix_;
  mutable std::size_t last_prefix_text_ = SIZE_MAX;
  // The bands, on long lists: texts of at least band_min_length_ code points are in them, and only texts
  // of at most exact_max_length_ are in the prefix index (SIZE_MAX without bands). The keys of the last
  // query that equals a text, for when that text is added.
  mutable std::optional<MinHashBands> bands_;
  std::size_t band_min_length_ = SIZE_MAX, exact_max_length_ = SIZE_MAX;
  mutable MinHashBands::Keys last_keys_{};
  mutable std::size_t last_keys_text_ = SIZE_MAX;
  // Scratch for one query (a query is not thread-safe; an index belongs to one evaluation): the query
  // number that last marked each text as a candidate.
  mutable std::vector<std::uint32_t> marked_;
  mutable std::uint32_t query_number_ = 0;
  mutable std::vector<std::uint32_t> candidates_;
};

}  // namespace planlint::rules
