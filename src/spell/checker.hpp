#pragma once
// The misspelt words of a span: tokenizer + word lists + speller + ranking. The decisions:
// - only tokens of kind `word` are checked (acronyms, numbers, single letters, URLs and dotted names are
//   not: grammar/words.hpp, tokenizer.hpp);
// - a word is right when a word list accepts it, when the speller does, or when it is followed by a full
//   stop and the speller accepts it with the stop (abbreviations: "esim.", "mm.", "ns.");
// - a hyphenated compound the speller rejects as a whole ("hyte-painopisteiden", "LU-sotehankkeen") is
//   checked part by part: acronyms and numbers pass, a part before a hyphen may also pass as the first
//   part of a compound ("sote-"), and each part that is still wrong is a misspelling of its own range;
// - with a speller of the other language (a Finnish plan quoting Swedish names, a Swedish plan quoting
//   Finnish ones), a word the document's speller rejects is right when the other speller accepts it and
//   it begins with a capital ("Folkhälsan", "Svenska", "Espoon") or stands with another such word,
//   separated by spaces only ("vård och omsorg", "Svenska litteratursällskapet"): a name or a quoted
//   phrase. A lower-case foreign word alone is still reported. The other speller is asked only about words
//   the document's speller rejects that begin with a capital or stand next to another rejected word.
//   Several such languages may be given (Swedish and English: "Para school day", "exit Koronaan"), and a
//   foreign word also passes beside a capitalised word that does not begin a sentence (it is in a name);
// - the field's lexicon (FieldWords::compound_parts: "sote", "hyte", "LU") makes compounds: a word that
//   begins with an entry and goes on with a word the speller accepts is right ("sotehankkeen");
// - the second half of a compound split at " -" ("luonto-liikunta -painotteisina") is right when the
//   word before it and it make a word the speller accepts ("liikuntapainotteisina");
// - a name: a capitalised word after a title (FieldWords::titles: "pj.", "puheenjohtaja"), an initial
//   ("A."), a first name (Voikko's CLASS etunimi), or inside a run of capitalised words that does not
//   merely begin a sentence, is right unless one edit makes it a word the document uses elsewhere (the
//   word then fits: "Työkäisille" beside the document's "Työikäisille"); so is a short lower-case first
//   part of a hyphenated compound whose other parts are right ("koty-verkostossa": an abbreviation);
// - suggestions never split a word in two ("sote hankkeen"): the hyphenated form is offered instead when
//   the speller accepts it.
#include <functional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "model/source_range.hpp"
#include "spell/ranking.hpp"
#include "spell/speller.hpp"
#include "spell/tokenizer.hpp"
#include "spell/word_list.hpp"
#include "text/flat_string_map.hpp"

namespace planlint::spell {

struct Misspelling {
  Word word;
  std::vector<std::string> suggestions;  // ranked, best first
};

// Words of the field that change how rejected words are judged (data of rules/spelling.rules).
struct FieldWords {
  std::vector<std::string> compound_parts;  // case-folded: "sote", "lu", "kela"
  std::vector<std::string> titles;          // case-folded, abbreviations with their stop: "pj.", "puheenjohtaja"
  // White-space (or comma) separated entries of a rule's parameter, case-folded unless `fold` is false.
  static std::vector<std::string> parse(std::string_view text, bool fold = true);
};

class SpellChecker {
 public:
  // The word lists are consulted before the speller (they are usually small). `other`: the speller of the
  // language a document may quote names and phrases in (null: none).
  SpellChecker(Speller& speller, std::vector<const WordList*> lists, Speller* other = nullptr)
      : speller_(speller), lists_(std::move(lists)), other_(other) {}
  // The same with the other speller opened only when a word first needs it (a Finnish plan whose every
  // word Voikko accepts never loads Hunspell); `open_other` returns null when it cannot be opened.
  SpellChecker(Speller& speller, std::vector<const WordList*> lists, std::function<Speller*()> open_other)
      : speller_(speller), lists_(std::move(lists)), open_other_(std::move(open_other)) {}

  // Another language whose runs of words and names are left alone (opened on first need; null: absent).
  void add_foreign(std::function<Speller*()> open) { foreign_.push_back(Foreign{nullptr, std::move(open), {}}); }
  void set_field_words(FieldWords f) { field_ = std::move(f); }

  // Is this word (one token or hyphen part, exactly as written) spelt right?
  bool accepts(std::string_view word, bool period_follows = false);

  // Misspellings of one span, in order; `source` is the whole document (see SpanLocator). The vocabulary
  // is asked for only when a word is misspelt (building it reads the whole document).
  using VocabularyFn = std::function<const Vocabulary&()>;
  std::vector<Misspelling> check(const Span& span, std::string_view source, const VocabularyFn& vocabulary);
  std::vector<Misspelling> check(const Span& span, std::string_view source, const Vocabulary& vocabulary) {
    return check(span, source, [&]() -> const Vocabulary& { return vocabulary; });
  }

  Speller& speller() { return speller_; }
  const FieldWords& field_words() const { return field_; }

  // Does one of the other languages' spellers accept this word? false without one, or when it cannot be
  // opened (a Finnish plan on a machine without hunspell-sv is checked as before).
  bool other_accepts(std::string_view word);

 private:
  struct Foreign {
    Speller* speller;
    std::function<Speller*()> open;  // called once, on the first word it is asked about
    std::unordered_map<std::string, bool> memo;
  };
  Misspelling misspelling(Word w, const VocabularyFn& vocabulary);
  bool field_compound(std::string_view word);
  // Is there a word one edit away that the document uses (so that the rejected word is a typo of it)?
  bool fits_a_document_word(std::string_view word, const VocabularyFn& vocabulary);
  bool foreign_accepts(Foreign& f, std::string_view word);

  Speller& speller_;
  std::vector<const WordList*> lists_;
  // Verdicts already given to this checker (one document): repeated words cost one lookup, not word-list
  // normalisation and the speller's shared cache.
  text::FlatStringMap<bool> memo_;
  Speller* other_ = nullptr;
  std::function<Speller*()> open_other_;  // called once, on the first word the other speller is asked about
  text::FlatStringMap<bool> other_memo_;  // the other speller's verdicts, apart from memo_
  std::vector<Foreign> foreign_;
  FieldWords field_;
};

// Does the word begin with a capital letter (Unicode category Lu or Lt)?
bool begins_with_capital(std::string_view word);

// The candidates without those that split the word in two ("sote hankkeen" for "sotehankkeen"): Finnish
// joins compounds. The hyphenated form ("sote-hankkeen") takes a split's place when `accepts` it.
std::vector<std::string> without_splits(std::string_view word, std::vector<std::string> candidates,
                                        const std::function<bool(std::string_view)>& accepts);

}  // namespace planlint::spell
