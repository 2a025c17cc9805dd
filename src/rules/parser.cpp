// Actions for grammar/rules.hpp. Expressions are built on a stack: operands push a node, an operator's
// tail (e.g. add_tail) fires after its right operand and combines the two topmost nodes. Actions fire only
// on rules that cannot be undone afterwards (lookaheads guard calls and binders), so the stack never
// holds nodes of a failed alternative.
#include "rules/parser.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "grammar/rules.hpp"
#include "grammar/rules_errors.hpp"
#include "model/error.hpp"
#include "text/utf8.hpp"

namespace planlint::rules {
namespace {

namespace gr = planlint::grammar::rules;
namespace pegtl = tao::pegtl;

struct TemplateBuilder {
  std::vector<std::string> texts{std::string()};
  std::vector<ExprPtr> parts;
  SourcePosition where;
};

struct PendingOp {
  Op op;
  SourcePosition where;
};

struct State {
  State(std::string_view t, std::string f) : text(t), file(std::move(f)) {}
  std::string_view text;
  std::string file;
  std::vector<ExprPtr> stack;
  std::vector<PendingOp> ops;
  std::vector<TemplateBuilder> templates;
  std::vector<std::size_t> marks;           // stack heights where a call's arguments or a list begin
  std::vector<std::pair<std::string, SourcePosition>> names;  // function and binder names, bound names

  Rule rule;
  std::vector<Rule> rules;
  std::optional<Param> param;
  std::vector<Let> lets;                    // lets read since the last check or rule-level let
  Check check;
  std::pair<std::string, SourcePosition> language;  // of the localized summary or message being read
  int depth = 0;                            // of nested expressions

  // PEGTL counts columns in bytes; diagnostics count code points. Every node asks for its position, and
  // mostly a little after the previous one on the same line: the column is counted on from there (from
  // the start of each line, this was a tenth of compiling the built-in rules).
  SourcePosition position(const pegtl::position& p) const { return position(p.byte, p.line); }
  SourcePosition position(std::size_t byte, std::size_t line) const {
    if (byte < counted_byte || text.substr(counted_byte, byte - counted_byte).find('\n') != std::string_view::npos) {
      counted_byte = byte == 0 ? 0 : text.rfind('\n', byte - 1) + 1;  // the line's start (npos + 1 == 0)
      counted_column = 1;
    }
    counted_column += utf8::count_code_points(text.substr(counted_byte, byte - counted_byte));
    counted_byte = byte;
    return SourcePosition{byte, line, counted_column};
  }
  mutable std::size_t counted_byte = 0, counted_column = 1;  // the last position asked for

