// libFuzzer harness: the texts of spelling that planlint reads from outside its grammars' documents: the
// answer file kept between runs (spell/answer_file.hpp, which another process or a damaged disk may have
// written anything into) and, on valid UTF-8, the word grammar (grammar/words.hpp through spell::tokenize).
// An answer file that parses must format back to a file that parses to the same answers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "spell/answer_file.hpp"
#include "spell/tokenizer.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view key = "fuzz key\n";
  const auto answers = planlint::spell::parse_answers(in, key);
  if (answers) {
    const auto again = planlint::spell::parse_answers(planlint::spell::format_answers(key, *answers), key);
    if (!again || again->spell != answers->spell || again->suggest != answers->suggest || again->grammar != answers->grammar) {
      __builtin_trap();
    }
  }
  // The index, as a run uses it: on a valid file it finds every answer; on any other it may find less,
  // never crash.
  if (const auto index = planlint::spell::AnswerIndex::over(in, key)) {
    for (const std::string_view word : {std::string_view("sana"), std::string_view(""), in.substr(0, 12)}) {
      (void)index->spell(word);
      (void)index->suggest(word);
      (void)index->grammar(word);
    }
    if (answers) {
      for (const auto& [word, ok] : answers->spell) {
        if (index->spell(word) != ok) __builtin_trap();
      }
      for (const auto& [word, list] : answers->suggest) {
        if (index->suggest(word) != list) __builtin_trap();
      }
      for (const auto& [k, errors] : answers->grammar) {
        if (index->grammar(k) != errors) __builtin_trap();
      }
    }
  }
  if (!planlint::utf8::first_invalid(in)) {
    std::size_t end = 0;
    for (const planlint::spell::Token& t : planlint::spell::tokenize(in)) {
      if (t.begin < end || t.end <= t.begin || t.end > in.size()) __builtin_trap();  // in order, not empty, inside
      end = t.end;
    }
  }
  return 0;
}
