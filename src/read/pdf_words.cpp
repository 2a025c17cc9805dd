#include "read/pdf_words.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <mutex>

namespace planlint::read::pdf {

namespace {

void ignore_poppler_message(const std::string&, void*) {}

Word word_of(const poppler::text_box& box, std::uint32_t page) {
  const poppler::byte_array utf8 = box.text().to_utf8();
  const poppler::rectf r = box.bbox();
  Word w;
  w.text.assign(utf8.begin(), utf8.end());
  w.x0 = r.left();
  w.y0 = r.top();
  w.x1 = r.right();
  w.y1 = r.bottom();
  if (w.y1 < w.y0) std::swap(w.y0, w.y1);
  w.font_size = box.has_font_info() ? box.get_font_size() : 0.0;
  if (w.font_size <= 0) w.font_size = w.y1 - w.y0;  // a box is about as tall as its font
  w.space_after = box.has_space_after();
  w.page = page;
  if (box.has_font_info()) w.font = box.get_font_name();
  return w;
}

}  // namespace

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);
  });
}

std::vector<Page> page_words(const poppler::document& doc) {
  std::vector<Page> pages;
  const int n = doc.pages();
  pages.reserve(static_cast<std::size_t>(std::max(n, 0)));
  for (int i = 0; i < n; ++i) {
    const std::unique_ptr<poppler::page> p(doc.create_page(i));
    Page page;
    page.number = static_cast<std::uint32_t>(i + 1);
    if (!p) {  // a page object poppler could not build: no words, the others still count
      pages.push_back(std::move(page));
      continue;
    }
    const poppler::rectf box = p->page_rect(poppler::media_box);
    page.width = box.width();
    page.height = box.height();
    for (const poppler::text_box& b : p->text_list(poppler::page::text_list_include_font)) {
      Word w = word_of(b, page.number);
      if (!w.text.empty()) page.words.push_back(std::move(w));
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

std::size_t count_alnum(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      n += (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    } else if (c >= 0xC3 && c <= 0xDF) {
      ++n;  // a lead byte of a two-byte letter (Latin-1 letters and beyond): ä, ö, å, é …
    }
  }
  return n;
}

}  // namespace planlint::read::pdf
