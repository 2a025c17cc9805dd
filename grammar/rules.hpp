#pragma once
// Grammar of rule files (rules/*.rules; the language is described in docs/rule-language.md).
// No actions here: src/rules/parser.cpp attaches them. Every place where the text can go wrong after a
// commitment is a must<> of a named rule, whose message is in grammar/rules_errors.hpp. A rule with a
// message is used only under must<> (must_if raises whenever such a rule fails), hence the twin rules
// like first_argument / argument.
#include <tao/pegtl.hpp>

namespace planlint::grammar::rules {
using namespace tao::pegtl;

// --- layout ---------------------------------------------------------------------------------------------
// Statements begin with keywords, so line ends are plain white space; '#' starts a comment.
struct comment : seq<one<'#'>, until<eolf>> {};
struct ws : sor<one<' ', '\t', '\n', '\r'>, comment> {};
struct sep : star<ws> {};

// --- names ----------------------------------------------------------------------------------------------
struct ident_first : sor<range<'a', 'z'>, range<'A', 'Z'>, one<'_'>> {};
struct ident_other : sor<ident_first, digit> {};
// A keyword: the word and no more. It rewinds when it fails even where must<> does not ask for it, so
// that an error reported after "docs" points at the word, not into it.
template <char... Cs>
struct key : seq<string<Cs...>, not_at<ident_other>> {
  template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    auto m = in.template mark<rewind_mode::required>();
    return m(seq<string<Cs...>, not_at<ident_other>>::template match<A, rewind_mode::active, Action, Control>(in, st...));
  }
};

struct kw_and : key<'a', 'n', 'd'> {};
struct kw_or : key<'o', 'r'> {};
struct kw_not : key<'n', 'o', 't'> {};
struct kw_in : key<'i', 'n'> {};
struct kw_true : key<'t', 'r', 'u', 'e'> {};
struct kw_false : key<'f', 'a', 'l', 's', 'e'> {};
struct kw_null : key<'n', 'u', 'l', 'l'> {};
// Statement keywords are reserved too, so that "assert message …" is reported as a missing condition
// rather than read as a variable named message.
struct reserved_statement_word;
struct reserved : sor<kw_and, kw_or, kw_not, kw_in, kw_true, kw_false, kw_null, reserved_statement_word> {};
struct identifier : seq<not_at<reserved>, ident_first, star<ident_other>> {};

// Rule ids are kebab-case: "goal-measure-count".
struct id_word : seq<range<'a', 'z'>, star<sor<range<'a', 'z'>, digit>>> {};
struct rule_id : seq<id_word, star<one<'-'>, plus<sor<range<'a', 'z'>, digit>>>, not_at<ident_other>> {};

// --- literals -------------------------------------------------------------------------------------------
struct number_literal : seq<plus<digit>, opt<one<'.'>, plus<digit>>, not_at<ident_other>> {};
struct true_literal : kw_true {};
struct false_literal : kw_false {};
struct null_literal : kw_null {};

// Double-quoted strings are templates: "{expr}" interpolates; escapes \" \\ \n \t \{ \}.
// Single-quoted strings are taken literally (for regular expressions); only \' and \\ are escapes.
struct escape_char : one<'"', '\\', 'n', 't', '{', '}'> {};
struct escape : seq<one<'\\'>, must<escape_char>> {};
struct plain_chars : plus<not_one<'"', '\\', '{', '}', '\n', '\r'>> {};
struct expr;
struct interpolation_expr : seq<expr> {};
struct interpolation_close : one<'}'> {};
struct interpolation : seq<one<'{'>, sep, must<interpolation_expr>, sep, must<interpolation_close>> {};
struct string_close : one<'"'> {};
struct template_body : star<sor<plain_chars, escape, interpolation>> {};
struct template_open : one<'"'> {};
struct template_string : seq<template_open, template_body, must<string_close>> {};

