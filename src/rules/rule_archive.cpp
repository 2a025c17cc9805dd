#include "rules/rule_archive.hpp"

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace planlint::rules {
namespace {

// Each structure's fields are listed once, in fields(): the writer and the reader walk the same list, so a
// field added to the AST and to its fields() is carried both ways. Fields that resolve() sets (types,
// field and function definitions, regexes) are not listed: the archive holds rules before resolve().
template <class T, class U>
concept same_bare = std::same_as<std::remove_const_t<T>, U>;

template <class A, same_bare<SourcePosition> P>
void fields(A& a, P& p) {
  a(p.offset), a(p.line), a(p.column);
}
template <class A, same_bare<Expr> E>
void fields(A& a, E& e) {
  a(e.kind), a(e.where), a(e.literal), a(e.name), a(e.op), a(e.args), a(e.texts), a(e.slot);
}
template <class A, same_bare<Let> L>
void fields(A& a, L& l) {
  a(l.name), a(l.where), a(l.value), a(l.slot);
}
template <class A, same_bare<FixClause> F>
void fields(A& a, F& f) {
  a(f.target), a(f.replacement);
}
template <class A, same_bare<Check> C>
void fields(A& a, C& c) {
  a(c.each), a(c.lets), a(c.when), a(c.report), a(c.condition), a(c.message), a(c.translations), a(c.at), a(c.fixes);
}
template <class A, same_bare<ParamInfo> P>
void fields(A& a, P& p) {
  a(p.name), a(p.default_value), a(p.description);
}
template <class A, same_bare<Param> P>
void fields(A& a, P& p) {
  a(p.info), a(p.where), a(p.slot);
}
template <class A, same_bare<RuleInfo> I>
void fields(A& a, I& i) {
  a(i.id), a(i.severity), a(i.scope), a(i.summary), a(i.doc), a(i.file), a(i.where), a(i.params), a(i.summaries);
}
template <class A, same_bare<Rule> R>
void fields(A& a, R& r) {
  a(r.info), a(r.scope), a(r.params), a(r.configured_slot), a(r.lets), a(r.checks), a(r.slot_count);
}

// Whether T is an instance of the class template Of (std::vector<int> of std::vector), to pick how it is
// written and read.
template <class T, template <class...> class Of>
inline constexpr bool is_a = false;
template <template <class...> class Of, class... A>
inline constexpr bool is_a<Of<A...>, Of> = true;

// A literal of the rule language: what the parser puts in Expr::literal.
enum LiteralTag : std::uint8_t { null_tag, bool_tag, number_tag, string_tag };

class Writer {
 public:
  std::string out;

  template <class T>
  void operator()(const T& v) {
    if constexpr (std::is_enum_v<T>) {
      (*this)(static_cast<std::int64_t>(v));
    } else if constexpr (std::is_same_v<T, bool>) {
      out.push_back(v ? 1 : 0);
    } else if constexpr (std::is_arithmetic_v<T>) {
      out.append(reinterpret_cast<const char*>(&v), sizeof v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      count(v.size());
      out.append(v);
    } else if constexpr (std::is_same_v<T, Value>) {
      literal(v);
    } else if constexpr (is_a<T, std::vector> || is_a<T, std::map>) {
      count(v.size());
      for (const auto& x : v) (*this)(x);
    } else if constexpr (is_a<T, std::optional> || is_a<T, std::unique_ptr>) {
      (*this)(static_cast<bool>(v));
      if (v) (*this)(*v);
    } else if constexpr (is_a<T, std::pair>) {
      (*this)(v.first), (*this)(v.second);
    } else if constexpr (is_a<T, std::variant>) {
      count(v.index());
      std::visit([this](const auto& x) { (*this)(x); }, v);
    } else {
      fields(*this, v);
    }
  }

 private:
  void count(std::size_t n) { (*this)(static_cast<std::uint64_t>(n)); }
  void literal(const Value& v) {
    if (v.is_null()) {
      (*this)(null_tag);
    } else if (const bool* b = v.as_bool()) {
      (*this)(bool_tag), (*this)(*b);
    } else if (const double* d = v.as_number()) {
      (*this)(number_tag), (*this)(*d);
    } else if (const auto* s = std::get_if<std::string>(&v.v)) {
      (*this)(string_tag), (*this)(*s);
    } else {
      throw RuleArchiveError("a rule's literal is a node, a list or an interval: the parser makes none");
    }
  }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return in_.empty(); }

  template <class T>
  void operator()(T& v) {
    if constexpr (std::is_enum_v<T>) {
      std::int64_t n = 0;
      (*this)(n);
      v = static_cast<T>(n);
    } else if constexpr (std::is_same_v<T, bool>) {
      v = take(1)[0] != 0;
    } else if constexpr (std::is_arithmetic_v<T>) {
      std::memcpy(&v, take(sizeof v).data(), sizeof v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      v = std::string(take(count()));
    } else if constexpr (std::is_same_v<T, Value>) {
      v = literal();
    } else if constexpr (is_a<T, std::vector>) {
      v.resize(count());
      for (auto& x : v) (*this)(x);
    } else if constexpr (is_a<T, std::map>) {
      for (std::size_t n = count(); n > 0; --n) {
        std::pair<typename T::key_type, typename T::mapped_type> x;
        (*this)(x);
        v.insert(std::move(x));
      }
    } else if constexpr (is_a<T, std::optional>) {
      if (flag()) (*this)(v.emplace());
    } else if constexpr (is_a<T, std::unique_ptr>) {
      if (flag()) (*this)(*(v = std::make_unique<typename T::element_type>()));
    } else if constexpr (is_a<T, std::pair>) {
      (*this)(v.first), (*this)(v.second);
    } else if constexpr (is_a<T, std::variant>) {
      alternative<T>(v, count());
    } else {
      fields(*this, v);
    }
  }

 private:
  std::string_view take(std::size_t n) {
    if (n > in_.size()) throw RuleArchiveError("the packed rules end early");
    const std::string_view part = in_.substr(0, n);
    in_.remove_prefix(n);
    return part;
  }
  bool flag() {
    bool b = false;
    (*this)(b);
    return b;
  }
  // A count of elements, each of at least one byte: no more than the bytes left.
  std::size_t count() {
    std::uint64_t n = 0;
    (*this)(n);
    if (n > in_.size()) throw RuleArchiveError("the packed rules hold a count past their end");
    return static_cast<std::size_t>(n);
  }
  template <class V, std::size_t I = 0>
  void alternative(V& v, std::size_t index) {
    if constexpr (I < std::variant_size_v<V>) {
      if (index != I) return alternative<V, I + 1>(v, index);
      std::variant_alternative_t<I, V> x{};
      (*this)(x);
      v = std::move(x);
    } else {
      throw RuleArchiveError("the packed rules hold an unknown alternative");
    }
  }
  Value literal() {
    LiteralTag tag = null_tag;
    (*this)(tag);
    switch (tag) {
      case null_tag: return Value();
      case bool_tag: return Value(flag());
      case number_tag: {
        double d = 0;
        (*this)(d);
        return Value(d);
      }
      case string_tag: {
        std::string s;
        (*this)(s);
        return Value(std::move(s));
      }
    }
    throw RuleArchiveError("the packed rules hold an unknown literal");
  }

  std::string_view in_;
};

}  // namespace

std::string pack_rules(const std::vector<Rule>& rules) {
  Writer w;
  w(rules);
  return std::move(w.out);
}

std::vector<Rule> unpack_rules(std::string_view bytes) {
  Reader r(bytes);
  std::vector<Rule> rules;
  r(rules);
  if (!r.done()) throw RuleArchiveError("the packed rules go on past their end");
  return rules;
}

}  // namespace planlint::rules
