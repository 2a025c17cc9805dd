#include "read/docx_styles.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "read/docx_odt_text.hpp"
#include "read/xml_limits.hpp"

namespace planlint::read::docx {

const char* child_val(const pugi::xml_node& node, const char* local) {
  const pugi::xml_node c = child(node, local);
  return c ? attribute(c, "val") : nullptr;
}

int to_int(const char* text, int fallback, long lo, long hi) {
  if (text == nullptr) return fallback;
  char* end = nullptr;
  const long v = std::strtol(text, &end, 10);
  if (end == text || v < lo || v > hi) return fallback;
  return static_cast<int>(v);
}

namespace {



std::optional<NumberingRef> numbering_of(const pugi::xml_node& ppr) {
  const pugi::xml_node numpr = child(ppr, "numPr");
  if (!numpr) return std::nullopt;
  NumberingRef ref;
  ref.num_id = to_int(child_val(numpr, "numId"), 0);
  ref.level = std::clamp(to_int(child_val(numpr, "ilvl"), 0), 0, 8);
  return ref;
}

// "heading 2", "Otsikko 2"… → 2; 0 for other names.
int heading_from_name(std::string_view name) {
  static constexpr std::string_view prefixes[] = {"heading ", "otsikko ", "rubrik ", "überschrift ", "titre "};
  std::string lower;
  for (const char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string_view p : prefixes) {
    if (lower.size() == p.size() + 1 && lower.compare(0, p.size(), p) == 0 && lower.back() >= '1' && lower.back() <= '9') {
      return lower.back() - '0';
    }
  }
  return 0;
}

// a…z, then aa…zz, as Word counts letters.
std::string letters(int n, bool upper) {
  if (n < 1) return std::to_string(n);
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<std::size_t>(std::min((n - 1) / 26 + 1, 64)), letter);
}

std::string format_number(int n, const std::string& format) {
  if (format == "lowerLetter") return letters(n, false);
  if (format == "upperLetter") return letters(n, true);
  if (format == "lowerRoman") return n > 0 ? roman_numeral(n, false) : std::to_string(n);
  if (format == "upperRoman") return n > 0 ? roman_numeral(n, true) : std::to_string(n);
  if (format == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if (format == "none") return "";
  return std::to_string(n);  // decimal and the formats planlint does not spell out
}

bool has_letters(std::string_view text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || u >= 0x80) return true;
  }
  return false;
}

}  // namespace

void Styles::load(const pugi::xml_node& root) {
  for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
    if (s.type() != pugi::node_element || !is(s, "style")) continue;
    const char* type = attribute(s, "type");
    if (type != nullptr && std::strcmp(type, "paragraph") != 0) continue;
    const char* id = attribute(s, "styleId");
    if (id == nullptr) continue;
    Style style;
    if (const char* name = child_val(s, "name")) style.name = name;
    if (const char* based = child_val(s, "basedOn")) style.based_on = based;
    if (const pugi::xml_node ppr = child(s, "pPr")) {
      style.outline_level = to_int(child_val(ppr, "outlineLvl"), -1);
      style.numbering = numbering_of(ppr);
    }
    const char* is_default = attribute(s, "default");
    if (is_default != nullptr && (std::strcmp(is_default, "1") == 0 || std::strcmp(is_default, "true") == 0)) {
      default_paragraph_ = id;
    }
    styles_.emplace(id, std::move(style));
  }
}

