#include "rules/functions.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <re2/re2.h>

#include "grammar/keywords.hpp"
#include "rules/eval.hpp"
#include "rules/fields.hpp"
#include "rules/similar_index.hpp"
#include "rules/spell_functions.hpp"
#include "rules/text_functions.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace planlint::rules {
namespace {

using T = StaticType;

Value arg(Evaluator& ev, const Expr& call, std::size_t i) { return ev.eval(*call.args[i]); }

// The text of argument i, copied out of its (temporary) value.
std::string text_of(Evaluator& ev, const Expr& call, std::size_t i, const char* what) {
  const Value v = arg(ev, call, i);
  return std::string(Evaluator::text_arg(v, *call.args[i], what));
}

// The text of a value for the predicates that read null as no text. The view points into `v` (or into
// the plan, for document text), so `v` must outlive it: callers keep the argument's value in a local.
std::optional<std::string_view> text_or_null(const Value& v, const Expr& call, std::size_t i, const char* what) {
  if (v.is_null()) return std::nullopt;
  return Evaluator::text_arg(v, *call.args[i], what);
}

Value fn_count(Evaluator& ev, const Expr& call) { return ev.count(*call.args[0], "count()"); }

Value fn_len(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  if (const List* l = v.as_list()) return l->size();
  if (const auto s = v.as_text()) return utf8::count_code_points(*s);
  throw EvalError{fmt::format("len() expects text or a list, got {}", type_name(v)), call.args[0]->where};
}

Value fn_exists(Evaluator& ev, const Expr& call) { return !arg(ev, call, 0).is_null(); }

Value fn_blank(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  const auto t = text_or_null(v, call, 0, "blank()");
  return !t || text::is_blank(*t);
}

Value fn_trim(Evaluator& ev, const Expr& call) {
  return text::collapse_whitespace(text_of(ev, call, 0, "trim()"));
}
Value fn_normalize(Evaluator& ev, const Expr& call) {
  return text::normalize(text_of(ev, call, 0, "normalize()"));
}
Value fn_casefold(Evaluator& ev, const Expr& call) {
  return text::casefold(text_of(ev, call, 0, "casefold()"));
}

Value fn_same_text(Evaluator& ev, const Expr& call) {
  const Value va = arg(ev, call, 0);
  const auto a = text_or_null(va, call, 0, "same_text()");
  const Value vb = arg(ev, call, 1);
  const auto b = text_or_null(vb, call, 1, "same_text()");
  if (!a || !b) return !a && !b;
  ev.charge((a->size() + b->size()) / 16);
  return text::normalized_equal(*a, *b);
}

Value fn_similarity(Evaluator& ev, const Expr& call) {
  const std::string a = text_of(ev, call, 0, "similarity()");
  const std::string b = text_of(ev, call, 1, "similarity()");
  ev.charge(a.size() * b.size() / 64);
  return similarity(a, b);
}

Value fn_similar(Evaluator& ev, const Expr& call) {
  const std::string a = text_of(ev, call, 0, "similar()");
  const std::string b = text_of(ev, call, 1, "similar()");
  const double threshold = Evaluator::number_arg(arg(ev, call, 2), *call.args[2], "similar()");
  std::size_t work = 0;
  const bool result = similar(ev.prepared(a), ev.prepared(b), threshold, &work);
  ev.charge(work / 64);
  return result;
}

Value fn_word_diff(Evaluator& ev, const Expr& call) {
  const std::string a = text_of(ev, call, 0, "word_diff()");
  const std::string b = text_of(ev, call, 1, "word_diff()");
  ev.charge(a.size() * b.size() / 256);
  return word_diff(a, b);
}

std::shared_ptr<const re2::RE2> compile_regex(const std::string& pattern, const Expr& where) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const re2::RE2>(pattern, options);
  if (!re->ok()) throw CompileError{fmt::format("invalid regular expression: {}", re->error()), where.where};
  return re;
}

void validate_matches(Expr& call) {
  const Expr& pattern = *call.args[1];
  if (pattern.kind == Expr::Kind::literal) {
    const auto p = pattern.literal.as_text();
    if (!p) throw CompileError{"matches() expects a regular expression as a quoted string", pattern.where};
    call.regex = compile_regex(std::string(*p), pattern);
  }
}

