#include "rules/resolve.hpp"

#include <fmt/format.h>

#include "rules/fields.hpp"
#include "rules/functions.hpp"
#include "rules/pairs.hpp"

namespace planlint::rules {

const char* to_string(Op op) {
  switch (op) {
    case Op::or_: return "or";
    case Op::and_: return "and";
    case Op::not_: return "not";
    case Op::eq: return "==";
    case Op::ne: return "!=";
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::in: return "in";
    case Op::coalesce: return "??";
    case Op::range: return "..";
    case Op::add: return "+";
    case Op::sub: return "-";
    case Op::mul: return "*";
    case Op::div: return "/";
    case Op::mod: return "%";
    case Op::neg: return "-";
  }
  return "?";
}

NodeKind node_kind_of(Scope scope) {
  switch (scope) {
    case Scope::plan: return NodeKind::plan;
    case Scope::overview: return NodeKind::overview;
    case Scope::area: return NodeKind::area;
    case Scope::goal: return NodeKind::goal;
    case Scope::measure: return NodeKind::measure;
    case Scope::version: return NodeKind::version;
    case Scope::goal_pair: return NodeKind::goal_pair;
    case Scope::measure_pair: return NodeKind::measure_pair;
  }
  return NodeKind::plan;
}

namespace {

using T = StaticType;

std::string describe(const StaticType& t) {
  switch (t.tag) {
    case T::unknown: return "a value";
    case T::null: return "null";
    case T::boolean: return "true or false";
    case T::number: return "a number";
    case T::string: return "text";
    case T::interval: return "a range of numbers";
    case T::part: return t.node ? fmt::format("a {}", to_string(*t.node)) : "a part of the document";
    case T::list: return "a list";
  }
  return "a value";
}

bool is_text(const StaticType& t) { return t.tag == T::string || (t.tag == T::part && t.node == NodeKind::text); }

struct Binding {
  std::string name;
  int slot;
  StaticType type;
};

class Resolver {
 public:
  explicit Resolver(Rule& rule) : rule_(rule) {}

  void run() {
    const NodeKind self = node_kind_of(rule_.scope);
    switch (rule_.scope) {
      case Scope::plan: bind("plan", T::of_node(NodeKind::plan)); break;
      case Scope::goal: bind("goal", T::of_node(NodeKind::goal)); break;
      case Scope::measure: bind("measure", T::of_node(NodeKind::measure)); break;
      case Scope::overview: bind("item", T::of_node(NodeKind::overview)); break;
      case Scope::area: bind("area", T::of_node(NodeKind::area)); break;
      case Scope::version: bind("version", T::of_node(NodeKind::version)); break;
      case Scope::goal_pair:
      case Scope::measure_pair: bind("pair", T::of_node(self)); break;
    }
    if (rule_.scope == Scope::measure) bind("goal", T::of_node(NodeKind::goal));
    if (rule_.scope == Scope::goal_pair || rule_.scope == Scope::measure_pair) bind("version", T::of_node(NodeKind::version));
    else if (rule_.scope != Scope::plan && rule_.scope != Scope::version) bind("plan", T::of_node(NodeKind::plan));
    for (Param& p : rule_.params) {
      if (find(p.info.name)) throw CompileError{fmt::format("'{}' is already defined", p.info.name), p.where};
      const ParamValue& d = p.info.default_value;
      p.slot = bind(p.info.name, std::holds_alternative<bool>(d) ? T::of(T::boolean)
                                 : std::holds_alternative<double>(d) ? T::of(T::number) : T::of(T::string));
    }
    // `configured` tells a message whether a range came from the user or is the rule's default.
    if (!rule_.params.empty()) {
      if (find("configured")) throw CompileError{"'configured' names the parameters the configuration sets; choose another name", rule_.params.front().where};
      rule_.configured_slot = bind("configured", T::of(T::list));
    }
    for (Let& l : rule_.lets) let(l);
    const std::size_t rule_level = env_.size();
    for (Check& c : rule_.checks) {
      if (c.each) {
        const StaticType list = expr(*c.each->value);
        if (list.tag != T::list && list.tag != T::unknown) {
          throw CompileError{fmt::format("'for' expects a list, but this is {}", describe(list)), c.each->value->where};
        }
        c.each->slot = bind(c.each->name, list.node ? T::of_node(*list.node) : T::of(T::unknown));
      }
      for (Let& l : c.lets) let(l);
      if (c.when) condition(*c.when, "'when'");
      condition(*c.condition, c.report ? "'report'" : "'assert'");
      const StaticType m = expr(*c.message);
      if (m.tag != T::string) throw CompileError{"'message' expects a double-quoted text", c.message->where};
      for (const auto& [code, text] : c.translations) {
        if (expr(*text).tag != T::string) throw CompileError{"'message' expects a double-quoted text", text->where};
      }
      if (c.at) {
        const StaticType at = expr(*c.at);
        if (at.tag != T::part && at.tag != T::unknown && at.tag != T::null) {
          throw CompileError{
              fmt::format("'at' expects a part of the document (a goal, a measure, a text, a range …), but this is {}",
                          describe(at)),
              c.at->where};
        }
      }
      for (FixClause& f : c.fixes) fix(f);
      env_.resize(rule_level);
    }
    rule_.slot_count = next_slot_;
  }

