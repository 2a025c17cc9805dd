#pragma once
// Voikko's (and Hunspell's) answers kept between runs, one file per key (voikko_identity.hpp): editors, hooks and CI check
// the same documents again and again, and a run whose every word is in the file needs no Voikko at all
// (no dlopen of its sixteen libraries, no voikkoInit). Only Voikko's own answers are kept: word lists and
// ranking are applied on top as before, so findings are the same with and without the file.
//
// The format (version 2), text so that it can be read with less:
//   planlint voikko answers 2\n
//   <key length in bytes>\n<key>\n
//   <record>\t<FNV-1a 64 of the record, 16 hex digits>\n   the records, sorted by kind and word (bytes)
//   end\t<number of records>\t<FNV-1a 64 of the lines above the records, 16 hex digits>\n
// where a record is one of
//   s\t<word>\t<0|1>                       a spell(word) answer
//   g\t<word>[\t<suggestion>]...           a suggest(word) answer, suggestions in Voikko's order
//   p\t<paragraph key>[\t<error>]...       a grammar check of a paragraph: the key is grammar_key(), an
//                                         error is code, start, length, description and suggestions,
//                                         separated by U+001F
// A run looks its words up in the file (AnswerIndex: mapped, binary search over the sorted lines, each
// line checked by its own checksum), so that its cost does not grow with the file: opening reads the
// first lines and the last. A file with another first line (another version), another key or a bad
// trailer (truncated) is ignored as a whole; a record whose checksum fails is not believed (its word is
// asked again). The next run that learns something rewrites the file whole (parse_answers(), which
// rejects any fault).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "spell/grammar_error.hpp"

namespace planlint::spell {

struct VoikkoAnswers {
  std::unordered_map<std::string, bool> spell;
  std::unordered_map<std::string, std::vector<std::string>> suggest;
  std::unordered_map<std::string, std::vector<GrammarError>> grammar;  // by grammar_key()
  std::size_t size() const { return spell.size() + suggest.size() + grammar.size(); }
};

// A paragraph's key for its grammar findings: the descriptions' language, its length and its FNV-1a hash
// (paragraphs are long, and a corpus's would outgrow the file's bound if kept whole).
std::string grammar_key(std::string_view paragraph, std::string_view description_language);

// Past these the file is not kept growing: a run starts it again with only its own answers.
inline constexpr std::size_t max_answer_records = 200'000;
inline constexpr std::size_t max_answer_file_bytes = 16u << 20;

// The directory for planlint's caches: $PLANLINT_CACHE_DIR, else $XDG_CACHE_HOME/planlint, else
// $HOME/.cache/planlint; empty (no cache) when PLANLINT_NO_CACHE is set to anything but "" or "0", or
// when none of the variables is set.
std::string default_cache_dir();

// The file for `key` in `dir`: the engine ("voikko", "hunspell") and a hash of the key in its name (the key
// itself is checked inside).
std::string answer_file_path(const std::string& dir, std::string_view key, std::string_view engine = "voikko");

// The file's contents for `key`, or nullopt when it is missing, unreadable, too big or not valid.
std::optional<VoikkoAnswers> read_answer_file(const std::string& path, std::string_view key);
std::optional<VoikkoAnswers> parse_answers(std::string_view content, std::string_view key);

// The answers of one file, looked up without reading the file whole: it is mapped, and a lookup reads the
// few lines a binary search visits.
class AnswerIndex {
 public:
  // The file for `key`; nullopt when it is missing, not a regular file, too big, or its first lines, key
  // or trailer are not valid.
  static std::optional<AnswerIndex> open(const std::string& path, std::string_view key);
  // Over text held elsewhere (tests): `content` must outlive the index.
  static std::optional<AnswerIndex> over(std::string_view content, std::string_view key);
  AnswerIndex(AnswerIndex&& other) noexcept;
  AnswerIndex& operator=(AnswerIndex&& other) noexcept;
  ~AnswerIndex();

  std::size_t records() const { return count_; }
  std::optional<bool> spell(std::string_view word) const;
  std::optional<std::vector<std::string>> suggest(std::string_view word) const;
  std::optional<std::vector<GrammarError>> grammar(std::string_view paragraph_key) const;

 private:
  AnswerIndex() = default;
  // The fields after the word of the record (kind, word), its checksum verified; nullopt when absent.
  std::optional<std::string_view> find(char kind, std::string_view word) const;

  void* map_ = nullptr;  // owned, munmap'ed
  std::size_t map_size_ = 0;
  std::string_view records_;  // the record lines, each with its newline
  std::size_t count_ = 0;
};

// The file's bytes. Answers about a word or with a suggestion (or a grammar description) that holds a
// tab, a newline, a NUL or U+001F are left out: such a word is asked of Voikko again next time, which is
// always right.
std::string format_answers(std::string_view key, const VoikkoAnswers& answers);

// FNV-1a, 64 bits: the file's checksum and the key's name.
std::uint64_t fnv1a64(std::string_view bytes);

}  // namespace planlint::spell
