#pragma once
// The spelling primitives of the rule language (listed in functions.cpp's table): misspelt_words(),
// spelling_problem(), Voikko's morphology (lemmas(), compound_parts()) and grammar checker
// (grammar_errors()), and edit_distance(). Which texts are checked, and how findings read, is policy: rules/spelling.rules.
#include "rules/ast.hpp"
#include "rules/value.hpp"

namespace planlint::rules {

class Evaluator;

// misspelt_words(texts, language = "fi", dictionary = "", words = "", quoted = "", compounds = "", titles = "")
Value fn_misspelt_words(Evaluator& ev, const Expr& call);
// plan.language: the configured language (EvalOptions::language), else the detected one (spell/language.hpp),
// detected once per evaluation for the evaluated plan.
Value plan_language(Evaluator& ev, const NodeRef& plan_node, const Plan& owner);
// spelling_problem(language = "fi", dictionary = ""): null, or why spelling cannot be checked
Value fn_spelling_problem(Evaluator& ev, const Expr& call);
// lemmas(word, language = "fi"): Voikko's base forms of the word ([] when it rejects it)
Value fn_lemmas(Evaluator& ev, const Expr& call);
// compound_parts(word, language = "fi"): the fewest compound parts of Voikko's readings, or null
Value fn_compound_parts(Evaluator& ev, const Expr& call);
// edit_distance(a, b): letters inserted, deleted, replaced or swapped, case-folded
Value fn_edit_distance(Evaluator& ev, const Expr& call);
// word_tokens(texts): the words the spelling functions check, as word values with their ranges
Value fn_word_tokens(Evaluator& ev, const Expr& call);
// grammar_errors(texts, language = "fi", disabled = ""): Voikko's grammar findings, as word values
Value fn_grammar_errors(Evaluator& ev, const Expr& call);
// document_lines(): every line of the document as a text with its range ([] when the engine has no source)
Value fn_document_lines(Evaluator& ev, const Expr& call);

}  // namespace planlint::rules