struct raw_escape : seq<one<'\\'>, one<'\'', '\\'>> {};
struct raw_chars : plus<not_one<'\'', '\\', '\n', '\r'>> {};
struct raw_lone_backslash : one<'\\'> {};
struct raw_close : one<'\''> {};
struct raw_body : star<sor<raw_escape, raw_chars, raw_lone_backslash>> {};
struct raw_string : seq<one<'\''>, raw_body, must<raw_close>> {};

// """ … """ spans lines, taken literally (doc texts).
struct triple_quote : string<'"', '"', '"'> {};
struct long_close : triple_quote {};
// Runs of other characters in one step: doc texts are most of the bytes of the built-in rules, which every
// `planlint check` compiles (a not_at<triple_quote> before each character was a quarter of that time).
struct long_body : star<sor<plus<not_one<'"'>>, seq<not_at<triple_quote>, one<'"'>>>> {};
struct long_string : seq<triple_quote, long_body, must<long_close>> {};

// --- expressions, loosest first ---------------------------------------------------------------------------
struct close_paren : one<')'> {};
struct paren_inner : seq<expr> {};
struct paren_expr : seq<one<'('>, sep, must<paren_inner>, sep, must<close_paren>> {};

struct list_close : one<']'> {};
struct first_list_item : seq<expr> {};
struct list_item : seq<expr> {};
struct list_items : opt<first_list_item, star<sep, one<','>, sep, must<list_item>>> {};
struct list_open : one<'['> {};
struct list_literal : seq<list_open, sep, list_items, sep, must<list_close>> {};

// any(x in list: condition) and its kin bind a name; a name followed by "(" is a call.
struct binder_name : sor<key<'a', 'n', 'y'>, key<'a', 'l', 'l'>, key<'c', 'o', 'u', 'n', 't'>,
                         key<'f', 'i', 'r', 's', 't'>, key<'f', 'i', 'l', 't', 'e', 'r'>, key<'m', 'a', 'p'>> {};
struct binder_var : identifier {};
struct binder_list : seq<expr> {};
struct binder_colon : one<':'> {};
struct binder_body : seq<expr> {};
struct binder_head : seq<binder_name, sep, one<'('>, sep, binder_var, sep, kw_in, sep> {};
struct binder_call : seq<at<binder_head>, binder_head, must<binder_list>, sep, must<binder_colon>, sep,
                         must<binder_body>, sep, must<close_paren>> {};

struct function_name : seq<identifier, at<sep, one<'('>>> {};
struct call_close : one<')'> {};
struct first_argument : seq<expr> {};
struct argument : seq<expr> {};
struct arguments : opt<first_argument, star<sep, one<','>, sep, must<argument>>> {};
struct call : seq<function_name, sep, one<'('>, sep, arguments, sep, must<call_close>> {};

struct variable : identifier {};
struct primary : sor<number_literal, template_string, raw_string, paren_expr, list_literal, true_literal,
                     false_literal, null_literal, binder_call, call, variable> {};

struct field_name : identifier {};
struct field_access : seq<one<'.'>, not_at<one<'.'>>, sep, must<field_name>> {};
struct index_inner : seq<expr> {};
struct index_close : one<']'> {};
struct index_access : seq<one<'['>, sep, must<index_inner>, sep, must<index_close>> {};
struct postfix : seq<primary, star<sep, sor<field_access, index_access>>> {};

struct negation_operand;
struct minus_sign : seq<one<'-'>, not_at<one<'-'>>> {};
struct unary_minus : seq<minus_sign, sep, must<negation_operand>> {};
struct unary : sor<unary_minus, postfix> {};
struct negation_operand : unary {};

struct mul_op : one<'*', '/', '%'> {};
struct mul_operand : unary {};
struct mul_tail : seq<sep, mul_op, sep, must<mul_operand>> {};
struct multiplicative : seq<unary, star<mul_tail>> {};

struct add_op : one<'+', '-'> {};
struct add_operand : multiplicative {};
struct add_tail : seq<sep, add_op, sep, must<add_operand>> {};
struct additive : seq<multiplicative, star<add_tail>> {};

struct range_op : string<'.', '.'> {};
struct range_operand : additive {};
struct range_tail : seq<sep, range_op, sep, must<range_operand>> {};
struct range_expr : seq<additive, opt<range_tail>> {};

