#pragma once
// Reading the unit fixtures of tests/fixtures/documents/unit with the .docx and .odt readers, and finding
// what they produced.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "read/structured.hpp"
#include "support/run.hpp"

namespace planlint::test {

inline std::string unit_document(const std::string& file) {
  return slurp(source_path("tests/fixtures/documents/unit/" + file));
}

inline std::vector<read::structured::Paragraph> paragraphs(const read::structured::Document& doc) {
  std::vector<read::structured::Paragraph> out;
  for (const auto& b : doc.blocks) {
    if (const auto* p = std::get_if<read::structured::Paragraph>(&b)) out.push_back(*p);
  }
  return out;
}

inline std::vector<read::structured::Table> tables(const read::structured::Document& doc) {
  std::vector<read::structured::Table> out;
  for (const auto& b : doc.blocks) {
    if (const auto* t = std::get_if<read::structured::Table>(&b)) out.push_back(*t);
  }
  return out;
}

// The paragraph whose text is `text` (a test failure if there is none).
inline read::structured::Paragraph paragraph(const read::structured::Document& doc, const std::string& text) {
  for (const auto& p : paragraphs(doc)) {
    if (p.text == text) return p;
  }
  std::string all;
  for (const auto& p : paragraphs(doc)) all += "\n  '" + p.text + "'";
  FAIL("no paragraph '" << text << "' among:" << all);
  return {};
}

inline std::vector<std::string> cell_texts(const read::structured::Row& row) {
  std::vector<std::string> out;
  for (const auto& c : row.cells) out.push_back(c.text);
  return out;
}

}  // namespace planlint::test
