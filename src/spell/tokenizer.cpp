#include "spell/tokenizer.hpp"

#include <optional>

#include <utf8proc.h>

#include "grammar/words.hpp"
#include "text/utf8.hpp"

namespace planlint::spell {
namespace {

namespace pegtl = tao::pegtl;
namespace gw = planlint::grammar::words;

// `Sink` is called with each token: a lambda that fills a vector, or a caller's std::function.
template <typename Sink>
struct State {
  std::string_view text;
  Sink& sink;
  std::optional<TokenKind> rest_kind;  // what the rest after a word body made of it (email_rest, dotted_rest)
};

bool has_digit(std::string_view w) {
  namespace bytes = planlint::grammar::bytes;
  std::size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    if (bytes::digits(bytes::load8(w.data() + i)) != 0) return true;
  }
  if (i != w.size() && w.size() >= 8) return bytes::digits(bytes::load8(w.data() + w.size() - 8)) != 0;  // the last 8
  for (; i < w.size(); ++i) {
    if (w[i] >= '0' && w[i] <= '9') return true;
  }
  return false;
}

// Letters before any ':' ("STM:n" -> "STM"), all capitals and at least two of them.
bool is_acronym(std::string_view w) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < w.size();) {
    const char32_t cp = utf8::decode(w, i);
    if (cp < 0x80) {  // ASCII without utf8proc: a small letter ends it, a capital counts, ':' ends the letters
      if (cp == ':') break;
      if (cp >= 'a' && cp <= 'z') return false;
      if (cp >= 'A' && cp <= 'Z') ++letters;
      continue;
    }
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO) return false;
    if (cat == UTF8PROC_CATEGORY_LU) ++letters;
  }
  return letters >= 2;
}

}  // namespace

TokenKind classify(std::string_view w) {
  if (has_digit(w)) return TokenKind::number;
  // Most words start with a small ASCII letter and are longer than one: words, decided here.
  if (w.size() > 1 && w[0] >= 'a' && w[0] <= 'z') return TokenKind::word;
  if (std::size_t i = 0; !w.empty() && (utf8::decode(w, i), i == w.size())) return TokenKind::single;  // one code point
  if (is_acronym(w)) return TokenKind::acronym;
  return TokenKind::word;
}

namespace {

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <typename In, typename St>
void add(const In& in, St& s, TokenKind kind) {
  const auto begin = static_cast<std::size_t>(in.begin() - s.text.data());
  const auto end = begin + in.size();
  s.sink(Token{kind, begin, end, end < s.text.size() && s.text[end] == '.'});
}

template <TokenKind K>
struct add_as {
  template <typename In, typename St>
  static void apply(const In& in, St& s) { add(in, s, K); }
};

// An address or a dotted run is a name; a word is classified. The rest's action runs before the whole's.
template <TokenKind K>
struct rest_as {
  template <typename In, typename St>
  static void apply(const In&, St& s) { s.rest_kind = K; }
};
template <> struct action<gw::email_rest> : rest_as<TokenKind::name> {};
template <> struct action<gw::dotted_rest> : rest_as<TokenKind::name> {};
template <>
struct action<gw::word_led> {
  template <typename In, typename St>
  static void apply(const In& in, St& s) {
    add(in, s, s.rest_kind ? *s.rest_kind : classify(in.string_view()));
    s.rest_kind.reset();
  }
};
template <> struct action<gw::url> : add_as<TokenKind::name> {};
template <> struct action<gw::symbol_ending> : add_as<TokenKind::number> {};
template <> struct action<gw::ordinal_tail> : add_as<TokenKind::number> {};

template <typename Sink>
void parse_tokens(std::string_view text, Sink& sink) {
  State<Sink> s{text, sink, {}};
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "text");
  pegtl::parse<gw::text, action>(in, s);
}

}  // namespace

void for_each_token(std::string_view text, const std::function<void(const Token&)>& sink) { parse_tokens(text, sink); }

void tokenize_into(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  // Filled directly, not through a std::function: that call and the vector's growth were a fifth of the
  // tokenizer's instructions, at a token every 12 bytes of Finnish text.
  tokens.reserve(text.size() / 8);
  auto push = [&tokens](const Token& t) { tokens.push_back(t); };
  parse_tokens(text, push);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokenize_into(text, tokens);
  return tokens;
}