struct coalesce_op : string<'?', '?'> {};
struct coalesce_operand : range_expr {};
struct coalesce_tail : seq<sep, coalesce_op, sep, must<coalesce_operand>> {};
struct coalesce : seq<range_expr, star<coalesce_tail>> {};

// Comparisons do not chain: "a < b < c" is an error, not a surprise.
struct cmp_op : sor<string<'=', '='>, string<'!', '='>, string<'<', '='>, string<'>', '='>, one<'<'>, one<'>'>,
                    kw_in> {};
struct cmp_operand : coalesce {};
struct cmp_tail : seq<sep, cmp_op, sep, must<cmp_operand>> {};
struct comparison : seq<coalesce, opt<cmp_tail>> {};

struct not_operand;
struct not_expr : seq<kw_not, sep, must<not_operand>> {};
struct logical_not : sor<not_expr, comparison> {};
struct not_operand : logical_not {};

struct and_operand : logical_not {};
struct and_tail : seq<sep, kw_and, sep, must<and_operand>> {};
struct conjunction : seq<logical_not, star<and_tail>> {};

struct or_operand : conjunction {};
struct or_tail : seq<sep, kw_or, sep, must<or_operand>> {};
struct disjunction : seq<conjunction, star<or_tail>> {};

struct expr : disjunction {};

// --- rules ----------------------------------------------------------------------------------------------
struct kw_rule : key<'r', 'u', 'l', 'e'> {};
struct kw_severity : key<'s', 'e', 'v', 'e', 'r', 'i', 't', 'y'> {};
struct kw_scope : key<'s', 'c', 'o', 'p', 'e'> {};
struct kw_summary : key<'s', 'u', 'm', 'm', 'a', 'r', 'y'> {};
struct kw_param : key<'p', 'a', 'r', 'a', 'm'> {};
struct kw_let : key<'l', 'e', 't'> {};
struct kw_for : key<'f', 'o', 'r'> {};
struct kw_when : key<'w', 'h', 'e', 'n'> {};
struct kw_assert : key<'a', 's', 's', 'e', 'r', 't'> {};
struct kw_report : key<'r', 'e', 'p', 'o', 'r', 't'> {};
struct kw_message : key<'m', 'e', 's', 's', 'a', 'g', 'e'> {};
struct kw_at : key<'a', 't'> {};
struct kw_doc : key<'d', 'o', 'c'> {};
struct kw_fix : key<'f', 'i', 'x'> {};
struct kw_with : key<'w', 'i', 't', 'h'> {};

struct severity_value : sor<key<'e', 'r', 'r', 'o', 'r'>, key<'w', 'a', 'r', 'n', 'i', 'n', 'g'>, key<'i', 'n', 'f', 'o'>> {};
struct severity_stmt : seq<kw_severity, sep, must<severity_value>> {};

// The cross-version scopes (version, goal-pair, measure-pair) compare an old version with the new one. The
// kebab-case ones come first: key<goal> would also match the "goal" of "goal-pair".
struct scope_goal_pair : key<'g', 'o', 'a', 'l', '-', 'p', 'a', 'i', 'r'> {};
struct scope_measure_pair : key<'m', 'e', 'a', 's', 'u', 'r', 'e', '-', 'p', 'a', 'i', 'r'> {};
struct scope_value : sor<key<'p', 'l', 'a', 'n'>, key<'o', 'v', 'e', 'r', 'v', 'i', 'e', 'w'>, key<'a', 'r', 'e', 'a'>, scope_goal_pair,
                         scope_measure_pair, key<'g', 'o', 'a', 'l'>, key<'m', 'e', 'a', 's', 'u', 'r', 'e'>,
                         key<'v', 'e', 'r', 's', 'i', 'o', 'n'>> {};
struct scope_stmt : seq<kw_scope, sep, must<scope_value>> {};

