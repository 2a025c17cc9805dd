#pragma once
// Grammar of planlint directives inside comment lines (`<!-- planlint-disable-next-line rule-id -->`).
// The comment body is matched as a whole; a comment that is not a directive is just a comment.
#include <string_view>

#include <tao/pegtl.hpp>

namespace planlint::grammar::directive {
using namespace tao::pegtl;

struct ws : star<one<' ', '\t'>> {};
// Rule ids are kebab-case; globs (`version-*`) are allowed.
struct rule_pattern : plus<sor<ranges<'a', 'z', '0', '9'>, one<'-', '*', '?'>>> {};
struct pattern_list : list<rule_pattern, seq<ws, one<','>, ws>> {};
struct kw_prefix : string<'p', 'l', 'a', 'n', 'l', 'i', 'n', 't', '-'> {};
struct disable_next_line : string<'d', 'i', 's', 'a', 'b', 'l', 'e', '-', 'n', 'e', 'x', 't', '-', 'l', 'i', 'n', 'e'> {};
struct disable_file : string<'d', 'i', 's', 'a', 'b', 'l', 'e', '-', 'f', 'i', 'l', 'e'> {};
struct disable : string<'d', 'i', 's', 'a', 'b', 'l', 'e'> {};
struct enable : string<'e', 'n', 'a', 'b', 'l', 'e'> {};
// Longest keyword first: "disable-next-line" before "disable".
struct verb : sor<disable_next_line, disable_file, disable, enable> {};
struct directive : seq<ws, kw_prefix, verb, not_at<one<'-'>>, ws, opt<pattern_list>, ws, eof> {};

// The first word of a comment that is not a directive, to tell a misspelt one ("planlint-disable-fil",
// "planlint-enabel") from an ordinary comment: letters and hyphens, in any case.
struct head_word : plus<sor<ranges<'a', 'z', 'A', 'Z'>, one<'-'>>> {};
struct head : seq<ws, head_word> {};

// The directive keywords in full, as the suggestions for a misspelt one.
inline constexpr std::string_view keywords[] = {"planlint-disable-next-line", "planlint-disable-file",
                                                "planlint-disable", "planlint-enable"};

}  // namespace planlint::grammar::directive
