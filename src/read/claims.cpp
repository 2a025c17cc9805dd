// Actions for the claim rules of grammar/common.hpp over joined paragraph text: the same rules as in
// drafts, but positions come from the JoinedText's map back to the source.
#include "read/claims.hpp"

#include <charconv>

#include <tao/pegtl.hpp>

#include "grammar/common.hpp"

namespace planlint::read {
namespace {

namespace g = planlint::grammar;
namespace pegtl = tao::pegtl;

struct Found {
  const Source& src;
  const JoinedText& text;
  PlanText& keep;
  std::vector<Claim>& out;
};

// Collected while a claim rule matches; committed only when the whole claim matched.
struct Parts {
  int min = 0;
  int max = 0;
  std::size_t begin = 0, end = 0;  // byte range in the joined text
};

int value_of(std::string_view s) {
  int v = 0;
  if (!s.empty() && s.front() >= '0' && s.front() <= '9') {
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
  return g::number_word_value(s).value_or(0);
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::range_min> {
  template <typename In>
  static void apply(const In& in, Parts& p) { p.min = value_of(in.string_view()); }
};
template <>
struct action<g::range_max> {
  template <typename In>
  static void apply(const In& in, Parts& p) { p.max = value_of(in.string_view()); }
};
template <>
struct action<g::count_value> {
  template <typename In>
  static void apply(const In& in, Parts& p) { p.min = p.max = value_of(in.string_view()); }
};
struct phrase_action {
  template <typename In>
  static void apply(const In& in, Parts& p) {
    p.begin = in.position().byte;
    p.end = p.begin + in.size();
  }
};
template <>
struct action<g::measure_range_phrase> : phrase_action {};
template <>
struct action<g::goal_count_phrase> : phrase_action {};

template <ClaimKind K>
struct commit : pegtl::change_states<Parts> {
  template <typename In>
  static void success(const In&, Parts& p, Found& f) {
    f.out.push_back(Claim{K, p.min, p.max, f.text.span(f.src, f.keep, p.begin, p.end)});
  }
};
template <>
struct action<g::measure_range_claim> : commit<ClaimKind::measure_range> {};
template <>
struct action<g::goal_count_claim> : commit<ClaimKind::goal_count> {};

}  // namespace

void find_claims(const Source& src, const JoinedText& text, PlanText& keep, std::vector<Claim>& out) {
  if (text.empty()) return;
  pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf> in(text.text(), "joined");
  Found found{src, text, keep, out};
  pegtl::parse<pegtl::seq<g::inline_text, pegtl::eof>, action>(in, found);
}

}  // namespace planlint::read
