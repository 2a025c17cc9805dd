#include "rules/eval.hpp"

#include <cmath>

#include <fmt/format.h>

#include "rules/fields.hpp"
#include "rules/functions.hpp"

namespace planlint::rules {

std::string_view Evaluator::text_arg(const Value& v, const Expr& where, const char* what) {
  if (const auto s = v.as_text()) return *s;
  throw EvalError{fmt::format("{} expects text, got {}", what, type_name(v)), where.where};
}

double Evaluator::number_arg(const Value& v, const Expr& where, const char* what) {
  if (const double* d = v.as_number()) return *d;
  throw EvalError{fmt::format("{} expects a number, got {}", what, type_name(v)), where.where};
}

const List& Evaluator::list_arg(const Value& v, const Expr& where, const char* what) {
  if (const List* l = v.as_list()) return *l;
  throw EvalError{fmt::format("{} expects a list, got {}", what, type_name(v)), where.where};
}

bool Evaluator::eval_bool(const Expr& e, const char* what) {
  const Value v = eval(e);
  if (const bool* b = v.as_bool()) return *b;
  throw EvalError{fmt::format("{} expects true or false, got {}", what, type_name(v)), e.where};
}

std::string Evaluator::eval_display(const Expr& e) { return display(eval(e)); }

Value Evaluator::eval(const Expr& e) {
  charge(1);
  switch (e.kind) {
    case Expr::Kind::literal: return e.literal;
    case Expr::Kind::text_template: {
      std::string out = e.texts[0];
      for (std::size_t i = 0; i < e.args.size(); ++i) out += display(eval(*e.args[i])) + e.texts[i + 1];
      return out;
    }
    case Expr::Kind::list: {
      List out;
      for (const ExprPtr& a : e.args) out.push_back(eval(*a));
      return make_list(std::move(out));
    }
    case Expr::Kind::variable: return slots_[static_cast<std::size_t>(e.slot)];
    case Expr::Kind::field: return field(e);
    case Expr::Kind::index: {
      const Value base = eval(*e.args[0]);
      if (base.is_null()) return {};
      const List& l = list_arg(base, *e.args[0], "[…]");
      const double i = number_arg(eval(*e.args[1]), *e.args[1], "an index");
      if (i < 0 || i >= static_cast<double>(l.size()) || i != std::floor(i)) return {};
      return l[static_cast<std::size_t>(i)];
    }
    case Expr::Kind::unary: return unary(e);
    case Expr::Kind::binary: return binary(e);
    case Expr::Kind::call: return e.function->call(*this, e);
    case Expr::Kind::binder: return binder(e);
  }
  return {};
}

std::optional<Evaluator::FieldAccess> Evaluator::access(const Expr& e) {
  // The base is most often a variable (goal.header, c.min): it is read in its slot, not copied out.
  const Expr& base_expr = *e.args[0];
  Value evaluated;
  if (base_expr.kind == Expr::Kind::variable) charge(1);  // as eval() would
  else evaluated = eval(base_expr);
  const Value& base = base_expr.kind == Expr::Kind::variable ? slots_[static_cast<std::size_t>(base_expr.slot)] : evaluated;
  if (base.is_null()) return std::nullopt;  // fields of null are null, so "item.title" needs no guard
  const NodeRef* n = base.as_node();
  if (!n) throw EvalError{fmt::format("a {} has no field '{}'", type_name(base), e.name), e.where};
  const FieldDef* f = e.field;
  if (f == nullptr || e.args[0]->type.node != n->kind) f = find_field(n->kind, e.name);
  if (f == nullptr) throw EvalError{fmt::format("a {} has no field '{}'", to_string(n->kind), e.name), e.where};
  // A document node is read in its own document: in a cross-version rule, an old goal's `prev` is an old goal.
  const Plan& owner = is_document_kind(n->kind) && n->owner ? *static_cast<const Plan*>(n->owner) : plan_;
  return FieldAccess{f, *n, &owner, n->kind == NodeKind::plan && n->ptr == &plan_};
}

Value Evaluator::field(const Expr& e) {
  const auto a = access(e);
  return a ? read(*a) : Value();
}

Value Evaluator::read(const FieldAccess& a) {
  // The plan's own list fields are built once (the plan does not change during an evaluation).
  if (a.of_plan) {
    if (const auto it = plan_fields_.find(a.def); it != plan_fields_.end()) return it->second;
  }
  // A list field of another node is often read again at once (`when count(header) > 0` then
  // `assert count(header) >= 2`, or `goal.header` for each measure of a goal): the last one is kept, and
  // charged as if built again, so that the step budget runs out exactly where it did without the cache.
  if (last_list_ && last_list_->field == a.def && same_node(last_list_->node, a.node)) {
    charge(last_list_->list.as_list()->size());
    return last_list_->list;
  }
  Value v = a.def->evaluate ? a.def->evaluate(*this, a.node, *a.owner) : a.def->get(a.node, *a.owner);
  if (const List* l = v.as_list()) {
    charge(l->size());
    if (a.of_plan) plan_fields_.emplace(a.def, v);
    else last_list_.emplace(LastList{a.def, a.node, v});
  }
  return v;
}

std::size_t Evaluator::count(const Expr& e, const char* what) {
  if (e.kind == Expr::Kind::field) {
    charge(1);  // as eval(e) would
    const auto a = access(e);
    // Counted without building the list, and charged as if built; the plan's own lists are built once
    // and then free (read()), so they are read as before.
    if (a && a->def->size && !a->of_plan) {
      const std::size_t n = a->def->size(a->node, *a->owner);
      charge(n);
      return n;
    }
    const Value v = a ? read(*a) : Value();
    return list_arg(v, e, what).size();
  }
  const Value v = eval(e);
  return list_arg(v, e, what).size();
}

namespace {

// A goal's number and its parent's ("Tavoite 1.2": 2 under 1) as one key; numbers have at most six digits.
double number_key(double number, double parent_number) { return parent_number * 1e6 + number; }

template <typename Items>
std::optional<std::size_t> numbered(std::optional<std::unordered_map<double, std::size_t>>& index, const Items& items,
                                    double number, Evaluator& ev) {
  if (!index) {
    ev.charge(items.size());
    index.emplace();
    for (std::size_t i = 0; i < items.size(); ++i) index->emplace(number_key(items[i].number, items[i].parent_number), i);  // first wins
  }
  const auto it = index->find(number);
  return it == index->end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

}  // namespace

std::optional<std::size_t> Evaluator::goal_numbered(double number, double parent_number) {
  return numbered(goal_numbers_, plan_.goals, number_key(number, parent_number), *this);
}
std::optional<std::size_t> Evaluator::overview_item_numbered(double number, double parent_number) {
  return numbered(overview_numbers_, plan_.overview, number_key(number, parent_number), *this);
}

Value Evaluator::unary(const Expr& e) {
  if (e.op == Op::not_) return !eval_bool(*e.args[0], "'not'");
  return -number_arg(eval(*e.args[0]), *e.args[0], "'-'");
}

namespace {

int compare(const Value& a, const Value& b, const Expr& e) {
  if (const double* x = a.as_number()) {
    if (const double* y = b.as_number()) return *x < *y ? -1 : *x > *y ? 1 : 0;
  }
  const auto s = a.as_text();
  const auto t = b.as_text();
  if (s && t) return s->compare(*t) < 0 ? -1 : s->compare(*t) > 0 ? 1 : 0;
  throw EvalError{fmt::format("'{}' cannot compare {} with {}", to_string(e.op), type_name(a), type_name(b)), e.where};
}

}  // namespace

Value Evaluator::binary(const Expr& e) {
  const Expr& l = *e.args[0];
  const Expr& r = *e.args[1];
  switch (e.op) {
    case Op::and_: return eval_bool(l, "'and'") && eval_bool(r, "'and'");
    case Op::or_: return eval_bool(l, "'or'") || eval_bool(r, "'or'");
    case Op::coalesce: {
      Value v = eval(l);
      return v.is_null() ? eval(r) : v;
    }
    default: break;
  }
  const Value a = eval(l);
  const Value b = eval(r);
  switch (e.op) {
    case Op::eq: return equal(a, b);
    case Op::ne: return !equal(a, b);
    case Op::lt: return compare(a, b, e) < 0;
    case Op::le: return compare(a, b, e) <= 0;
    case Op::gt: return compare(a, b, e) > 0;
    case Op::ge: return compare(a, b, e) >= 0;
    case Op::in: {
      if (const Interval* i = b.as_interval()) {
        const double x = number_arg(a, l, "'in' a range");
        return i->lo <= x && x <= i->hi;
      }
      if (const List* list = b.as_list()) {
        charge(list->size());
        for (const Value& v : *list) {
          if (equal(a, v)) return true;
        }
        return false;
      }
      if (const auto t = b.as_text()) return t->find(text_arg(a, l, "'in' a text")) != std::string_view::npos;
      throw EvalError{fmt::format("'in' expects a range, a list or text on its right, got {}", type_name(b)), e.where};
    }
    case Op::range: return Interval{number_arg(a, l, "'..'"), number_arg(b, r, "'..'")};
    case Op::add:
      if (const auto s = a.as_text(), t = b.as_text(); s && t) {
        check_size(s->size() + t->size());
        return std::string(*s).append(*t);
      }
      return number_arg(a, l, "'+'") + number_arg(b, r, "'+'");
    case Op::sub: return number_arg(a, l, "'-'") - number_arg(b, r, "'-'");
    case Op::mul: return number_arg(a, l, "'*'") * number_arg(b, r, "'*'");
    case Op::div:
    case Op::mod: {
      const double x = number_arg(a, l, to_string(e.op));
      const double y = number_arg(b, r, to_string(e.op));
      if (y == 0) throw EvalError{"division by zero", e.where};
      return e.op == Op::div ? x / y : std::fmod(x, y);
    }
    default: break;
  }
  return {};
}

Value Evaluator::binder(const Expr& e) {
  const Value list_value = eval(*e.args[0]);  // holds the list while the loop runs
  const List& list = list_arg(list_value, *e.args[0], (e.name + "(x in …)").c_str());
  const Expr& body = *e.args[1];
  // Which binder, and the context of a condition's error, decided once: not per item (a text built per
  // item of document_lines() was a tenth of the spelling rule's allocations).
  enum class Kind { map, any, all, first, count, filter };
  const Kind kind = e.name == "map" ? Kind::map : e.name == "any" ? Kind::any : e.name == "all" ? Kind::all
                  : e.name == "first" ? Kind::first : e.name == "count" ? Kind::count : Kind::filter;
  const std::string condition = e.name + "(…: condition)";
  List out;
  if (kind == Kind::map || kind == Kind::filter) out.reserve(list.size());
  std::size_t n = 0;
  std::size_t bytes = 0;  // of the list map() builds
  for (const Value& item : list) {
    set(e.slot, item);
    if (kind == Kind::map) {
      out.push_back(eval(body));
      bytes += built_bytes(out.back());
      check_size(bytes);
      continue;
    }
    const bool holds = eval_bool(body, condition.c_str());
    if (kind == Kind::any && holds) return true;
    if (kind == Kind::all && !holds) return false;
    if (kind == Kind::first && holds) return item;
    if (holds) {
      ++n;
      if (kind == Kind::filter) out.push_back(item);
    }
  }
  if (kind == Kind::any) return false;
  if (kind == Kind::all) return true;
  if (kind == Kind::first) return {};
  if (kind == Kind::count) return n;
  if (out.size() < out.capacity() / 2) out.shrink_to_fit();  // a filter that kept few items holds no more
  return make_list(std::move(out));
}

}  // namespace planlint::rules
