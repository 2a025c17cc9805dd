#pragma once
// What a goal table's column holds, told by its header cell: the measure, its indicator, who is responsible,
// the schedule, resources, the target level, the status — in any order, in any language of the keyword
// table (grammar/keywords.hpp holds the words). A column is never the indicator unless its header says so.
#include <array>
#include <optional>
#include <string_view>

#include "grammar/keywords.hpp"

namespace planlint::grammar {

enum class column_role { measure, indicator, responsible, schedule, resources, target, status, other };

struct column_role_words {
  column_role column;
  role words;
};
inline constexpr std::array<column_role_words, 7> column_roles = {{
    {column_role::measure, role::measure_header},
    {column_role::indicator, role::indicator_header},
    {column_role::responsible, role::responsible_header},
    {column_role::schedule, role::schedule_header},
    {column_role::resources, role::resources_header},
    {column_role::target, role::target_header},
    {column_role::status, role::status_header},
}};

constexpr std::string_view to_string(column_role c) {
  switch (c) {
    case column_role::measure: return "measure";
    case column_role::indicator: return "indicator";
    case column_role::responsible: return "responsible";
    case column_role::schedule: return "schedule";
    case column_role::resources: return "resources";
    case column_role::target: return "target";
    case column_role::status: return "status";
    case column_role::other: return "other";
  }
  return "other";
}

// Whether `word` is a compound whose last part is `keyword` ("arviointimittari" ends in "mittari"): the
// keyword long enough not to be a mere ending (5 bytes), with at least 3 bytes before it.
inline bool ends_in_keyword(std::string_view word, std::string_view keyword) noexcept {
  return keyword.size() >= 5 && word.size() >= keyword.size() + 3 &&
         equals_folded(word.substr(word.size() - keyword.size()), keyword);
}

// The role of a column with this header text. The header's words are tried in order: the first that is a
// header word of some role decides ("Mittari/ mittarit", "Toimenpiteen vastuutaho"); failing that, the
// first that is a compound ending in one ("Arviointimittari(t)", "Toteutusvastuu"). Otherwise `other`.
inline column_role column_role_of(std::string_view header) noexcept {
  const char* end = header.data() + header.size();
  for (const bool compounds : {false, true}) {
    for (const char* p = header.data(); p < end;) {
      const std::size_t n = word_length(p, end);
      if (n == 0) {  // a character that is not a letter: skip it whole
        do ++p;
        while (p < end && (static_cast<unsigned char>(*p) & 0xC0) == 0x80);
        continue;
      }
      const std::string_view w(p, n);
      for (const auto& [column, words] : column_roles) {
        if (!compounds && is_keyword(words, w)) return column;
        if (compounds) {
          for (const language& l : languages) {
            for (std::string_view k : words_of(l, words)) {
              if (ends_in_keyword(w, k)) return column;
            }
          }
          for (const std::string& k : extra_words_of(words)) {
            if (ends_in_keyword(w, k)) return column;
          }
        }
      }
      p += n;
    }
  }
  return column_role::other;
}

}  // namespace planlint::grammar
