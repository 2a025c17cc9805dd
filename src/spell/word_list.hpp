#pragma once
// Words that the dictionary does not know but a plan may use: names of services and programmes
// ("Lifecare"), field abbreviations ("hyte"). Case rules (documented in docs/rule-language.md):
// - an entry in lower case accepts the word in any case ("hyte": "hyte", "Hyte", "HYTE");
// - an entry with a capital accepts exactly that spelling ("Lifecare": not "lifecare");
// - an entry ending in '*' accepts every word that begins with the rest, under the same case rule, so that
//   inflected forms of a name are accepted ("Lifecare*": "Lifecaren", "Lifecarea").
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace planlint::spell {

class WordList {
 public:
  WordList() = default;
  // Entries separated by white space or commas; '#' starts a comment to the end of the line.
  static WordList parse(std::string_view text);
  void add(std::string_view entry);
  void add_all(const WordList& other);

  bool accepts(std::string_view word) const;
  bool empty() const { return exact_.empty() && folded_.empty() && exact_prefixes_.empty() && folded_prefixes_.empty(); }

 private:
  std::unordered_set<std::string> exact_, folded_;
  std::vector<std::string> exact_prefixes_, folded_prefixes_;
};

}  // namespace planlint::spell