 private:
  int bind(const std::string& name, StaticType type) {
    env_.push_back(Binding{name, next_slot_, type});
    return next_slot_++;
  }
  const Binding* find(std::string_view name) const {
    for (auto it = env_.rbegin(); it != env_.rend(); ++it) {
      if (it->name == name) return &*it;
    }
    return nullptr;
  }
  void fix(FixClause& f) {
    const StaticType target = expr(*f.target);
    if (target.tag != T::part && target.tag != T::unknown && target.tag != T::null) {
      throw CompileError{fmt::format("'fix' expects a part of the document to replace, but this is {}", describe(target)),
                         f.target->where};
    }
    const StaticType r = expr(*f.replacement);
    if (r.tag != T::string && r.tag != T::list && r.tag != T::unknown && r.tag != T::null && !is_text(r)) {
      throw CompileError{fmt::format("'with' expects a text or a list of texts, but this is {}", describe(r)),
                         f.replacement->where};
    }
  }
  void let(Let& l) {
    const StaticType t = expr(*l.value);
    l.slot = bind(l.name, t);
  }
  void condition(Expr& e, const char* what) {
    const StaticType t = expr(e);
    if (t.tag != T::boolean && t.tag != T::unknown) {
      throw CompileError{fmt::format("{} expects a condition (true or false), but this is {}", what, describe(t)), e.where};
    }
  }

  std::string names_in_scope() const {
    std::vector<std::string> names;
    for (const Binding& b : env_) names.push_back(b.name);
    for (const FieldDef& f : fields_of(node_kind_of(rule_.scope))) names.emplace_back(f.name);
    return fmt::format("{}", fmt::join(names, ", "));
  }

  // Names of the cross-version scopes used elsewhere ("old" in a goal rule) get a hint where they live.
  std::string version_hint(std::string_view name) const {
    if (is_pair_scope(rule_.scope)) return "";
    bool pair_name = name == "version" || name == "pair";
    for (const NodeKind k : {NodeKind::version, NodeKind::goal_pair, NodeKind::measure_pair}) pair_name = pair_name || find_field(k, name);
    return pair_name ? fmt::format(" ('{}' belongs to the cross-version scopes version, goal-pair and measure-pair)", name) : "";
  }

  static std::string field_names(NodeKind k) {
    std::vector<std::string_view> names;
    for (const FieldDef& f : fields_of(k)) names.push_back(f.name);
    return fmt::format("{}", fmt::join(names, ", "));
  }

  // The evaluator recurses over the tree; long operator chains ("a + b + … ") make it deep without
  // nesting in the text, so depth is bounded here too.
  static constexpr int max_depth = 400;

  StaticType expr(Expr& e) {
    if (++depth_ > max_depth) throw CompileError{fmt::format("expression more than {} operations deep", max_depth), e.where};
    e.type = infer(e);
    --depth_;
    return e.type;
  }

  StaticType infer(Expr& e) {
    switch (e.kind) {
      case Expr::Kind::literal:
        if (e.literal.is_null()) return T::of(T::null);
        if (e.literal.as_bool()) return T::of(T::boolean);
        if (e.literal.as_number()) return T::of(T::number);
        return T::of(T::string);
      case Expr::Kind::text_template:
        for (ExprPtr& a : e.args) expr(*a);
        return T::of(T::string);
      case Expr::Kind::list:
        for (ExprPtr& a : e.args) expr(*a);
        return T::of(T::list);
      case Expr::Kind::variable: return variable(e);
      case Expr::Kind::field: return field(e);
      case Expr::Kind::index: {
        const StaticType base = expr(*e.args[0]);
        expr(*e.args[1]);
        if (base.tag != T::list && base.tag != T::unknown) {
          throw CompileError{fmt::format("only lists can be indexed, but this is {}", describe(base)), e.where};
        }
        return base.node ? T::of_node(*base.node) : T::of(T::unknown);
      }
      case Expr::Kind::unary:
        expr(*e.args[0]);
        return T::of(e.op == Op::not_ ? T::boolean : T::number);
      case Expr::Kind::binary: return binary(e);
      case Expr::Kind::call: return call(e);
      case Expr::Kind::binder: return binder(e);
    }
    return T::of(T::unknown);
  }

