#pragma once
// A paragraph's text as the .docx and .odt readers build it, piece by piece: soft hyphens (U+00AD) dropped,
// since they show only where a line happens to break; a tab, a line break or a newline in the XML becomes
// one "soft" space, written only between text and never beside another space; spaces the author typed are
// kept; the paragraph's leading and trailing spaces are dropped.
#include <algorithm>
#include <string>
#include <string_view>

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

// UTF-8 for a code point (the caller has checked it is a scalar value).
inline std::string encode_utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

}  // namespace planlint::read
