#pragma once
// What the PDF reader's tests share: the fixtures (tests/fixtures/documents/pdf-unit, made by its
// make_pdf_unit.sh), the bundled plan's measure rows, and a look at the read document.
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "read/pdf_reader.hpp"
#include "read/structured.hpp"
#include "support/run.hpp"

namespace planlint::test::pdf {

inline std::string fixture(const std::string& name) {
  return slurp(std::string(PLANLINT_SOURCE_DIR) + "/tests/fixtures/documents/pdf-unit/" + name);
}

// (measure, indicator) of every row of the bundled plan's goal tables, in order.
inline std::vector<std::pair<std::string, std::string>> plan_rows() {
  const std::string text = slurp(std::string(PLANLINT_SOURCE_DIR) + "/samples/tyoikaiset-2022-2025-luonnos.txt");
  std::vector<std::pair<std::string, std::string>> rows;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || line.starts_with("Toimenpide")) continue;
    rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return rows;
}

inline std::vector<const read::structured::Table*> tables(const read::structured::Document& d) {
  std::vector<const read::structured::Table*> out;
  for (const auto& b : d.blocks) {
    if (const auto* t = std::get_if<read::structured::Table>(&b)) out.push_back(t);
  }
  return out;
}

inline std::vector<const read::structured::Paragraph*> paragraphs(const read::structured::Document& d) {
  std::vector<const read::structured::Paragraph*> out;
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<read::structured::Paragraph>(&b)) out.push_back(p);
  }
  return out;
}

// The rows of the goal tables below their header rows, as (first cell, second cell).
inline std::vector<std::pair<std::string, std::string>> body_rows(const read::structured::Document& d) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto* t : tables(d)) {
    for (std::size_t r = 1; r < t->rows.size(); ++r) {
      const auto& cells = t->rows[r].cells;
      rows.emplace_back(cells.empty() ? "" : cells[0].text, cells.size() < 2 ? "" : cells[1].text);
    }
  }
  return rows;
}

// Options that leave Voikko out, so that a test does not depend on it being installed.
inline read::PdfOptions without_voikko() {
  read::PdfOptions o;
  o.use_voikko = false;
  return o;
}

}  // namespace planlint::test::pdf
