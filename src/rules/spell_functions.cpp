#include "rules/spell_functions.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rules/eval.hpp"
#include "spell/checker.hpp"
#include "spell/language.hpp"
#include "text/code_points.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace planlint::rules {
namespace {

// What the spelling functions keep for one evaluation: the document's vocabulary (built once) and the
// word lists given as text (parsed once per distinct text).
struct SpellState {
  std::optional<spell::Vocabulary> vocabulary;  // built on the first misspelling
  std::map<std::string, spell::WordList, std::less<>> lists;
  std::optional<std::string> language;  // the evaluated plan's, once detected
};

// A misspelt word asks Voikko for suggestions and checks up to some two hundred edits of it: the budget
// counts it as that much work, so that a document of nonsense stops the rule rather than the run.
constexpr std::size_t steps_per_misspelling = 5000;

void add_spans(spell::Vocabulary& v, const Plan& p) {
  for (const Span& s : p.title) v.add_text(s.text);
  for (const OverviewItem& o : p.overview) v.add_text(o.title.text);
  for (const Claim& c : p.claims) v.add_text(c.text.text);
  const auto measures = [&](const std::vector<Measure>& ms) {
    for (const Measure& m : ms) {
      v.add_text(m.text.text);
      if (m.indicator) v.add_text(m.indicator->text);
      for (const ExtraCell& e : m.extra) v.add_text(e.cell.text);
    }
  };
  for (const Goal& g : p.goals) {
    v.add_text(g.title.text);
    measures(g.measures);
  }
  measures(p.stray_rows);
}

SpellState& state(Evaluator& ev) {
  std::shared_ptr<void>& slot = ev.extension("spell");
  if (!slot) slot = std::make_shared<SpellState>();
  return *static_cast<SpellState*>(slot.get());
}

const spell::Vocabulary& vocabulary(Evaluator& ev, SpellState& st) {
  if (!st.vocabulary) {
    st.vocabulary.emplace();
    // The whole document when the engine has it (paragraphs too), else every text of the model.
    if (!ev.options().source_text.empty()) st.vocabulary->add_text(ev.options().source_text);
    else add_spans(*st.vocabulary, ev.plan());
    st.vocabulary->finish();
    ev.charge(st.vocabulary->size());
  }
  return *st.vocabulary;
}

std::string text_param(Evaluator& ev, const Expr& call, std::size_t i, const char* what, std::string fallback) {
  if (call.args.size() <= i) return fallback;
  const Value v = ev.eval(*call.args[i]);
  if (v.is_null()) return fallback;
  return std::string(Evaluator::text_arg(v, *call.args[i], what));
}

// Texts of a value: a text, a list of texts and nulls, or lists of those.
void collect(const Value& v, const Expr& where, std::vector<const Span*>& spans, std::vector<Span>& loose) {
  if (v.is_null()) return;
  if (const List* l = v.as_list()) {
    for (const Value& e : *l) collect(e, where, spans, loose);
    return;
  }
  if (const NodeRef* n = v.as_node(); n && n->kind == NodeKind::text) {
    spans.push_back(static_cast<const Span*>(n->ptr));
    return;
  }
  if (const NodeRef* n = v.as_node(); n && n->kind == NodeKind::word) {
    spans.push_back(&static_cast<const WordValue*>(n->ptr)->span);
    return;
  }
  // A string computed by the rule has no place in the document: its words point at the start.
  loose.push_back(Span{Evaluator::text_arg(v, where, "misspelt_words()"), {}});
}

// The texts of a list (collect), the loose ones after the document's: `loose` holds those and must outlive
// the result.
std::vector<const Span*> spans_of(const Value& texts, const Expr& where, std::vector<Span>& loose) {
  std::vector<const Span*> spans;
  collect(texts, where, spans, loose);
  for (const Span& s : loose) spans.push_back(&s);
  return spans;
}

spell::Speller& speller_or_fail(const std::string& language, const std::string& dictionary, const Expr& where) {
  try {
    return spell::shared_speller(language, dictionary);
  } catch (const spell::SpellerUnavailable& e) {
    throw EvalError{e.message, where.where};
  }
}

// The shared speller of a language, or null when it cannot be opened (for what is optional: detection,
// names quoted in the other language).
spell::Speller* speller_if_available(std::string_view language) {
  try {
    return &spell::shared_speller(std::string(language), "");
  } catch (const spell::SpellerUnavailable&) {
    return nullptr;
  }
}

}  // namespace

