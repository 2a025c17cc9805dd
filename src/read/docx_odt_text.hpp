#pragma once
// A paragraph's text as the .docx and .odt readers build it, piece by piece: soft hyphens (U+00AD) dropped,
// since they show only where a line happens to break; a tab, a line break or a newline in the XML becomes
// one "soft" space, written only between text and never beside another space; spaces the author typed are
// kept; the paragraph's leading and trailing spaces are dropped.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "text/utf8_encode.hpp"

namespace planlint::read {

class TextBuilder {
 public:
  void append(std::string_view piece) {
    for (std::size_t i = 0; i < piece.size(); ++i) {
      const char c = piece[i];
      if (c == '\t' || c == '\n' || c == '\r') {
        soft_space();
      } else if (c == '\xC2' && i + 1 < piece.size() && piece[i + 1] == '\xAD') {
        ++i;  // U+00AD SOFT HYPHEN
      } else {
        if (pending_space_ && c != ' ' && !text_.empty() && text_.back() != ' ') text_ += ' ';
        pending_space_ = false;
        text_ += c;
      }
    }
  }
  void soft_space() { pending_space_ = !text_.empty() && text_.back() != ' '; }
  std::size_t size() const { return text_.size(); }
  // The text appended since size() was `start`, without its outer spaces (for a tracked change's record).
  std::string since(std::size_t start) const { return trim(std::string_view(text_).substr(std::min(start, text_.size()))); }
  std::string finish() const { return trim(text_); }

  static std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(' ');
    if (b == std::string_view::npos) return "";
    return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
  }

 private:
  std::string text_;
  bool pending_space_ = false;
};

// A list label's number in Roman numerals (Word's lowerRoman/upperRoman, ODF's "i"/"I"); n > 0.
inline std::string roman_numeral(int n, bool upper) {
  static constexpr std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                          {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                          {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : table) {
    while (n >= value && out.size() < 64) {
      out += digits;
      n -= value;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace planlint::read