Value fn_matches(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  const auto s = text_or_null(v, call, 0, "matches()");
  std::shared_ptr<const re2::RE2> re = call.regex;
  if (!re) {
    const std::string p = text_of(ev, call, 1, "matches()");
    re2::RE2::Options options;
    options.set_log_errors(false);
    re = std::make_shared<const re2::RE2>(p, options);
    if (!re->ok()) throw EvalError{fmt::format("invalid regular expression: {}", re->error()), call.args[1]->where};
  }
  if (!s) return false;
  ev.charge(s->size() / 16);
  return re2::RE2::PartialMatch(*s, *re);
}

// The optional parent number of find_goal() and find_overview_item(): null or absent for a goal of its own.
double parent_number_arg(Evaluator& ev, const Expr& call, const char* what) {
  if (call.args.size() < 2) return 0;
  const Value v = arg(ev, call, 1);
  return v.is_null() ? 0 : Evaluator::number_arg(v, *call.args[1], what);
}

Value fn_find_goal(Evaluator& ev, const Expr& call) {
  const double n = Evaluator::number_arg(arg(ev, call, 0), *call.args[0], "find_goal()");
  const auto i = ev.goal_numbered(n, parent_number_arg(ev, call, "find_goal()"));
  return i ? Value(goal_node(ev.plan(), ev.plan().goals[*i])) : Value();
}

Value fn_find_overview_item(Evaluator& ev, const Expr& call) {
  const double n = Evaluator::number_arg(arg(ev, call, 0), *call.args[0], "find_overview_item()");
  const auto i = ev.overview_item_numbered(n, parent_number_arg(ev, call, "find_overview_item()"));
  return i ? Value(overview_node(ev.plan(), ev.plan().overview[*i])) : Value();
}

// The text first_similar() compares an element by: a text as it is, a part of the document by its text.
std::string_view comparable_text(const Evaluator& ev, const Value& v, const Expr& where) {
  if (const auto s = v.as_text()) return *s;
  if (const NodeRef* n = v.as_node()) {
    if (const FieldDef* f = find_field(n->kind, "text")) {
      // Texts of document parts are spans of the plan (text nodes), so the string outlives this call.
      const Value t = f->get(*n, ev.plan());
      if (const NodeRef* tn = t.as_node(); tn && tn->kind == NodeKind::text) return static_cast<const Span*>(tn->ptr)->text;
    }
  }
  throw EvalError{fmt::format("first_similar() expects a list of texts or of parts with a text, found {}", type_name(v)),
                  where.where};
}

Value fn_first_similar(Evaluator& ev, const Expr& call) {
  const Value list = arg(ev, call, 0);
  Evaluator::list_arg(list, *call.args[0], "first_similar()");
  // A view, not a copy: the index recognises a text of its own list by where it lies (the usual query).
  const Value query_value = arg(ev, call, 1);
  const std::string_view query = Evaluator::text_arg(query_value, *call.args[1], "first_similar()");
  const double threshold = Evaluator::number_arg(arg(ev, call, 2), *call.args[2], "first_similar()");
  const ListPtr& items = std::get<ListPtr>(list.v);
  const SimilarIndex& index =
      ev.similar_index(items, threshold, [&](const Value& v) -> std::string_view { return comparable_text(ev, v, *call.args[0]); });
  std::size_t work = 0;
  const auto i = index.first_similar(query, &work);
  ev.charge(work);
  return i ? (*items)[*i] : Value();
}

std::optional<grammar::role> role_named(std::string_view name) {
  using grammar::role;
  if (name == "goal") return role::goal;
  if (name == "measure_header") return role::measure_header;
  if (name == "indicator_header") return role::indicator_header;
  if (name == "status") return role::status;
  if (name == "goal_noun") return role::goal_noun;
  if (name == "copula") return role::copula;
  if (name == "measure_noun") return role::measure_noun;
  return std::nullopt;
}

void validate_is_keyword(Expr& call) {
  const Expr& r = *call.args[1];
  if (r.kind != Expr::Kind::literal || !r.literal.as_text() || !role_named(*r.literal.as_text())) {
    throw CompileError{
        "is_keyword() expects a keyword role as a quoted string: goal, measure_header, indicator_header, status, "
        "goal_noun, copula or measure_noun",
        r.where};
  }
}

// True when the text has words and every one of them is a keyword of the role, in any language of
// grammar/keywords.hpp: "Mittari/ mittarit" is an indicator header, "Mittarin tulos" is not.
Value fn_is_keyword(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  const auto t = text_or_null(v, call, 0, "is_keyword()");
  if (!t) return false;
  const grammar::role role = *role_named(*call.args[1]->literal.as_text());
  const char* p = t->data();
  const char* end = p + t->size();
  bool any = false;
  while (p < end) {
    const std::size_t n = grammar::word_length(p, end);
    if (n == 0) {
      std::size_t i = static_cast<std::size_t>(p - t->data());
      utf8::decode(*t, i);  // skip one non-word character
      p = t->data() + i;
      continue;
    }
    if (!grammar::is_keyword(role, std::string_view(p, n))) return false;
    any = true;
    p += n;
  }
  return any;
}

