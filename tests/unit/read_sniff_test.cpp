// Telling documents by their content (read/sniff.hpp): what planlint reads, and for anything else a
// message that names what the file is and what to do.
#include <catch2/catch.hpp>

#include "model/error.hpp"
#include "read/sniff.hpp"

using namespace planlint;
using namespace planlint::read;
using namespace std::string_literals;

namespace {

std::string refusal(const std::string& bytes, const std::string& name = "x") {
  try {
    sniff_content(bytes, name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "read";
}

// The start of a zip archive whose first member is `name` with stored content `content`.
std::string zip_with(const std::string& name, const std::string& content) {
  std::string local = "PK\x03\x04"s + std::string(26, '\0');  // the fixed 30 bytes; the name's length at 26
  local[26] = static_cast<char>(name.size());
  return local + name + content;
}

}  // namespace

TEST_CASE("a zip holding word/document.xml is a .docx whatever its name", "[read][sniff]") {
  CHECK(sniff_content(zip_with("[Content_Types].xml", "<Types/>") + "word/document.xml", "plan.doc") == ContentKind::docx);
}

TEST_CASE("a zip whose mimetype is OpenDocument text is an .odt", "[read][sniff]") {
  CHECK(sniff_content(zip_with("mimetype", "application/vnd.oasis.opendocument.text"), "plan.zip") == ContentKind::odt);
  CHECK(refusal(zip_with("mimetype", "application/vnd.oasis.opendocument.spreadsheet")).starts_with("OpenDocument spreadsheet file"));
}

TEST_CASE("a PDF header within the first 1024 bytes is a PDF", "[read][sniff]") {
  CHECK(sniff_content("%PDF-1.7\n", "plan.txt") == ContentKind::pdf);
  CHECK(sniff_content(std::string(100, ' ') + "%PDF-1.4", "p") == ContentKind::pdf);
}

TEST_CASE("other binary files are named with what to do", "[read][sniff]") {
  CHECK(refusal("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s + std::string(20, '\0')).find("save it as .docx") != std::string::npos);
  CHECK(refusal("\x89PNG\r\n\x1A\n"s) == "PNG image: not a plan document");
  CHECK(refusal("II*\0rest"s).starts_with("TIFF image"));
  CHECK(refusal("{\\rtf1\\ansi") == "RTF document: save it as .docx or .odt");
  CHECK(refusal(zip_with("xl/workbook.xml", "")).starts_with("Excel workbook"));
  CHECK(refusal(zip_with("a.txt", "hello")).starts_with("zip archive, not a document planlint reads"));
}

TEST_CASE("text stays text even when it is not valid UTF-8", "[read][sniff]") {
  CHECK(sniff_content("TAVOITE 1. Otsikko\n", "d.txt") == ContentKind::text);
  CHECK(sniff_content("caf\xE9\n", "d.txt") == ContentKind::text);  // Latin-1: the text loader says where
}
