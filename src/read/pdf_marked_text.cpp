#include "read/pdf_marked_text.hpp"

#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>

#include <algorithm>
#include <cmath>

#include "text/utf8_encode.hpp"

namespace planlint::read::pdf {
namespace {

// Collects the characters drawn inside marked content with an MCID, for every MCID of the page at once.
// The bounds and soft-hyphen rules are MarkedContentOutputDev's (poppler 22.12); unlike it, the text
// keeps the spaces and line breaks that the characters' places show (append).
class McidCollector : public OutputDev {
 public:
  explicit McidCollector(std::unordered_map<int, std::string>& out) : out_(out) {}

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return false; }
  bool needCharCount() override { return false; }

  void startPage(int, GfxState* state, XRef*) override {
    width_ = state ? state->getPageWidth() : 0;
    height_ = state ? state->getPageHeight() : 0;
  }
  void beginForm(Ref) override { ++forms_; }
  void endForm(Ref) override {
    if (forms_ > 0) --forms_;
  }

  // Every BDC/BMC is pushed (-1 without an MCID), so that its EMC closes it and not an enclosing MCID.
  void beginMarkedContent(const char*, Dict* properties) override {
    int id = -1;
    if (properties && forms_ == 0) properties->lookupInt("MCID", nullptr, &id);
    stack_.push_back(id);
  }
  void endMarkedContent(GfxState*) override {
    if (!stack_.empty()) stack_.pop_back();
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double, double, CharCode code, int,
                const Unicode* u, int u_len) override {
    if (u_len <= 0 || !inside_mcid()) return;
    // As MarkedContentOutputDev: the advance without character and word spacing, and only characters
    // that fall on the page.
    double spacing = state->getCharSpace();
    if (code == static_cast<CharCode>(0x20)) spacing += state->getWordSpace();
    double sx = 0, sy = 0, w = 0, h = 0, px = 0, py = 0;
    state->textTransformDelta(spacing * state->getHorizScaling(), 0, &sx, &sy);
    state->transformDelta(dx - sx, dy - sy, &w, &h);
    state->transform(x, y, &px, &py);
    if (px + w < 0 || px > width_ || py + h < 0 || py > height_) return;
    if (std::isnan(px) || std::isnan(py) || std::isnan(w) || std::isnan(h)) return;
    std::string text;
    for (int i = 0; i < u_len; ++i) {
      const Unicode c = u[i];
      if (c == 0x00AD || c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) continue;
      text += utf8::encode(static_cast<char32_t>(c));
    }
    if (text.empty()) return;
    const Glyph glyph{px, py, w, h, state->getTransformedFontSize()};
    // Nested marked content belongs to every MCID around it, as poppler reads each of them.
    for (std::size_t k = 0; k < stack_.size(); ++k) {
      const int id = stack_[k];
      if (id < 0 || std::find(stack_.begin(), stack_.begin() + static_cast<std::ptrdiff_t>(k), id) != stack_.begin() + static_cast<std::ptrdiff_t>(k)) continue;
      append(id, text, glyph);
    }
  }

 private:
  bool inside_mcid() const {
    return std::any_of(stack_.begin(), stack_.end(), [](int id) { return id >= 0; });
  }

  // Where a character stands on the page (device space: y grows downwards) and how far it advances.
  struct Glyph {
    double x, y, advance_x, advance_y, size;
  };

  // Appends a character's text to an MCID's, with what its place says lies between it and the one
  // before: a line break ('\n', where the baseline moved by half a line or more) or a space (a gap of a
  // tenth of the font size or more, poppler's TextOutputDev's word break). Producers that draw no space
  // glyphs (Chromium) space their words by position only; a drawn space is never doubled.
  void append(int id, const std::string& text, const Glyph& g) {
    std::string& out = out_[id];
    auto [it, first] = last_.try_emplace(id, g);
    const Glyph before = it->second;
    it->second = g;
    if (first || out.empty() || std::abs(g.advance_y) > std::abs(g.advance_x)) {  // vertical text: no guess
      out += text;
      return;
    }
    const double size = std::max(before.size, g.size);
    const bool spaced = out.back() == ' ' || out.back() == '\n' || text.front() == ' ';
    if (std::abs(g.y - before.y) >= 0.5 * size) {
      out += '\n';
    } else if (!spaced && g.x - (before.x + before.advance_x) >= 0.1 * size) {
      out += ' ';
    }
    out += text;
  }

  std::unordered_map<int, std::string>& out_;
  std::unordered_map<int, Glyph> last_;  // each MCID's last character
  std::vector<int> stack_;
  int forms_ = 0;
  double width_ = 0, height_ = 0;
};

}  // namespace

MarkedText::MarkedText(PDFDoc& doc) : doc_(doc), pages_(static_cast<std::size_t>(std::max(0, doc.getNumPages()))) {}

MarkedText::~MarkedText() = default;

const MarkedText::ByMcid& MarkedText::page_text(int page) {
  std::unique_ptr<ByMcid>& slot = pages_[static_cast<std::size_t>(page - 1)];
  if (!slot) {
    slot = std::make_unique<ByMcid>();
    McidCollector collector(*slot);
    // The parameters poppler's StructElement uses: 72 dpi, media box, not cropped, not printing.
    doc_.displayPage(&collector, page, 72.0, 72.0, 0, true, false, false);
  }
  return *slot;
}

const std::string& MarkedText::text(int page, int mcid) {
  if (page >= 1 && page <= static_cast<int>(pages_.size())) {
    const ByMcid& texts = page_text(page);
    const auto it = texts.find(mcid);
    return it == texts.end() ? empty_ : it->second;
  }
  if (page != 0) return empty_;
  const auto [it, fresh] = anywhere_.try_emplace(mcid);
  if (fresh) {
    for (int p = 1; p <= static_cast<int>(pages_.size()); ++p) {
      const ByMcid& texts = page_text(p);
      if (const auto found = texts.find(mcid); found != texts.end()) it->second += found->second;
    }
  }
  return it->second;
}

}  // namespace planlint::read::pdf