  ExprPtr pop() {
    ExprPtr e = std::move(stack.back());
    stack.pop_back();
    return e;
  }
  void push(ExprPtr e) { stack.push_back(std::move(e)); }
};

ExprPtr make(Expr::Kind kind, SourcePosition where) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->where = where;
  return e;
}

ExprPtr literal(Value v, SourcePosition where) {
  ExprPtr e = make(Expr::Kind::literal, where);
  e->literal = std::move(v);
  return e;
}

// A literal value that a statement needs (a summary, a default, a doc text); templates with
// interpolations are not literal.
const Value& literal_of(const Expr& e, const char* what) {
  if (e.kind != Expr::Kind::literal) throw CompileError{fmt::format("{} must be plain text without {{…}}", what), e.where};
  return e.literal;
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// --- literals -------------------------------------------------------------------------------------------
template <>
struct action<gr::number_literal> {
  template <typename In>
  static void apply(const In& in, State& s) {
    double d = 0;
    const auto sv = in.string_view();
    std::from_chars(sv.data(), sv.data() + sv.size(), d);
    s.push(literal(d, s.position(in.position())));
  }
};
template <>
struct action<gr::negative_number> {
  template <typename In>
  static void apply(const In&, State& s) { s.stack.back()->literal = -*s.stack.back()->literal.as_number(); }
};
template <>
struct action<gr::true_literal> {
  template <typename In>
  static void apply(const In& in, State& s) { s.push(literal(true, s.position(in.position()))); }
};
template <>
struct action<gr::false_literal> {
  template <typename In>
  static void apply(const In& in, State& s) { s.push(literal(false, s.position(in.position()))); }
};
template <>
struct action<gr::null_literal> {
  template <typename In>
  static void apply(const In& in, State& s) { s.push(literal(Value(), s.position(in.position()))); }
};

// Templates: opened by '"', filled by text, escapes and interpolations, closed by the closing '"'.
template <>
struct action<gr::template_open> {
  template <typename In>
  static void apply(const In& in, State& s) {
    s.templates.emplace_back();
    s.templates.back().where = s.position(in.position());
  }
};
template <>
struct action<gr::plain_chars> {
  template <typename In>
  static void apply(const In& in, State& s) { s.templates.back().texts.back() += in.string_view(); }
};
template <>
struct action<gr::escape> {
  template <typename In>
  static void apply(const In& in, State& s) {
    const char c = in.string_view()[1];
    s.templates.back().texts.back() += c == 'n' ? '\n' : c == 't' ? '\t' : c;
  }
};
template <>
struct action<gr::interpolation> {
  template <typename In>
  static void apply(const In&, State& s) {
    s.templates.back().parts.push_back(s.pop());
    s.templates.back().texts.emplace_back();
  }
};
template <>
struct action<gr::string_close> {
  template <typename In>
  static void apply(const In&, State& s) {
    TemplateBuilder t = std::move(s.templates.back());
    s.templates.pop_back();
    if (t.parts.empty()) {
      s.push(literal(std::move(t.texts.front()), t.where));
      return;
    }
    ExprPtr e = make(Expr::Kind::text_template, t.where);
    e->texts = std::move(t.texts);
    e->args = std::move(t.parts);
    s.push(std::move(e));
  }
};
template <>
struct action<gr::raw_string> {
  template <typename In>
  static void apply(const In& in, State& s) {
    const auto sv = in.string_view().substr(1, in.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < sv.size(); ++i) {
      if (sv[i] == '\\' && i + 1 < sv.size() && (sv[i + 1] == '\'' || sv[i + 1] == '\\')) ++i;
      out += sv[i];
    }
    s.push(literal(std::move(out), s.position(in.position())));
  }
};
template <>
struct action<gr::long_string> {
  template <typename In>
  static void apply(const In& in, State& s) {
    s.push(literal(dedent(in.string_view().substr(3, in.size() - 6)), s.position(in.position())));
  }
};

// --- expressions ----------------------------------------------------------------------------------------
template <>
struct action<gr::variable> {
  template <typename In>
  static void apply(const In& in, State& s) {
    ExprPtr e = make(Expr::Kind::variable, s.position(in.position()));
    e->name = in.string();
    s.push(std::move(e));
  }
};
template <>
struct action<gr::list_open> {
  template <typename In>
  static void apply(const In&, State& s) { s.marks.push_back(s.stack.size()); }
};
template <>
struct action<gr::list_literal> {
  template <typename In>
  static void apply(const In& in, State& s) {
    ExprPtr e = make(Expr::Kind::list, s.position(in.position()));
    for (std::size_t i = s.marks.back(); i < s.stack.size(); ++i) e->args.push_back(std::move(s.stack[i]));
    s.stack.resize(s.marks.back());
    s.marks.pop_back();
    s.push(std::move(e));
  }
};
template <>
struct action<gr::function_name> {
  template <typename In>
  static void apply(const In& in, State& s) {
    const auto sv = in.string_view();
    std::size_t n = 0;
    while (n < sv.size() && (std::isalnum(static_cast<unsigned char>(sv[n])) || sv[n] == '_')) ++n;
    s.names.emplace_back(std::string(sv.substr(0, n)), s.position(in.position()));
    s.marks.push_back(s.stack.size());
  }
};
template <>
struct action<gr::call> {
  template <typename In>
  static void apply(const In&, State& s) {
    auto [name, where] = std::move(s.names.back());
    s.names.pop_back();
    ExprPtr e = make(Expr::Kind::call, where);
    e->name = std::move(name);
    for (std::size_t i = s.marks.back(); i < s.stack.size(); ++i) e->args.push_back(std::move(s.stack[i]));
    s.stack.resize(s.marks.back());
    s.marks.pop_back();
    s.push(std::move(e));
  }
};
template <>
struct action<gr::binder_name> {
  template <typename In>
  static void apply(const In& in, State& s) { s.names.emplace_back(in.string(), s.position(in.position())); }
};
template <>
struct action<gr::binder_var> {
  template <typename In>
  static void apply(const In& in, State& s) { s.names.emplace_back(in.string(), s.position(in.position())); }
};
template <>
struct action<gr::binder_call> {
  template <typename In>
  static void apply(const In&, State& s) {
    auto var = std::move(s.names.back());
    s.names.pop_back();
    auto fn = std::move(s.names.back());
    s.names.pop_back();
    ExprPtr body = s.pop();
    ExprPtr list = s.pop();
    ExprPtr e = make(Expr::Kind::binder, fn.second);
    e->name = fn.first;
    e->texts.push_back(var.first);  // the bound name
    e->args.push_back(std::move(list));
    e->args.push_back(std::move(body));
    s.push(std::move(e));
  }
};
template <>
struct action<gr::field_name> {
  template <typename In>
  static void apply(const In& in, State& s) {
    ExprPtr e = make(Expr::Kind::field, s.position(in.position()));
    e->name = in.string();
    e->args.push_back(s.pop());
    s.push(std::move(e));
  }
};
template <>
struct action<gr::index_access> {
  template <typename In>
  static void apply(const In& in, State& s) {
    ExprPtr e = make(Expr::Kind::index, s.position(in.position()));
    ExprPtr index = s.pop();
    e->args.push_back(s.pop());
    e->args.push_back(std::move(index));
    s.push(std::move(e));
  }
};

void unary(State& s, Op op, SourcePosition where) {
  ExprPtr e = make(Expr::Kind::unary, where);
  e->op = op;
  e->args.push_back(s.pop());
  s.push(std::move(e));
}
void binary(State& s, Op op, SourcePosition where) {
  ExprPtr e = make(Expr::Kind::binary, where);
  e->op = op;
  ExprPtr rhs = s.pop();
  e->args.push_back(s.pop());
  e->args.push_back(std::move(rhs));
  s.push(std::move(e));
}

template <>
struct action<gr::unary_minus> {
  template <typename In>
  static void apply(const In& in, State& s) { unary(s, Op::neg, s.position(in.position())); }
};
template <>
struct action<gr::not_expr> {
  template <typename In>
  static void apply(const In& in, State& s) { unary(s, Op::not_, s.position(in.position())); }
};

// Operators whose symbol tells which operation it is push it; their tail combines.
Op op_of(std::string_view sym) {
  if (sym == "*") return Op::mul;
  if (sym == "/") return Op::div;
  if (sym == "%") return Op::mod;
  if (sym == "+") return Op::add;
  if (sym == "-") return Op::sub;
  if (sym == "==") return Op::eq;
  if (sym == "!=") return Op::ne;
  if (sym == "<") return Op::lt;
  if (sym == "<=") return Op::le;
  if (sym == ">") return Op::gt;
  if (sym == ">=") return Op::ge;
  return Op::in;
}
struct push_op {
  template <typename In>
  static void apply(const In& in, State& s) { s.ops.push_back({op_of(in.string_view()), s.position(in.position())}); }
};
struct pop_op {
  template <typename In>
  static void apply(const In&, State& s) {
    const PendingOp p = s.ops.back();
    s.ops.pop_back();
    binary(s, p.op, p.where);
  }
};
template <Op O>
struct fixed_op {
  template <typename In>
  static void apply(const In& in, State& s) { s.ops.push_back({O, s.position(in.position())}); }
};
template <> struct action<gr::mul_op> : push_op {};
template <> struct action<gr::add_op> : push_op {};
template <> struct action<gr::cmp_op> : push_op {};
template <> struct action<gr::range_op> : fixed_op<Op::range> {};
template <> struct action<gr::coalesce_op> : fixed_op<Op::coalesce> {};
template <> struct action<gr::kw_and> : fixed_op<Op::and_> {};
template <> struct action<gr::kw_or> : fixed_op<Op::or_> {};
template <> struct action<gr::mul_tail> : pop_op {};
template <> struct action<gr::add_tail> : pop_op {};
template <> struct action<gr::cmp_tail> : pop_op {};
template <> struct action<gr::range_tail> : pop_op {};
template <> struct action<gr::coalesce_tail> : pop_op {};
template <> struct action<gr::and_tail> : pop_op {};
template <> struct action<gr::or_tail> : pop_op {};

// --- statements -----------------------------------------------------------------------------------------
template <>
struct action<gr::kw_rule> {
  template <typename In>
  static void apply(const In& in, State& s) {
    s.rule = Rule{};
    s.rule.info.file = s.file;
    s.rule.info.where = s.position(in.position());
  }
};
template <>
struct action<gr::rule_id> {
  template <typename In>
  static void apply(const In& in, State& s) { s.rule.info.id = in.string(); }
};
template <>
struct action<gr::severity_value> {
  template <typename In>
  static void apply(const In& in, State& s) { s.rule.info.severity = *severity_from_string(in.string_view()); }
};
template <>
struct action<gr::scope_value> {
  template <typename In>
  static void apply(const In& in, State& s) {
    const auto v = in.string_view();
    s.rule.info.scope = std::string(v);
    s.rule.scope = v == "plan"           ? Scope::plan
                   : v == "overview"     ? Scope::overview
                   : v == "area"         ? Scope::area
                   : v == "goal"         ? Scope::goal
                   : v == "measure"      ? Scope::measure
                   : v == "version"      ? Scope::version
                   : v == "goal-pair"    ? Scope::goal_pair
                                         : Scope::measure_pair;
  }
};
template <>
struct action<gr::summary_stmt> {
  template <typename In>
  static void apply(const In&, State& s) {
    const ExprPtr e = s.pop();
    s.rule.info.summary = std::string(*literal_of(*e, "a summary").as_text());
  }
};
// A language code may be given once per summary or message: a second "summary fi" is a mistake.
struct read_language {
  template <typename In>
  static void apply(const In& in, State& s) { s.language = {in.string(), s.position(in.position())}; }
};
template <> struct action<gr::summary_language> : read_language {};
template <> struct action<gr::message_language> : read_language {};
template <>
struct action<gr::localized_summary> {
  template <typename In>
  static void apply(const In&, State& s) {
    const ExprPtr e = s.pop();
    const auto& [code, where] = s.language;
    if (!s.rule.info.summaries.emplace(code, std::string(*literal_of(*e, "a summary").as_text())).second) {
      throw CompileError{fmt::format("a second summary in '{}' for this rule", code), where};
    }
  }
};
template <>
struct action<gr::localized_message> {
  template <typename In>
  static void apply(const In&, State& s) {
    ExprPtr e = s.pop();
    const auto& [code, where] = s.language;
    for (const auto& t : s.check.translations) {
      if (t.first == code) throw CompileError{fmt::format("a second message in '{}' for this check", code), where};
    }
    s.check.translations.emplace_back(code, std::move(e));
  }
};
template <>
struct action<gr::param_name> {
  template <typename In>
  static void apply(const In& in, State& s) {
    s.param = Param{};
    s.param->info.name = in.string();
    s.param->where = s.position(in.position());
  }
};
template <>
struct action<gr::param_stmt> {
  template <typename In>
  static void apply(const In&, State& s) {
    const ExprPtr description = s.pop();
    const ExprPtr value = s.pop();
    s.param->info.description = std::string(*literal_of(*description, "a parameter's description").as_text());
    const Value& v = literal_of(*value, "a parameter's default value");
    if (const bool* b = v.as_bool()) s.param->info.default_value = *b;
    if (const double* d = v.as_number()) s.param->info.default_value = *d;
    if (const auto t = v.as_text()) s.param->info.default_value = std::string(*t);
    s.rule.params.push_back(std::move(*s.param));
    s.param.reset();
  }
};
template <>
struct action<gr::let_name> {
  template <typename In>
  static void apply(const In& in, State& s) { s.lets.push_back(Let{in.string(), s.position(in.position()), nullptr, -1}); }
};
template <>
struct action<gr::let_stmt> {
  template <typename In>
  static void apply(const In&, State& s) { s.lets.back().value = s.pop(); }
};
template <>
struct action<gr::rule_let> {
  template <typename In>
  static void apply(const In&, State& s) {
    s.rule.lets.push_back(std::move(s.lets.back()));
    s.lets.pop_back();
  }
};
template <>
struct action<gr::for_name> {
  template <typename In>
  static void apply(const In& in, State& s) { s.check.each = Let{in.string(), s.position(in.position()), nullptr, -1}; }
};
template <>
struct action<gr::for_clause> {
  template <typename In>
  static void apply(const In&, State& s) { s.check.each->value = s.pop(); }
};
template <>
struct action<gr::when_clause> {
  template <typename In>
  static void apply(const In&, State& s) { s.check.when = s.pop(); }
};
template <>
struct action<gr::assert_kind> {
  template <typename In>
  static void apply(const In& in, State& s) { s.check.report = in.string_view() == "report"; }
};
template <>
struct action<gr::assertion> {
  template <typename In>
  static void apply(const In&, State& s) { s.check.condition = s.pop(); }
};
template <>
struct action<gr::message_clause> {
  template <typename In>
  static void apply(const In&, State& s) { s.check.message = s.pop(); }
};
template <>
struct action<gr::at_clause> {
  template <typename In>
  static void apply(const In&, State& s) { s.check.at = s.pop(); }
};
template <>
struct action<gr::fix_clause> {
  template <typename In>
  static void apply(const In&, State& s) {
    ExprPtr replacement = s.pop();
    ExprPtr target = s.pop();
    s.check.fixes.push_back(FixClause{std::move(target), std::move(replacement)});
  }
};
struct finish_check {
  template <typename In>
  static void apply(const In&, State& s) {
    s.check.lets = std::move(s.lets);
    s.lets.clear();
    s.rule.checks.push_back(std::move(s.check));
    s.check = Check{};
  }
};
template <> struct action<gr::check> : finish_check {};
template <> struct action<gr::first_check> : finish_check {};
template <>
struct action<gr::doc_stmt> {
  template <typename In>
  static void apply(const In&, State& s) {
    const ExprPtr e = s.pop();
    s.rule.info.doc = std::string(*literal_of(*e, "a doc text").as_text());
  }
};
template <>
struct action<gr::rule_def> {
  template <typename In>
  static void apply(const In&, State& s) {
    for (const Param& p : s.rule.params) s.rule.info.params.push_back(p.info);
    s.rules.push_back(std::move(s.rule));
    s.rule = Rule{};
  }
};

template <typename Rule>
struct control : pegtl::must_if<gr::errors>::control<Rule> {};

// Expressions nest by recursion in the parser and in the evaluator; a bound keeps a pathological rule
// file ("((((…") from exhausting the stack.
constexpr int max_nesting = 100;
struct nesting_guard {
  template <typename ParseInput>
  static void start(const ParseInput& in, State& s) {
    if (++s.depth > max_nesting) {
      throw pegtl::parse_error(fmt::format("expression nested more than {} levels deep", max_nesting), in);
    }
  }
  template <typename ParseInput>
  static void success(const ParseInput&, State& s) { --s.depth; }
  template <typename ParseInput>
  static void failure(const ParseInput&, State& s) { --s.depth; }
};
// Every recursion of the expression grammar passes through one of these.
template <>
struct control<gr::expr> : pegtl::must_if<gr::errors>::control<gr::expr>, nesting_guard {
  using nesting_guard::start, nesting_guard::success, nesting_guard::failure;
};
template <>
struct control<gr::not_operand> : pegtl::must_if<gr::errors>::control<gr::not_operand>, nesting_guard {
  using nesting_guard::start, nesting_guard::success, nesting_guard::failure;
};
template <>
struct control<gr::negation_operand> : pegtl::must_if<gr::errors>::control<gr::negation_operand>, nesting_guard {
  using nesting_guard::start, nesting_guard::success, nesting_guard::failure;
};

using input_t = pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf, std::string>;

}  // namespace

std::string dedent(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0;;) {
    const std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  const auto blank = [](std::string_view l) { return l.find_first_not_of(" \t") == std::string_view::npos; };
  while (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
  while (!lines.empty() && blank(lines.back())) lines.pop_back();
  std::size_t indent = std::string_view::npos;
  for (std::string_view l : lines) {
    if (!blank(l)) indent = std::min(indent, l.find_first_not_of(" \t"));
  }
  std::string out;
  for (std::string_view l : lines) {
    if (!out.empty()) out += '\n';
    if (!blank(l)) out += l.substr(indent);
  }
  return out;
}

std::vector<Rule> parse_rule_file(const RuleSource& source) {
  if (const auto bad = utf8::first_invalid(source.text)) {
    State s{source.text, source.name};
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(source.text.begin(), source.text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
    throw InputError(source.name, "invalid UTF-8 in the rule file", s.position(*bad, line));
  }
  State s{source.text, source.name};
  input_t in(source.text.data(), source.text.data() + source.text.size(), source.name);
  try {
    pegtl::parse<gr::rule_file, action, control>(in, s);
  } catch (const pegtl::parse_error& e) {
    throw InputError(source.name, std::string(e.message()), s.position(e.positions().front()));
  } catch (const CompileError& e) {
    throw InputError(source.name, e.message, e.where);
  }
  return std::move(s.rules);
}

}  // namespace planlint::rules