  StaticType variable(Expr& e) {
    if (const Binding* b = find(e.name)) {
      e.slot = b->slot;
      return b->type;
    }
    // A bare field name reads the current node's field: "number" in a goal rule is goal.number.
    const NodeKind self = node_kind_of(rule_.scope);
    if (const FieldDef* f = find_field(self, e.name)) {
      auto base = std::make_unique<Expr>();
      base->kind = Expr::Kind::variable;
      base->where = e.where;
      base->name = env_.front().name;
      base->slot = 0;
      base->type = T::of_node(self);
      e.kind = Expr::Kind::field;
      e.args.push_back(std::move(base));
      e.field = f;
      return f->type;
    }
    throw CompileError{fmt::format("unknown name '{}'; known here: {}{}", e.name, names_in_scope(), version_hint(e.name)), e.where};
  }

  StaticType field(Expr& e) {
    const StaticType base = expr(*e.args[0]);
    if (base.tag == T::part && base.node) {
      e.field = find_field(*base.node, e.name);
      if (!e.field) {
        throw CompileError{fmt::format("a {} has no field '{}'; its fields: {}", to_string(*base.node), e.name,
                                       field_names(*base.node)),
                           e.where};
      }
      return e.field->type;
    }
    if (base.tag != T::unknown && base.tag != T::part && base.tag != T::null) {
      throw CompileError{fmt::format("{} has no fields (no '.{}')", describe(base), e.name), e.where};
    }
    return T::of(T::unknown);
  }

  StaticType binary(Expr& e) {
    const StaticType a = expr(*e.args[0]);
    const StaticType b = expr(*e.args[1]);
    switch (e.op) {
      case Op::and_:
      case Op::or_:
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge:
      case Op::in: return T::of(T::boolean);
      case Op::range: return T::of(T::interval);
      case Op::coalesce: return a.tag == T::null ? b : (a.tag == b.tag && a.node == b.node ? a : T::of(T::unknown));
      case Op::add: return is_text(a) && is_text(b) ? T::of(T::string) : T::of(T::number);
      default: return T::of(T::number);
    }
  }

  StaticType call(Expr& e) {
    const FunctionDef* f = find_function(e.name);
    if (!f) {
      std::vector<std::string_view> names;
      for (const FunctionDef& d : functions()) names.push_back(d.name);
      throw CompileError{fmt::format("unknown function '{}'; known: {}", e.name, fmt::join(names, ", ")), e.where};
    }
    const int n = static_cast<int>(e.args.size());
    if (n < f->min_args || (f->max_args >= 0 && n > f->max_args)) {
      throw CompileError{fmt::format("{}() takes {}; write {}", e.name,
                                     f->min_args == f->max_args ? fmt::format("{} argument{}", f->min_args, f->min_args == 1 ? "" : "s")
                                     : f->max_args < 0          ? fmt::format("at least {} argument{}", f->min_args, f->min_args == 1 ? "" : "s")
                                                                : fmt::format("{} to {} arguments", f->min_args, f->max_args),
                                     f->signature),
                         e.where};
    }
    std::vector<StaticType> types;
    for (ExprPtr& a : e.args) types.push_back(expr(*a));
    e.function = f;
    if (f->validate) f->validate(e);
    if ((e.name == "count" || e.name == "first" || e.name == "last" || e.name == "join") && types[0].tag != T::list &&
        types[0].tag != T::unknown) {
      throw CompileError{fmt::format("{}() expects a list, but this is {}", e.name, describe(types[0])), e.args[0]->where};
    }
    if ((e.name == "first" || e.name == "last") && types[0].node) return T::of_node(*types[0].node);
    if (e.name == "if") return types[1].tag == types[2].tag && types[1].node == types[2].node ? types[1] : T::of(T::unknown);
    return f->result;
  }

  StaticType binder(Expr& e) {
    const StaticType list = expr(*e.args[0]);
    if (list.tag != T::list && list.tag != T::unknown) {
      throw CompileError{fmt::format("{}(x in …) expects a list, but this is {}", e.name, describe(list)), e.args[0]->where};
    }
    const std::size_t depth = env_.size();
    e.slot = bind(e.texts.front(), list.node ? T::of_node(*list.node) : T::of(T::unknown));
    const StaticType body = expr(*e.args[1]);
    env_.resize(depth);
    if (e.name != "map" && body.tag != T::boolean && body.tag != T::unknown) {
      throw CompileError{fmt::format("{}(x in list: …) expects a condition after ':', but this is {}", e.name, describe(body)),
                         e.args[1]->where};
    }
    if (e.name == "any" || e.name == "all") return T::of(T::boolean);
    if (e.name == "count") return T::of(T::number);
    if (e.name == "first") return list.node ? T::of_node(*list.node) : T::of(T::unknown);
    if (e.name == "filter") return list;
    return T::of(T::list);
  }

  Rule& rule_;
  std::vector<Binding> env_;
  int next_slot_ = 0;
  int depth_ = 0;
};

}  // namespace

void resolve(Rule& rule) { Resolver(rule).run(); }

}  // namespace planlint::rules