Value plan_language(Evaluator& ev, const NodeRef& node, const Plan&) {
  const Plan& p = *static_cast<const Plan*>(node.ptr);
  const std::string& configured = ev.options().language;
  if (spell::is_language_code(configured)) return configured;
  const bool evaluated = &p == &ev.plan();
  SpellState& st = state(ev);
  if (evaluated && st.language) return *st.language;
  std::string_view source;
  if (evaluated) source = ev.options().source_text;
  else if (p.text && p.text->document()) source = *p.text->document();
  ev.charge(p.goals.size() + spell::sample_words + 1);
  std::string found = spell::detect_language(p, source, speller_if_available).code;
  if (evaluated) st.language = found;
  return found;
}

Value fn_misspelt_words(Evaluator& ev, const Expr& call) {
  const Value texts = ev.eval(*call.args[0]);
  const std::string language = text_param(ev, call, 1, "misspelt_words()", "fi");
  const std::string dictionary = text_param(ev, call, 2, "misspelt_words()", "");
  const std::string words = text_param(ev, call, 3, "misspelt_words()", "");
  const std::string quoted = text_param(ev, call, 4, "misspelt_words()", "");
  const std::string compounds = text_param(ev, call, 5, "misspelt_words()", "");
  const std::string titles = text_param(ev, call, 6, "misspelt_words()", "");
  spell::Speller& speller = speller_or_fail(language, dictionary, call);
  SpellState& st = state(ev);
  auto list = st.lists.find(words);
  if (list == st.lists.end()) list = st.lists.emplace(words, spell::WordList::parse(words)).first;
  std::vector<const spell::WordList*> lists{&list->second};
  if (ev.options().accepted_words) lists.push_back(ev.options().accepted_words.get());
  spell::SpellChecker checker(speller, lists);
  // The other languages' spellers are opened only when a word needs one (SpellChecker::other_accepts);
  // one that is not installed recognises no names.
  for (const std::string& code : spell::FieldWords::parse(quoted, false)) {
    if (code != language) checker.add_foreign([code] { return speller_if_available(code); });
  }
  checker.set_field_words(spell::FieldWords{spell::FieldWords::parse(compounds), spell::FieldWords::parse(titles)});

  std::vector<Span> loose;
  const std::vector<const Span*> spans = spans_of(texts, *call.args[0], loose);
  List out;
  for (const Span* s : spans) {
    ev.charge(s->text.size() / 8 + 1);
    std::vector<spell::Misspelling> found;
    try {
      found = checker.check(*s, ev.options().source_text, [&]() -> const spell::Vocabulary& { return vocabulary(ev, st); });
    } catch (const spell::SpellerUnavailable& e) {
      // A speller working from its answer file loads Voikko for the first word the file lacks: should
      // that fail now (the library removed since), it is reported like a speller that cannot open.
      throw EvalError{e.message, call.where};
    }
    for (spell::Misspelling& m : found) {
      ev.charge(steps_per_misspelling);
      out.push_back(ev.keep(WordValue{Span{ev.keep_string(std::move(m.word.text)), m.word.range}, std::move(m.suggestions)}));
    }
  }
  return make_list(std::move(out));
}

Value fn_document_lines(Evaluator& ev, const Expr&) {
  const std::string_view text = ev.options().source_text;
  List out;
  out.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);  // not grown line by line
  SourcePosition at{0, 1, 1};
  if (text.substr(0, 3) == "\xEF\xBB\xBF") at.offset = 3;  // a byte-order mark is not text
  while (at.offset < text.size()) {
    std::size_t end = text.find('\n', at.offset);
    if (end == std::string_view::npos) end = text.size();
    std::size_t stop = end;
    if (stop > at.offset && text[stop - 1] == '\r') --stop;
    const std::string_view line = text.substr(at.offset, stop - at.offset);
    const SourcePosition line_end{stop, at.line, 1 + utf8::count_code_points(line)};
    out.push_back(ev.keep_text(Span{line, {at, line_end}}));
    at = SourcePosition{end + 1, at.line + 1, 1};
  }
  ev.charge(out.size() + text.size() / 64);
  return make_list(std::move(out));
}