const Styles::Style* Styles::find(const std::string& id) const {
  const auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int Styles::heading_level(const std::string& style_id) const {
  const Style* s = find(style_id.empty() ? default_paragraph_ : style_id);
  for (int hops = 0; s != nullptr && hops < 32; ++hops) {  // a basedOn cycle ends here
    if (s->outline_level >= 0 && s->outline_level <= 8) return s->outline_level + 1;
    if (s->outline_level == 9) return 0;  // explicitly body text
    if (const int level = heading_from_name(s->name)) return level;
    s = s->based_on.empty() ? nullptr : find(s->based_on);
  }
  return 0;
}

std::optional<NumberingRef> Styles::numbering(const std::string& style_id) const {
  const Style* s = find(style_id.empty() ? default_paragraph_ : style_id);
  for (int hops = 0; s != nullptr && hops < 32; ++hops) {
    if (s->numbering) return s->numbering;
    s = s->based_on.empty() ? nullptr : find(s->based_on);
  }
  return std::nullopt;
}

namespace {

template <typename Level>
void read_level(const pugi::xml_node& lvl, Level& level) {
  level.defined = true;
  if (const char* f = child_val(lvl, "numFmt")) level.format = f;
  if (const char* t = child_val(lvl, "lvlText")) level.text = t;
  level.start = to_int(child_val(lvl, "start"), level.start);
}

}  // namespace

void Numbering::load(const pugi::xml_node& root) {
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    if (is(n, "abstractNum")) {
      Levels& levels = abstracts_[to_int(attribute(n, "abstractNumId"), -1)];
      for (pugi::xml_node lvl = n.first_child(); lvl; lvl = lvl.next_sibling()) {
        if (lvl.type() != pugi::node_element || !is(lvl, "lvl")) continue;
        const int i = to_int(attribute(lvl, "ilvl"), -1);
        if (i >= 0 && i <= 8) read_level(lvl, levels[static_cast<std::size_t>(i)]);
      }
    } else if (is(n, "num")) {
      Num& num = nums_[to_int(attribute(n, "numId"), -1)];
      num.abstract_id = to_int(child_val(n, "abstractNumId"), -1);
      for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling()) {
        if (o.type() != pugi::node_element || !is(o, "lvlOverride")) continue;
        const int i = to_int(attribute(o, "ilvl"), -1);
        if (i < 0 || i > 8) continue;
        if (const char* start = child_val(o, "startOverride")) num.start_override[i] = to_int(start, 1);
        if (const pugi::xml_node lvl = child(o, "lvl")) read_level(lvl, num.level_override[i]);
      }
    }
  }
}

std::optional<Label> Numbering::next(const NumberingRef& ref) {
  const auto num_it = nums_.find(ref.num_id);
  if (ref.num_id == 0 || num_it == nums_.end()) return std::nullopt;
  const Num& num = num_it->second;
  const auto abstract_it = abstracts_.find(num.abstract_id);
  if (abstract_it == abstracts_.end()) return std::nullopt;
  Levels levels = abstract_it->second;
  for (const auto& [i, level] : num.level_override) levels[static_cast<std::size_t>(i)] = level;
  for (const auto& [i, start] : num.start_override) levels[static_cast<std::size_t>(i)].start = start;
  const bool own_counters = !num.start_override.empty() || !num.level_override.empty();
  Counters& counters = counters_[own_counters ? -1 - ref.num_id : num.abstract_id];

  const auto at = static_cast<std::size_t>(ref.level);
  counters.value[at] = counters.set[at] ? counters.value[at] + 1 : levels[at].start;
  counters.set[at] = true;
  for (std::size_t deeper = at + 1; deeper < counters.set.size(); ++deeper) counters.set[deeper] = false;

  const Level& level = levels[at];
  Label label;
  label.bullet = level.format == "bullet";
  std::string skeleton;  // lvlText without its placeholders: are there words in the label?
  const std::string& text = level.text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const auto which = static_cast<std::size_t>(text[i + 1] - '1');
      const int value = counters.set[which] ? counters.value[which] : levels[which].start;
      if (!label.bullet) label.text += format_number(value, levels[which].format);
      ++i;
      continue;
    }
    label.text += text[i];
    skeleton += text[i];
  }
  label.enumerative = !label.bullet && !has_letters(skeleton);
  if (label.text.empty() && !label.bullet) return std::nullopt;
  return label;
}

}  // namespace planlint::read::docx
