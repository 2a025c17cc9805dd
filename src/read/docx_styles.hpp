#pragma once
// What a .docx paragraph's style and numbering say about it: word/styles.xml (heading levels through the
// basedOn chain, numbering a style carries) and word/numbering.xml (each list level's format, text and
// start, with the counters Word keeps as it numbers paragraphs in document order).
#include <pugixml.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>

namespace planlint::read::docx {

// The w:val of the child `local` of `node`, or nullptr.
const char* child_val(const pugi::xml_node& node, const char* local);

// A decimal attribute value within [lo, hi], or `fallback` when it is absent, not a number or out of range.
int to_int(const char* text, int fallback, long lo = -1000000, long hi = 1000000);

// A paragraph's numbering reference (w:numPr): numId 0 means "not numbered", even against its style.
struct NumberingRef {
  int num_id = 0;
  int level = 0;  // w:ilvl
};

class Styles {
 public:
  void load(const pugi::xml_node& styles_root);
  // The heading level (1..9) a paragraph style gives, 0 for none: w:outlineLvl (through basedOn), else a
  // name such as "heading 2", "Heading 2", "Otsikko 2", "Rubrik 2", "Überschrift 2".
  int heading_level(const std::string& style_id) const;
  // The numbering a paragraph style carries (List Bullet, List Number…), through basedOn.
  std::optional<NumberingRef> numbering(const std::string& style_id) const;
  // The style of a paragraph with no w:pStyle.
  const std::string& default_paragraph_style() const { return default_paragraph_; }

 private:
  struct Style {
    std::string name;
    std::string based_on;
    int outline_level = -1;  // w:outlineLvl (0 = level 1, 9 = body text); -1 unset
    std::optional<NumberingRef> numbering;
  };
  const Style* find(const std::string& id) const;
  std::map<std::string, Style> styles_;
  std::string default_paragraph_;
};

// A numbered paragraph's label as Word shows it.
struct Label {
  std::string text;          // "TAVOITE 1.", "2.3", "b)"; the bullet character for a bullet
  bool bullet = false;
  // The label is only a number with punctuation ("1.", "a)", "2.3"): the paragraph is a list item. A label
  // with words ("TAVOITE 1.") is part of what the paragraph says, as if typed.
  bool enumerative = false;
};

class Numbering {
 public:
  void load(const pugi::xml_node& numbering_root);
  // The label of the next paragraph numbered by `ref`, advancing the counters (document order).
  // nullopt when the numbering is unknown or shows nothing (numFmt "none" with no text).
  std::optional<Label> next(const NumberingRef& ref);

 private:
  struct Level {
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText, e.g. "%1.%2."
    int start = 1;
    bool defined = false;
  };
  using Levels = std::array<Level, 9>;
  struct Num {
    int abstract_id = -1;
    std::map<int, int> start_override;  // level → w:startOverride
    std::map<int, Level> level_override;
  };
  struct Counters {
    std::array<int, 9> value{};
    std::array<bool, 9> set{};
  };
  std::map<int, Levels> abstracts_;
  std::map<int, Num> nums_;
  // Word continues one list across w:num instances of the same abstract numbering, unless a w:num restarts
  // a level (w:startOverride): then that instance counts on its own. Keys: abstract id, or -1 - num id.
  std::map<int, Counters> counters_;
};

}  // namespace planlint::read::docx
