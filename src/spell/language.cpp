#include "spell/language.hpp"

#include <algorithm>
#include <unordered_set>

#include "grammar/keywords.hpp"
#include "spell/speller.hpp"
#include "spell/tokenizer.hpp"

namespace planlint::spell {
namespace {

const grammar::language& keywords_of(std::string_view code) {
  for (const grammar::language& l : grammar::languages) {
    if (l.code == code) return l;
  }
  return grammar::languages.front();
}

// The first word of `text` (letters, as the grammars cut words), after any leading marks ("- ", "# ").
std::string_view first_word(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < 8 && grammar::word_length(text.data() + i, text.data() + text.size()) == 0) ++i;
  const std::size_t n = grammar::word_length(text.data() + i, text.data() + text.size());
  return text.substr(i, n);
}

// +1 to the language whose words of `r` include `word`.
void vote(LanguageVotes& votes, grammar::role r, std::string_view word) {
  if (word.empty()) return;
  for (std::string_view code : language_codes) {
    for (std::string_view k : grammar::words_of(keywords_of(code), r)) {
      if (grammar::equals_folded(word, k)) {
        (code == "fi" ? votes.fi : votes.sv) += 1;
        break;
      }
    }
  }
}

// The share of `words` a speller accepts, in thousandths; 0 without a speller or when it fails.
int accepted_share(Speller* speller, const std::vector<std::string>& words) {
  if (!speller || words.empty()) return 0;
  std::size_t ok = 0;
  try {
    for (const std::string& w : words) ok += speller->accepts(w) ? 1 : 0;
  } catch (const SpellerUnavailable&) {
    return 0;
  }
  return static_cast<int>(ok * 1000 / words.size());
}

}  // namespace

bool is_language_code(std::string_view code) {
  return std::find(std::begin(language_codes), std::end(language_codes), code) != std::end(language_codes);
}

bool is_language_setting(std::string_view setting) { return setting == "auto" || is_language_code(setting); }

LanguageVotes keyword_votes(const Plan& plan, std::string_view source) {
  LanguageVotes votes;
  for (const Goal& g : plan.goals) {
    const std::size_t at = g.heading.begin.offset;
    if (!source.empty() && at < source.size() && g.heading.end.offset <= source.size() && at < g.heading.end.offset) {
      vote(votes, grammar::role::goal, first_word(source.substr(at, g.heading.end.offset - at)));
    }
    if (!g.header.empty()) vote(votes, grammar::role::measure_header, first_word(g.header[0].text));
    if (g.header.size() > 1) vote(votes, grammar::role::indicator_header, first_word(g.header[1].text));
  }
  if (plan.status) vote(votes, grammar::role::status, first_word(plan.status->text));
  return votes;
}

std::vector<std::string> word_sample(std::string_view text, std::size_t max) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> seen;
  // Line by line, so that a long document is tokenized only as far as the sample needs.
  std::size_t at = 0;
  while (at < text.size() && out.size() < max) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    for (const Token& t : tokenize(line)) {
      if (t.kind != TokenKind::word) continue;
      const std::string_view w = line.substr(t.begin, t.end - t.begin);
      if (!seen.insert(w).second) continue;
      out.emplace_back(w);
      if (out.size() == max) break;
    }
    at = end + 1;
  }
  return out;
}

DetectedLanguage detect_language(const Plan& plan, std::string_view source, const SpellerFor& speller_for) {
  const LanguageVotes votes = keyword_votes(plan, source);
  if (votes.fi != votes.sv) return {votes.sv > votes.fi ? "sv" : "fi", "keywords"};
  std::string built;
  std::string_view prose = source;
  if (prose.empty()) {
    // No document text: the plan's own texts, in document order as far as the model keeps it.
    for (const Span& s : plan.title) (built += s.text) += '\n';
    for (const Span& s : plan.paragraphs) (built += s.text) += '\n';
    for (const Goal& g : plan.goals) {
      (built += g.title.text) += '\n';
      for (const Measure& m : g.measures) (built += m.text.text) += '\n';
    }
    prose = built;
  }
  const std::vector<std::string> sample = word_sample(prose);
  if (sample.empty()) return {"fi", "default"};
  const int fi = accepted_share(speller_for("fi"), sample);
  if (fi >= 750) return {"fi", "dictionaries"};
  const int sv = accepted_share(speller_for("sv"), sample);
  if (fi == 0 && sv == 0) return {"fi", "default"};
  return {sv > fi ? "sv" : "fi", "dictionaries"};
}

}  // namespace planlint::spell
