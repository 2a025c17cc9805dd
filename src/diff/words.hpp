#pragma once
// Word-level differences between two texts, for showing what changed inside a measure, an indicator or a
// title. Texts are compared in their normalised form (NFC, whitespace collapsed); the unit is the
// whitespace-delimited word, as in `git diff --word-diff`, so a one-letter typo fix shows the whole word
// ("[-Työkäisille-]{+Työikäisille+}") and a joined compound shows as one change
// ("[-vastaanotto toiminnan-]{+vastaanottotoiminnan+}").
#include <string>
#include <string_view>
#include <vector>

namespace planlint::diff {

enum class PieceKind { equal, removed, added };

struct Piece {
  PieceKind kind = PieceKind::equal;
  std::string text;
  friend bool operator==(const Piece&, const Piece&) = default;
};

// One changed place: the old words and the new words (either may be empty).
struct Edit {
  std::string old_text;
  std::string new_text;
  friend bool operator==(const Edit&, const Edit&) = default;
};

// The pieces of a word diff, in reading order: within a change, the removed piece comes before the added one.
struct WordDiff {
  std::vector<Piece> pieces;

  bool same() const;
  std::vector<Edit> edits() const;
  // `[-old-]{+new+}` inline form, as `git diff --word-diff=plain`.
  std::string inline_text() const;
};

// Myers' diff on words, then a semantic clean-up: small equalities between changes are absorbed into them
// (as diff-match-patch's cleanupSemantic does), punctuation shared at the ends of a change moves out of it,
// and the spaces around a change stay outside it.
WordDiff diff_words(std::string_view old_text, std::string_view new_text);

// Longest common subsequence of two sequences by Myers' O(ND) algorithm: for each element of `a`, whether it
// is kept. Exposed for tests. Beyond `max_d` differences it gives up and keeps nothing (a full replacement),
// which bounds time and memory on pathological input.
struct Lcs {
  std::vector<bool> keep_a;
  std::vector<bool> keep_b;
};
Lcs myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t max_d = 2000);

}  // namespace planlint::diff