// A summary or message in one language: "summary fi "…"", "message fi "…"". The untagged one comes first
// and is used for every language without its own (the built-in rules write it in English).
struct language_code : seq<range<'a', 'z'>, range<'a', 'z'>, opt<range<'a', 'z'>>, not_at<ident_other>> {};

struct summary_text : template_string {};
struct summary_stmt : seq<kw_summary, sep, must<summary_text>> {};
struct summary_language : language_code {};
struct localized_summary_text : template_string {};
struct localized_summary : seq<kw_summary, sep, must<summary_language>, sep, must<localized_summary_text>> {};

struct param_name : identifier {};
struct param_equals : one<'='> {};
struct negative_number : seq<one<'-'>, number_literal> {};
struct param_default : sor<negative_number, number_literal, true_literal, false_literal, template_string, raw_string> {};
struct param_description : sor<template_string, raw_string> {};
struct param_stmt : seq<kw_param, sep, must<param_name>, sep, must<param_equals>, sep, must<param_default>, sep,
                        must<param_description>> {};

struct let_name : identifier {};
struct let_equals : one<'='> {};
struct let_value : seq<expr> {};
struct let_stmt : seq<kw_let, sep, must<let_name>, sep, must<let_equals>, sep, must<let_value>> {};
struct rule_let : seq<let_stmt> {};  // a let before the first check: evaluated once per scope node

struct for_name : identifier {};
struct for_in : kw_in {};
struct for_list : seq<expr> {};
struct for_clause : seq<kw_for, sep, must<for_name>, sep, must<for_in>, sep, must<for_list>> {};

struct when_condition : seq<expr> {};
struct when_clause : seq<kw_when, sep, must<when_condition>> {};

struct assert_kind : sor<kw_assert, kw_report> {};
struct condition : seq<expr> {};
struct assertion : seq<assert_kind, sep, must<condition>> {};
struct message_text : template_string {};
struct message_clause : seq<kw_message, sep, must<message_text>> {};
struct message_language : language_code {};
struct localized_message_text : template_string {};
struct localized_message : seq<kw_message, sep, must<message_language>, sep, must<localized_message_text>> {};
struct at_target : seq<expr> {};
struct at_clause : seq<kw_at, sep, must<at_target>> {};
// "fix TARGET with REPLACEMENT": an edit an editor may offer (docs/rule-language.md, "Fixes").
struct fix_target : seq<expr> {};
struct fix_with : kw_with {};
struct fix_replacement : seq<expr> {};
struct fix_clause : seq<kw_fix, sep, must<fix_target>, sep, must<fix_with>, sep, must<fix_replacement>> {};

struct reserved_statement_word : sor<kw_rule, kw_severity, kw_scope, kw_summary, kw_param, kw_let, kw_for, kw_when,
                                     kw_assert, kw_report, kw_message, kw_at, kw_doc, kw_fix, kw_with> {};

struct check_start : sor<kw_for, kw_let, kw_when, kw_assert, kw_report> {};
struct check : seq<opt<for_clause, sep>, star<let_stmt, sep>, opt<when_clause, sep>, must<assertion>, sep,
                   must<message_clause>, star<sep, localized_message>, opt<sep, at_clause>, star<sep, fix_clause>> {};
struct first_check : check {};  // check raises (must<assertion>) rather than fail: no must<> needed

struct doc_text : sor<long_string, template_string> {};
struct doc_stmt : seq<kw_doc, sep, must<doc_text>> {};

struct rule_open : one<'{'> {};
struct rule_close : one<'}'> {};
struct rule_head : seq<kw_rule, sep, must<rule_id>> {};
struct rule_def
    : seq<rule_head, sep, must<rule_open>, sep, must<severity_stmt>, sep, must<scope_stmt>, sep,
          must<summary_stmt>, sep, star<localized_summary, sep>, star<param_stmt, sep>, star<rule_let, sep>, first_check, sep,
          star<at<check_start>, check, sep>, must<doc_stmt>, sep, must<rule_close>> {};

struct end_of_rules : eof {};
struct rule_file : seq<sep, star<rule_def, sep>, must<end_of_rules>> {};

}  // namespace planlint::grammar::rules
