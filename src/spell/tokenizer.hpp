#pragma once
// Words of a piece of document text, with their exact source ranges, for spelling. The grammar and its
// decisions are in grammar/words.hpp.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_range.hpp"

namespace planlint::spell {

// What a token is; only `word` is spell-checked (the others are decisions, see grammar/words.hpp).
enum class TokenKind {
  word,      // letters, possibly joined by hyphens, apostrophes or colons
  acronym,   // all capitals, two letters or more ("STM", "HYTE", "STM:n" by the part before ':')
  number,    // has a digit ("2022", "covid-19", "6–12"), or ends a number or symbol ("€:lla", ".-luokkalaisille")
  single,    // one letter ("a)" in lists)
  name,      // URL, e-mail address, or words joined by full stops ("espoo.fi")
};

// A token at bytes [begin, end) of the text it was found in.
struct Token {
  TokenKind kind = TokenKind::word;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool period_follows = false;  // "esim." : the word is "esim", a full stop comes right after it
};

// The kind of a word-shaped token (or a hyphen part of one): number, single, acronym or word.
TokenKind classify(std::string_view word);

// Tokens of `text` in order. Never fails: what is not a token separates tokens.
std::vector<Token> tokenize(std::string_view text);
// The same into `tokens`, replacing what it held: a caller tokenizing line after line reuses one vector.
void tokenize_into(std::string_view text, std::vector<Token>& tokens);

// The same tokens, each given to `sink` as it is found and none kept: for a caller that looks at each once,
// such as a document's vocabulary, where a vector of a whole document's tokens cost more in page faults
// than the tokenizing itself (2.7 MB of tokens for a 1 MB plan, in pages first touched as the vector grew).
void for_each_token(std::string_view text, const std::function<void(const Token&)>& sink);

// The hyphen-separated parts of a word ("hyte-painopisteiden" -> "hyte", "painopisteiden"), as byte ranges
// relative to the word; a trailing hyphen stays with its part ("lasten-").
std::vector<std::pair<std::size_t, std::size_t>> hyphen_parts(std::string_view word);

// A word (or a part of one) of a Span, with its place in the document.
struct Word {
  std::string text;
  SourceRange range;
  TokenKind kind = TokenKind::word;
  bool period_follows = false;
};

// Maps byte ranges of a Span's text to document ranges. Span text is usually the source verbatim; text
// joined from several lines (wrapped cells of PDF text) is found in `source` word by word, in order.
class SpanLocator {
 public:
  // `source` is the whole document (may be empty when unknown: then only verbatim spans are exact, and
  // words of other spans get the span's whole range).
  SpanLocator(const Span& span, std::string_view source);
  SourceRange locate(std::size_t begin, std::size_t end);

 private:
  SourcePosition advance_to(std::size_t offset);  // offsets must not go backwards
  std::size_t find_in_source(std::string_view w, std::size_t& end_offset);

  const Span& span_;
  std::string_view source_;
  bool verbatim_;
  std::size_t cursor_;      // search position in the source
  SourcePosition walked_;   // a known position at or before cursor_
};

// The words of a span (every token kind, so that callers and tests see the decisions).
std::vector<Word> words_of(const Span& span, std::string_view source);

}  // namespace planlint::spell