std::vector<std::pair<std::size_t, std::size_t>> hyphen_parts(std::string_view word) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '-' && i + 1 < word.size()) {
      out.emplace_back(start, i);
      start = i + 1;
    }
  }
  out.emplace_back(start, word.size());
  return out;
}

namespace {

// The source a span can be located in: none when the span's range does not lie within it, as for a span
// of the old version (check --against) while the new version is the source being checked.
std::string_view source_for(const Span& span, std::string_view source) {
  const bool inside = span.range.begin.offset <= span.range.end.offset && span.range.end.offset <= source.size();
  return inside ? source : std::string_view{};
}

}  // namespace

SpanLocator::SpanLocator(const Span& span, std::string_view source)
    : span_(span),
      source_(source_for(span, source)),
      verbatim_(span.range.end.offset >= span.range.begin.offset &&
                span.range.end.offset - span.range.begin.offset == span.text.size() &&
                (source_.empty() || source_.substr(span.range.begin.offset, span.text.size()) == span.text)),
      cursor_(span.range.begin.offset),
      walked_(span.range.begin) {}

SourcePosition SpanLocator::advance_to(std::size_t offset) {
  // Walks from the last known position; in a verbatim span the span's own text is the source.
  const auto byte_at = [&](std::size_t o) {
    return verbatim_ ? span_.text[o - span_.range.begin.offset] : source_[o];
  };
  while (walked_.offset < offset) {
    const auto c = static_cast<unsigned char>(byte_at(walked_.offset));
    ++walked_.offset;
    if (c == '\n') {
      ++walked_.line;
      walked_.column = 1;
    } else if (!utf8::is_continuation(c)) {
      ++walked_.column;
    }
  }
  return walked_;
}

// Where the word `w` stands in the source at or after the cursor: its start, and (in end_offset) its end.
// A word that the reader joined across a line-final hyphen ("hyvin-" + "vointia") is found as its two
// pieces; npos when it is not found before the span's end.
std::size_t SpanLocator::find_in_source(std::string_view w, std::size_t& end_offset) {
  const std::size_t limit = std::min(source_.size(), std::size_t{span_.range.end.offset});
  const std::string_view window = source_.substr(0, limit);
  if (const std::size_t p = window.find(w, cursor_); p != std::string_view::npos) {
    end_offset = p + w.size();
    return p;
  }
  for (std::size_t k = w.size() - 1; k > 0; --k) {
    if (utf8::is_continuation(static_cast<unsigned char>(w[k]))) continue;
    const std::string head = std::string(w.substr(0, k)) + "-";
    const std::size_t p = window.find(head, cursor_);
    if (p == std::string_view::npos) continue;
    const std::size_t q = window.find(w.substr(k), p + head.size());
    if (q == std::string_view::npos) continue;
    end_offset = q + (w.size() - k);
    return p;
  }
  return std::string_view::npos;
}

SourceRange SpanLocator::locate(std::size_t begin, std::size_t end) {
  std::size_t from = span_.range.begin.offset + begin;
  std::size_t to = span_.range.begin.offset + end;
  if (!verbatim_) {
    if (source_.empty()) return span_.range;
    const std::size_t found = find_in_source(std::string_view(span_.text).substr(begin, end - begin), to);
    if (found == std::string_view::npos || found < walked_.offset) return span_.range;
    from = found;
  }
  if (from < walked_.offset) return span_.range;  // out of order: cannot happen for tokens in order
  SourceRange r;
  r.begin = advance_to(from);
  r.end = advance_to(to);
  cursor_ = to;
  return r;
}

std::vector<Word> words_of(const Span& span, std::string_view source) {
  std::vector<Word> out;
  SpanLocator locator(span, source);
  for (const Token& t : tokenize(span.text)) {
    out.push_back(Word{std::string(span.text.substr(t.begin, t.end - t.begin)), locator.locate(t.begin, t.end), t.kind, t.period_follows});
  }
  return out;
}

}  // namespace planlint::spell
