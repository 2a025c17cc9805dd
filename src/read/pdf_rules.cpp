#include "read/pdf_rules.hpp"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <memory>

namespace planlint::read::pdf {

namespace {

// Grey levels below this are ink (a black border is 0; the page is 255).
constexpr unsigned char ink = 128;

void set_up(poppler::page_renderer& r) {
  // Without antialiasing a half-point border is a line of black pixels, not a grey smear over two.
  r.set_render_hint(poppler::page_renderer::antialiasing, false);
  r.set_render_hint(poppler::page_renderer::text_antialiasing, false);
  r.set_line_mode(poppler::page_renderer::line_solid);
  r.set_image_format(poppler::image::format_gray8);
}

bool inked(const poppler::image& im, int x, int y) {
  return static_cast<unsigned char>(im.const_data()[y * im.bytes_per_row() + x]) < ink;
}

// Whether some pixel column of the image is ink from its top row to its bottom one (or, `across`, some
// pixel row from its left to its right). Text does not do that: its letters have gaps.
bool has_full_line(const poppler::image& im, Rule rule) {
  const bool down = rule == Rule::down;
  const int lines = down ? im.width() : im.height();
  const int length = down ? im.height() : im.width();
  for (int i = 0; i < lines; ++i) {
    int k = 0;
    while (k < length && (down ? inked(im, i, k) : inked(im, k, i))) ++k;
    if (k == length) return true;
  }
  return false;
}

}  // namespace

FindRule ruling_lines(const poppler::document& doc) {
  return [&doc](std::uint32_t page, Rule rule, const Box& box) {
    if (page < 1 || static_cast<int>(page) > doc.pages()) return false;
    const std::unique_ptr<poppler::page> p(doc.create_page(static_cast<int>(page) - 1));
    if (!p) return false;
    // Whole pixels inside the box: a line through all of them runs through the box.
    const int x = static_cast<int>(std::ceil(box.left));
    const int y = static_cast<int>(std::ceil(box.top));
    const int w = static_cast<int>(std::floor(box.right)) - x;
    const int h = static_cast<int>(std::floor(box.bottom)) - y;
    if (w <= 0 || h <= 0) return false;
    poppler::page_renderer renderer;
    set_up(renderer);
    const poppler::image im = renderer.render_page(p.get(), 72.0, 72.0, x, y, w, h);
    return im.is_valid() && im.format() == poppler::image::format_gray8 && im.width() == w && im.height() == h &&
           has_full_line(im, rule);
  };
}

}  // namespace planlint::read::pdf