Value fn_join(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);  // owns the list
  const List& l = Evaluator::list_arg(v, *call.args[0], "join()");
  const std::string sep = call.args.size() > 1 ? text_of(ev, call, 1, "join()") : ", ";
  std::string out;
  for (std::size_t i = 0; i < l.size(); ++i) {
    out += (i ? sep : "") + display(l[i]);
    ev.check_size(out.size());
  }
  ev.charge(l.size());
  return out;
}

Value fn_str(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  ev.check_size(built_bytes(v));  // a list reads as long as its elements
  return display(v);
}

// "1 measure", "4 measures"; in Finnish the form after a number other than one is the partitive singular:
// plural(n, "toimenpide", "toimenpidettä"). Both languages take the first form for exactly one.
Value fn_plural(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  if (v.is_null()) return {};
  const double n = Evaluator::number_arg(v, *call.args[0], "plural()");
  const std::string form = text_of(ev, call, n == 1 ? 1 : 2, "plural()");
  return display(v) + " " + form;
}

Value fn_round(Evaluator& ev, const Expr& call) {
  const double x = Evaluator::number_arg(arg(ev, call, 0), *call.args[0], "round()");
  const double digits = call.args.size() > 1 ? Evaluator::number_arg(arg(ev, call, 1), *call.args[1], "round()") : 0;
  const double scale = std::pow(10.0, digits);
  return std::round(x * scale) / scale;
}

Value fn_abs(Evaluator& ev, const Expr& call) {
  return std::fabs(Evaluator::number_arg(arg(ev, call, 0), *call.args[0], "abs()"));
}

template <bool Max>
Value fn_extreme(Evaluator& ev, const Expr& call) {
  std::vector<double> xs;
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    const Value v = arg(ev, call, i);
    if (const List* l = v.as_list(); l && call.args.size() == 1) {
      for (const Value& e : *l) xs.push_back(Evaluator::number_arg(e, *call.args[i], Max ? "max()" : "min()"));
    } else {
      xs.push_back(Evaluator::number_arg(v, *call.args[i], Max ? "max()" : "min()"));
    }
  }
  if (xs.empty()) return {};
  return Max ? *std::max_element(xs.begin(), xs.end()) : *std::min_element(xs.begin(), xs.end());
}

Value fn_if(Evaluator& ev, const Expr& call) {
  return ev.eval_bool(*call.args[0], "if()") ? arg(ev, call, 1) : arg(ev, call, 2);
}

Value fn_first(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  const List& l = Evaluator::list_arg(v, *call.args[0], "first()");
  return l.empty() ? Value() : l.front();
}
Value fn_last(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  const List& l = Evaluator::list_arg(v, *call.args[0], "last()");
  return l.empty() ? Value() : l.back();
}

Value fn_contains(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  const auto s = text_or_null(v, call, 0, "contains()");
  const std::string sub = text_of(ev, call, 1, "contains()");
  return s && text::normalize(*s).find(text::normalize(sub)) != std::string::npos;
}

Value fn_words(Evaluator& ev, const Expr& call) {
  List out;
  for (std::string& w : split_words(text_of(ev, call, 0, "words()"))) out.emplace_back(std::move(w));
  ev.charge(out.size());
  return make_list(std::move(out));
}

Value fn_take(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  if (v.is_null()) return {};
  const List& l = Evaluator::list_arg(v, *call.args[0], "take()");
  const double n = Evaluator::number_arg(arg(ev, call, 1), *call.args[1], "take()");
  const std::size_t k = n <= 0 ? 0 : std::min(l.size(), static_cast<std::size_t>(n));
  return make_list(List(l.begin(), l.begin() + static_cast<std::ptrdiff_t>(k)));
}

Value fn_line(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  if (v.is_null()) return {};
  const NodeRef* n = v.as_node();
  if (!n) throw EvalError{fmt::format("line() expects a part of the document, got {}", type_name(v)), call.args[0]->where};
  return static_cast<double>(location_of(*n).begin.line);
}

