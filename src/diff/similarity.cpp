#include "diff/similarity.hpp"

#include <algorithm>

#include <utf8proc.h>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace planlint::diff {
namespace {

// FNV-1a: stable across runs and platforms, so that ties break the same way everywhere.
std::uint32_t fnv(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

bool is_punct_ascii(char c) {
  return c == '.' || c == ',' || c == ':' || c == ';' || c == '(' || c == ')' || c == '/' || c == '!' ||
         c == '?' || c == '"' || c == '\'' || c == '[' || c == ']';
}

}  // namespace

// casefold() composes as it folds, so one utf8proc pass gives NFC and case folding together. That pass is
// most of a diff's time, so text made only of code points below U+0300 (Finnish and Swedish are) takes a
// fast path: there NFC changes nothing (no combining marks) and case folding is lowercasing, except for
// the few letters listed, which take the full pass.
std::string match_key(std::string_view text) {
  std::string s = text::collapse_whitespace(text);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(s, i);
    if (cp < 0x80) {
      out.push_back(cp >= 'A' && cp <= 'Z' ? static_cast<char>(cp + 32) : static_cast<char>(cp));
      continue;
    }
    if (cp >= 0x300 || cp == 0xB5 || cp == 0xDF || cp == 0x130 || cp == 0x149 || cp == 0x17F || cp == 0x1F0)
      return text::casefold(s);
    const auto lower = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
    if (lower == cp) {
      out.append(s, start, i - start);
    } else {
      utf8proc_uint8_t buf[4];
      const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(lower), buf);
      out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    }
  }
  return out;
}

Fingerprint fingerprint(std::string_view key) {
  Fingerprint f;
  std::size_t i = 0;
  while (i < key.size()) {
    auto end = key.find(' ', i);
    if (end == std::string_view::npos) end = key.size();
    std::string_view w = key.substr(i, end - i);
    // "hoitajaksot." and "hoitajaksot" are the same word; "/" joins words ("määrä/vuosi") so it splits them.
    std::size_t from = 0;
    for (std::size_t k = 0; k <= w.size(); ++k) {
      if (k == w.size() || w[k] == '/') {
        std::string_view part = w.substr(from, k - from);
        while (!part.empty() && is_punct_ascii(part.front())) part.remove_prefix(1);
        while (!part.empty() && is_punct_ascii(part.back())) part.remove_suffix(1);
        if (!part.empty()) f.words.push_back(fnv(part));
        from = k + 1;
      }
    }
    i = end + 1;
  }
  // Trigrams of code points, the text padded with a space at each end so that short texts have some.
  std::vector<std::size_t> starts;
  const std::string padded = " " + std::string(key) + " ";
  for (std::size_t p = 0; p < padded.size();) {
    starts.push_back(p);
    utf8::decode(padded, p);
  }
  starts.push_back(padded.size());
  for (std::size_t k = 0; k + 3 < starts.size(); ++k)
    f.grams.push_back(fnv(std::string_view(padded).substr(starts[k], starts[k + 3] - starts[k])));
  std::sort(f.words.begin(), f.words.end());
  std::sort(f.grams.begin(), f.grams.end());
  f.distinct_words = f.words;
  f.distinct_words.erase(std::unique(f.distinct_words.begin(), f.distinct_words.end()), f.distinct_words.end());
  return f;
}

double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++common, ++i, ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

double similarity(const Fingerprint& a, const Fingerprint& b) { return (dice(a.words, b.words) + dice(a.grams, b.grams)) / 2; }

}  // namespace planlint::diff
