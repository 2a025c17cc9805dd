#include "diff/words.hpp"

#include <utf8proc.h>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace planlint::diff {
namespace {

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto sp = s.find(' ', i);
    const auto end = sp == std::string_view::npos ? s.size() : sp;
    if (end > i) out.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

// A stretch of the alignment: equal words, or a change (removed words, added words). `attached`: no space
// separates it from the segment before (after punctuation was split off a word).
struct Segment {
  bool equal = true;
  std::vector<std::string_view> old_words, new_words;  // for an equality both hold the same words
  bool attached = false;
  std::string old_extra, new_extra;  // set instead of words once punctuation has been split off
};

std::string join(const std::vector<std::string_view>& words) {
  std::string s;
  for (const auto w : words) {
    if (!s.empty()) s += ' ';
    s.append(w);
  }
  return s;
}

std::size_t length(const std::vector<std::string_view>& words) {
  std::size_t n = words.empty() ? 0 : words.size() - 1;
  for (const auto w : words) n += utf8::count_code_points(w);
  return n;
}

std::vector<Segment> align(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const Lcs lcs = myers(a, b);
  std::vector<Segment> segs;
  auto seg = [&](bool equal) -> Segment& {
    if (segs.empty() || segs.back().equal != equal) segs.push_back(Segment{equal, {}, {}, false, {}, {}});
    return segs.back();
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && !lcs.keep_a[i]) seg(false).old_words.push_back(a[i++]);
    else if (j < b.size() && !lcs.keep_b[j]) seg(false).new_words.push_back(b[j++]);
    else {
      Segment& s = seg(true);
      s.old_words.push_back(a[i++]);
      s.new_words.push_back(b[j++]);
    }
  }
  return segs;
}

// diff-match-patch's cleanupSemantic on words: an equality no longer than the changes on both its sides is
// noise ("[-a-]{+x+} b [-c-]{+y+}" reads better as "[-a b c-]{+x b y+}"). Repeats until nothing changes.
void absorb_small_equalities(std::vector<Segment>& segs) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t k = 1; k + 1 < segs.size(); ++k) {
      Segment &before = segs[k - 1], &eq = segs[k], &after = segs[k + 1];
      if (!eq.equal || before.equal || after.equal) continue;
      const std::size_t len = length(eq.old_words);
      const std::size_t left = std::max(length(before.old_words), length(before.new_words));
      const std::size_t right = std::max(length(after.old_words), length(after.new_words));
      if (len > left || len > right) continue;
      for (auto* side : {&eq.old_words, &after.old_words}) before.old_words.insert(before.old_words.end(), side->begin(), side->end());
      for (auto* side : {&eq.new_words, &after.new_words}) before.new_words.insert(before.new_words.end(), side->begin(), side->end());
      segs.erase(segs.begin() + static_cast<long>(k), segs.begin() + static_cast<long>(k) + 2);
      changed = true;
      break;
    }
  }
}

bool is_word_char(char32_t cp) {
  if (cp == '-' || cp == 0x2010 || cp == 0x2011) return true;  // Finnish compounds: "-kurssien", "ilta-"
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

// Length in bytes of the common leading punctuation (no letters, digits or spaces) of a and b.
std::size_t common_punct_prefix(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size()) {
    std::size_t ia = i, ib = i;
    const char32_t ca = utf8::decode(a, ia), cb = utf8::decode(b, ib);
    if (ca != cb || ca == ' ' || is_word_char(ca)) break;
    i = ia;
  }
  return i;
}

std::size_t common_punct_suffix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size()) {
    std::size_t ia = a.size() - n - 1;
    while (ia > 0 && utf8::is_continuation(static_cast<unsigned char>(a[ia]))) --ia;
    const std::size_t width = a.size() - n - ia;
    if (width > b.size() - n || a.substr(ia, width) != b.substr(b.size() - n - width, width)) break;
    std::size_t i = ia;
    const char32_t c = utf8::decode(a, i);
    if (c == ' ' || is_word_char(c)) break;
    n += width;
  }
  return n;
}

// "hoitajaksot." -> "hoitojaksot.": the full stop did not change, so it is shown outside the change.
std::vector<Segment> split_punctuation(std::vector<Segment> segs) {
  std::vector<Segment> out;
  for (auto& s : segs) {
    if (s.equal || s.old_words.empty() || s.new_words.empty()) {
      out.push_back(std::move(s));
      continue;
    }
    std::string o = join(s.old_words), n = join(s.new_words);
    const std::size_t pre = common_punct_prefix(o, n);
    const std::size_t suf = pre < std::min(o.size(), n.size()) ? common_punct_suffix(o.substr(pre), n.substr(pre)) : 0;
    // Only when both sides keep some text: "a." -> "." stays one change.
    const bool keeps_both = pre + suf < o.size() && pre + suf < n.size();
    if ((pre == 0 && suf == 0) || !keeps_both) {
      out.push_back(std::move(s));
      continue;
    }
    const bool attached = s.attached;
    if (pre > 0) out.push_back(Segment{true, {}, {}, attached, o.substr(0, pre), o.substr(0, pre)});
    Segment mid{false, {}, {}, pre > 0 || attached, o.substr(pre, o.size() - pre - suf), n.substr(pre, n.size() - pre - suf)};
    out.push_back(std::move(mid));
    if (suf > 0) out.push_back(Segment{true, {}, {}, true, o.substr(o.size() - suf), o.substr(o.size() - suf)});
  }
  return out;
}

