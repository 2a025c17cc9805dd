#pragma once
// The text of a tagged PDF's marked content, by MCID, from one pass over each page's content.
//
// Why not poppler's own StructElement::getText (or poppler-glib's, which calls it): it runs the whole
// page's content stream again for every piece of marked content — a paragraph line, a table cell — so
// that reading a tagged plan took 5 s per 100 pages (tests/bench/pdf_bench.cpp). This runs each page
// once, the first time one of its MCIDs is asked for, and keeps the text of all of them. What counts as
// an MCID's text is what poppler's MarkedContentOutputDev takes: the characters drawn inside its marked
// content (nested marked content too) on the page, in drawing order, soft hyphens (U+00AD) left out; and
// besides, where the characters' places show them, the spaces between words that the producer did not
// draw (Chromium) and the line breaks ('\n') inside one piece of marked content (Chromium tags a whole
// paragraph as one), which poppler's text loses.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

class PDFDoc;

namespace planlint::read::pdf {

class MarkedText {
 public:
  explicit MarkedText(PDFDoc& doc);
  ~MarkedText();
  MarkedText(const MarkedText&) = delete;
  MarkedText& operator=(const MarkedText&) = delete;

  // The text of marked content `mcid` in the content stream of `page` (1-based); with page 0 (the
  // structure tree does not say), its text on every page, in page order, as poppler does. Marked content
  // inside a form XObject is not looked at: the tree's MCIDs point into the page's own stream unless
  // they name a stream (/Stm), which LibreOffice's and Chromium's PDFs never do.
  const std::string& text(int page, int mcid);

 private:
  using ByMcid = std::unordered_map<int, std::string>;
  const ByMcid& page_text(int page);

  PDFDoc& doc_;
  std::vector<std::unique_ptr<ByMcid>> pages_;  // index page - 1; null until the page has been run
  std::unordered_map<int, std::string> anywhere_;  // page 0 requests
  const std::string empty_;
};

}  // namespace planlint::read::pdf