namespace {

std::string word_arg(Evaluator& ev, const Expr& call, const char* what) {
  const Value v = ev.eval(*call.args[0]);
  if (v.is_null()) return {};
  return std::string(Evaluator::text_arg(v, *call.args[0], what));
}

// Damerau–Levenshtein distance over case-folded code points.
std::size_t letter_distance(std::string_view a_text, std::string_view b_text) {
  const std::u32string a = utf8::code_points(text::casefold(a_text));
  const std::u32string b = utf8::code_points(text::casefold(b_text));
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

Value fn_lemmas(Evaluator& ev, const Expr& call) {
  const std::string word = word_arg(ev, call, "lemmas()");
  const std::string language = text_param(ev, call, 1, "lemmas()", "fi");
  List out;
  if (word.empty()) return make_list(std::move(out));
  ev.charge(64);
  std::vector<std::string> seen;
  for (const spell::Analysis& a : speller_or_fail(language, "", call).analyses(word)) {
    if (std::find(seen.begin(), seen.end(), a.baseform) != seen.end()) continue;
    seen.push_back(a.baseform);
    out.emplace_back(a.baseform);
  }
  return make_list(std::move(out));
}

Value fn_compound_parts(Evaluator& ev, const Expr& call) {
  const std::string word = word_arg(ev, call, "compound_parts()");
  const std::string language = text_param(ev, call, 1, "compound_parts()", "fi");
  if (word.empty()) return {};
  ev.charge(64);
  std::optional<std::size_t> fewest;
  for (const spell::Analysis& a : speller_or_fail(language, "", call).analyses(word)) {
    if (!fewest || a.parts() < *fewest) fewest = a.parts();
  }
  if (!fewest) return {};
  return static_cast<double>(*fewest);
}

Value fn_edit_distance(Evaluator& ev, const Expr& call) {
  const Value a = ev.eval(*call.args[0]);
  const Value b = ev.eval(*call.args[1]);
  if (a.is_null() || b.is_null()) return {};
  const std::string_view x = Evaluator::text_arg(a, *call.args[0], "edit_distance()");
  const std::string_view y = Evaluator::text_arg(b, *call.args[1], "edit_distance()");
  ev.charge(x.size() * y.size() / 16 + 1);
  return static_cast<double>(letter_distance(x, y));
}

Value fn_word_tokens(Evaluator& ev, const Expr& call) {
  const Value texts = ev.eval(*call.args[0]);
  std::vector<Span> loose;
  const std::vector<const Span*> spans = spans_of(texts, *call.args[0], loose);
  List out;
  for (const Span* s : spans) {
    ev.charge(s->text.size() / 8 + 1);
    for (spell::Word& w : spell::words_of(*s, ev.options().source_text)) {
      if (w.kind != spell::TokenKind::word) continue;
      out.push_back(ev.keep(WordValue{Span{ev.keep_string(std::move(w.text)), w.range}, {}}));
    }
  }
  return make_list(std::move(out));
}

Value fn_grammar_errors(Evaluator& ev, const Expr& call) {
  const Value texts = ev.eval(*call.args[0]);
  const std::string language = text_param(ev, call, 1, "grammar_errors()", "fi");
  const std::string disabled_text = text_param(ev, call, 2, "grammar_errors()", "");
  const std::vector<std::string> disabled = spell::FieldWords::parse(disabled_text);
  spell::Speller& speller = speller_or_fail(language, "", call);
  std::vector<Span> loose;
  const std::vector<const Span*> spans = spans_of(texts, *call.args[0], loose);
  List out;
  for (const Span* s : spans) {
    ev.charge(s->text.size() / 4 + 1);
    // Voikko reads a paragraph as one line: its line breaks (wrapped lines) become spaces, byte for byte.
    std::string paragraph(s->text);
    std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
    std::replace(paragraph.begin(), paragraph.end(), '\r', ' ');
    std::vector<spell::GrammarError> errors;
    try {
      errors = speller.grammar_errors(paragraph, ev.options().message_language);
    } catch (const spell::SpellerUnavailable& e) {
      throw EvalError{e.message, call.where};
    }
    if (errors.empty()) continue;
    // Voikko counts code points; the locator wants bytes.
    std::vector<std::size_t> byte_at;
    for (std::size_t i = 0; i < paragraph.size();) {
      byte_at.push_back(i);
      utf8::decode(paragraph, i);
    }
    byte_at.push_back(paragraph.size());
    spell::SpanLocator locator(*s, ev.options().source_text);
    for (spell::GrammarError& e : errors) {
      if (std::find(disabled.begin(), disabled.end(), std::to_string(e.code)) != disabled.end()) continue;
      if (e.start + e.length >= byte_at.size()) continue;
      const std::size_t b = byte_at[e.start], end = byte_at[e.start + e.length];
      WordValue w{Span{ev.keep_string(std::string(s->text.substr(b, end - b))), locator.locate(b, end)}, std::move(e.suggestions)};
      w.code = e.code;
      w.description = std::move(e.description);
      out.push_back(ev.keep(std::move(w)));
    }
  }
  return make_list(std::move(out));
}

Value fn_spelling_problem(Evaluator& ev, const Expr& call) {
  const std::string language = text_param(ev, call, 0, "spelling_problem()", "fi");
  const std::string dictionary = text_param(ev, call, 1, "spelling_problem()", "");
  if (auto problem = spell::speller_problem(language, dictionary)) return *problem;
  return {};
}

}  // namespace planlint::rules