std::string old_text_of(const Segment& s) { return s.old_words.empty() ? s.old_extra : join(s.old_words); }
std::string new_text_of(const Segment& s) { return s.new_words.empty() ? s.new_extra : join(s.new_words); }

// Lays the segments out as pieces so that the equal and removed pieces spell the old text and the equal and
// added pieces the new one; a space both texts have goes into an equal piece, one only a side has into that
// side's piece.
std::vector<Piece> to_pieces(const std::vector<Segment>& segs) {
  std::vector<Piece> pieces;
  bool old_started = false, new_started = false;
  for (const auto& s : segs) {
    const std::string o = old_text_of(s), n = new_text_of(s);
    const bool old_space = old_started && !o.empty() && !s.attached;
    const bool new_space = new_started && !n.empty() && !s.attached;
    if (s.equal) {
      // Both sides have text here; a space only one side needs belongs to the change before.
      if (old_space && new_space) pieces.push_back({PieceKind::equal, " " + o});
      else {
        if (old_space) pieces.push_back({PieceKind::removed, " "});
        if (new_space) pieces.push_back({PieceKind::added, " "});
        pieces.push_back({PieceKind::equal, o});
      }
    } else {
      if (old_space && new_space) pieces.push_back({PieceKind::equal, " "});
      if (!o.empty()) pieces.push_back({PieceKind::removed, (old_space && !new_space ? " " : "") + o});
      if (!n.empty()) pieces.push_back({PieceKind::added, (new_space && !old_space ? " " : "") + n});
    }
    old_started = old_started || !o.empty();
    new_started = new_started || !n.empty();
  }
  // Merge neighbours of one kind; within a change, removed before added.
  std::vector<Piece> merged;
  for (auto& p : pieces) {
    if (p.text.empty()) continue;
    if (!merged.empty() && merged.back().kind == p.kind) merged.back().text += p.text;
    else if (merged.size() >= 2 && p.kind == PieceKind::removed && merged.back().kind == PieceKind::added &&
             merged[merged.size() - 2].kind == PieceKind::removed)
      merged[merged.size() - 2].text += p.text;
    else merged.push_back(std::move(p));
  }
  return merged;
}

std::string_view trim_spaces(std::string_view s, std::string_view* lead = nullptr, std::string_view* trail = nullptr) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) {
    if (lead) *lead = s;
    if (trail) *trail = {};
    return {};
  }
  const auto e = s.find_last_not_of(' ') + 1;
  if (lead) *lead = s.substr(0, b);
  if (trail) *trail = s.substr(e);
  return s.substr(b, e - b);
}

}  // namespace

WordDiff diff_words(std::string_view old_text, std::string_view new_text) {
  const std::string o = text::normalize(old_text), n = text::normalize(new_text);
  const auto a = split_words(o), b = split_words(n);
  auto segs = align(a, b);
  absorb_small_equalities(segs);
  return WordDiff{to_pieces(split_punctuation(std::move(segs)))};
}

bool WordDiff::same() const {
  for (const auto& p : pieces)
    if (p.kind != PieceKind::equal) return false;
  return true;
}

std::vector<Edit> WordDiff::edits() const {
  std::vector<Edit> out;
  bool open = false;
  for (const auto& p : pieces) {
    if (p.kind == PieceKind::equal) {
      open = false;
      continue;
    }
    if (!open) out.emplace_back();
    open = true;
    (p.kind == PieceKind::removed ? out.back().old_text : out.back().new_text) += std::string(trim_spaces(p.text));
  }
  return out;
}

std::string WordDiff::inline_text() const {
  std::string s;
  for (const auto& p : pieces) {
    if (p.kind == PieceKind::equal) {
      s += p.text;
      continue;
    }
    std::string_view lead, trail;
    const auto core = trim_spaces(p.text, &lead, &trail);
    s.append(lead);
    if (!core.empty()) s += (p.kind == PieceKind::removed ? "[-" : "{+") + std::string(core) + (p.kind == PieceKind::removed ? "-]" : "+}");
    s.append(trail);
  }
  return s;
}

}  // namespace planlint::diff