// "line 39" in a text document; in a .docx, .odt or PDF, the place its user can find ("table 1, row 9,
// column 2"): the words a message uses to point at another part of the document.
Value fn_place(Evaluator& ev, const Expr& call) {
  const Value v = arg(ev, call, 0);
  if (v.is_null()) return {};
  const NodeRef* n = v.as_node();
  if (!n) throw EvalError{fmt::format("place() expects a part of the document, got {}", type_name(v)), call.args[0]->where};
  const Plan& owner = is_document_kind(n->kind) && n->owner ? *static_cast<const Plan*>(n->owner) : ev.plan();
  const SourceRange r = location_of(*n);
  const std::string& language = ev.options().message_language;
  if (owner.locations) return describe(owner.locations->at(r.begin.offset).value_or(Locator{}), language);
  return fmt::format("{} {}", language == "fi" ? "rivi" : "line", r.begin.line);
}

const FunctionDef table[] = {
    {"count", 1, 1, T::of(T::number), fn_count, nullptr, "count(list)", "number of elements; count(x in list: condition) counts those that satisfy it"},
    {"len", 1, 1, T::of(T::number), fn_len, nullptr, "len(text or list)", "length of a text in characters (code points), or of a list"},
    {"exists", 1, 1, T::of(T::boolean), fn_exists, nullptr, "exists(x)", "x is not null"},
    {"blank", 1, 1, T::of(T::boolean), fn_blank, nullptr, "blank(text)", "null, empty or only white space"},
    {"trim", 1, 1, T::of(T::string), fn_trim, nullptr, "trim(text)", "without leading and trailing white space; inner runs of white space become one space"},
    {"normalize", 1, 1, T::of(T::string), fn_normalize, nullptr, "normalize(text)", "trimmed, white space collapsed, Unicode NFC"},
    {"casefold", 1, 1, T::of(T::string), fn_casefold, nullptr, "casefold(text)", "Unicode case folding (lower case for comparisons)"},
    {"same_text", 2, 2, T::of(T::boolean), fn_same_text, nullptr, "same_text(a, b)", "equal after normalize(): white space and NFC/NFD differences do not count"},
    {"similarity", 2, 2, T::of(T::number), fn_similarity, nullptr, "similarity(a, b)", "0–1: 1 − edit distance / longer length, over normalised, case-folded text"},
    {"similar", 3, 3, T::of(T::boolean), fn_similar, nullptr, "similar(a, b, threshold)", "similarity(a, b) >= threshold, decided fast: use it to compare many texts"},
    {"word_diff", 2, 2, T::of(T::string), fn_word_diff, nullptr, "word_diff(a, b)", "the differing words, \"'x' vs 'y'\"; several places joined by \"; \""},
    {"matches", 2, 2, T::of(T::boolean), fn_matches, validate_matches, "matches(text, 'regex')", "RE2 regular expression found in the text (linear time); null text: false"},
    {"contains", 2, 2, T::of(T::boolean), fn_contains, nullptr, "contains(text, part)", "the normalised text contains the normalised part"},
    {"words", 1, 1, T::of(T::list), fn_words, nullptr, "words(text)", "the white-space separated words of the normalised text"},
    {"is_keyword", 2, 2, T::of(T::boolean), fn_is_keyword, validate_is_keyword, "is_keyword(text, 'role')", "every word of the text is a keyword of the role (grammar/keywords.hpp, all languages)"},
    {"first_similar", 3, 3, T::of(T::unknown), fn_first_similar, nullptr, "first_similar(list, text, threshold)",
     "the first element of the list (texts, or parts with a text such as measures) that is similar(…, text, threshold); null if none. Indexed: fast over long lists"},
    {"find_goal", 1, 2, T::of_node(NodeKind::goal), fn_find_goal, nullptr, "find_goal(number[, parent_number])", "the first goal with that number (under that parent number: find_goal(2, 1) is sub-goal 1.2), or null"},
    {"find_overview_item", 1, 2, T::of_node(NodeKind::overview), fn_find_overview_item, nullptr, "find_overview_item(number[, parent_number])", "the first overview item with that number (and parent number, as find_goal), or null"},
    {"join", 1, 2, T::of(T::string), fn_join, nullptr, "join(list, separator = \", \")", "the elements as text"},
    {"str", 1, 1, T::of(T::string), fn_str, nullptr, "str(x)", "x as it would read in a message"},
    {"plural", 3, 3, T::of(T::string), fn_plural, nullptr, "plural(n, one, other)",
     "n and the word's form for it: plural(4, \"measure\", \"measures\") is \"4 measures\", plural(1, \"toimenpide\", \"toimenpidettä\") \"1 toimenpide\"; null for null"},
    {"round", 1, 2, T::of(T::number), fn_round, nullptr, "round(x, digits = 0)", "rounded to that many decimals"},
    {"abs", 1, 1, T::of(T::number), fn_abs, nullptr, "abs(x)", "absolute value"},
    {"min", 1, -1, T::of(T::number), fn_extreme<false>, nullptr, "min(a, b, …) or min(list)", "smallest number; null for an empty list"},
    {"max", 1, -1, T::of(T::number), fn_extreme<true>, nullptr, "max(a, b, …) or max(list)", "largest number; null for an empty list"},
    {"if", 3, 3, T::of(T::unknown), fn_if, nullptr, "if(condition, a, b)", "a when the condition holds, else b (only one is evaluated)"},
    {"first", 1, 1, T::of(T::unknown), fn_first, nullptr, "first(list)", "the first element, or null; first(x in list: condition) the first that satisfies it"},
    {"last", 1, 1, T::of(T::unknown), fn_last, nullptr, "last(list)", "the last element, or null"},
    {"take", 2, 2, T::of(T::list), fn_take, nullptr, "take(list, n)", "the first n elements (all of a shorter list); null for null"},
    {"misspelt_words", 1, 7, T::list_of(NodeKind::word), fn_misspelt_words, nullptr, "misspelt_words(texts, language = \"fi\", dictionary = \"\", words = \"\", quoted = \"\", compounds = \"\", titles = \"\")",
     "the words of the texts (a text, or a list of texts and nulls) that the speller of the language rejects (Voikko; Hunspell for \"sv\"), each with .text (and its exact range) and ranked .suggestions; `words` are accepted too (word-list syntax); words of the `quoted` languages (codes separated by spaces) are accepted as names (a capital, or beside a name) or phrases (two or more together); `compounds`: the field's words that make compounds with any word (\"sote\": \"sotehankkeen\"); `titles`: words after which a capitalised word is a name (\"pj.\"); fails when the dictionary cannot be opened"},
    {"lemmas", 1, 2, T::of(T::list), fn_lemmas, nullptr, "lemmas(word, language = \"fi\")", "Voikko's base forms of the word, each once ([] when Voikko rejects it): \"henkilöiden\" gives [\"henkilö\"]"},
    {"compound_parts", 1, 2, T::of(T::number), fn_compound_parts, nullptr, "compound_parts(word, language = \"fi\")",
     "how many parts the word has as Voikko reads it, the fewest of its readings (\"henkiöiden\": henki+yö, 2); null when Voikko rejects it"},
    {"edit_distance", 2, 2, T::of(T::number), fn_edit_distance, nullptr, "edit_distance(a, b)", "how many letters are inserted, deleted, replaced or swapped to make b of a, case-folded; null for null"},
    {"word_tokens", 1, 1, T::list_of(NodeKind::word), fn_word_tokens, nullptr, "word_tokens(texts)",
     "the words of the texts that spelling checks (not acronyms, numbers, single letters or addresses), each with .text and its exact range"},
    {"grammar_errors", 1, 3, T::list_of(NodeKind::word), fn_grammar_errors, nullptr, "grammar_errors(texts, language = \"fi\", disabled = \"\")",
     "Voikko's grammar checker on each text (a paragraph): each finding with .text and its range, .code, .description and .suggestions; codes listed in `disabled` (separated by spaces) are left out"},
    {"document_lines", 0, 0, T::list_of(NodeKind::text), fn_document_lines, nullptr, "document_lines()",
     "every line of the document as a text with its exact range, the text the model does not hold too (paragraphs); [] when only the model is known"},
    {"spelling_problem", 0, 2, T::of(T::string), fn_spelling_problem, nullptr, "spelling_problem(language = \"fi\", dictionary = \"\")",
     "null when the language's dictionary opens (Voikko's; Hunspell's for \"sv\"), else why not and how to install it"},
    {"line", 1, 1, T::of(T::number), fn_line, nullptr, "line(x)", "the line a part of the document starts on; null for null"},
    {"place", 1, 1, T::of(T::string), fn_place, nullptr, "place(x)",
     "where a part of the document is, for a message: \"line 39\", or in a .docx, .odt or PDF \"table 1, row 9, column 2\" (in Finnish messages \"rivi 39\", \"taulukko 1, rivi 9, sarake 2\"); null for null"},
};

}  // namespace

std::span<const FunctionDef> functions() { return table; }

const FunctionDef* find_function(std::string_view name) {
  for (const FunctionDef& f : table) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool is_binder(std::string_view name) {
  return name == "any" || name == "all" || name == "count" || name == "first" || name == "filter" || name == "map";
}

}  // namespace planlint::rules
