// Hostile and broken .docx/.odt input: each ends in an InputError that says what is wrong (and names the
// limit it hit), in bounded time and memory; never a crash, a hang or a silent empty document.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <chrono>

#include "model/error.hpp"
#include "read/docx_reader.hpp"
#include "read/odt_reader.hpp"
#include "read/xml_limits.hpp"
#include "read/zip_archive.hpp"
#include "support/office_doc.hpp"

using namespace planlint;
using planlint::test::unit_document;
using Catch::Matchers::Contains;

namespace {

std::string docx_error(const std::string& file) {
  try {
    read::read_docx(unit_document(file), file);
  } catch (const InputError& e) {
    CHECK(e.file() == file);
    return e.what();
  }
  FAIL(file << " was read without an error");
  return "";
}

}  // namespace

TEST_CASE("hostile docx: a truncated archive", "[docx][hostile]") {
  CHECK_THAT(docx_error("hostile-truncated.docx"), Contains("truncated"));
}

TEST_CASE("hostile docx: not a zip archive - with a .docx name", "[docx][hostile]") {
  CHECK_THAT(docx_error("hostile-not-a-zip.docx"), Contains("not a zip archive"));
}

TEST_CASE("hostile docx: an encrypted entry is refused - not read as garbage", "[docx][hostile]") {
  const std::string message = docx_error("hostile-encrypted.docx");
  CHECK_THAT(message, Contains("word/document.xml") && Contains("encrypted"));
}

TEST_CASE("hostile docx: a zip archive without word/document.xml", "[docx][hostile]") {
  CHECK_THAT(docx_error("hostile-no-document.docx"), Contains("no word/document.xml"));
}

TEST_CASE("hostile docx: a zip bomb stops at the ratio limit while inflating", "[docx][hostile]") {
  const auto start = std::chrono::steady_clock::now();
  CHECK_THAT(docx_error("hostile-bomb.docx"), Contains("zip bomb") && Contains("200 times") && Contains("16 MiB"));
  // The same bomb whose headers claim 1,000 bytes: the limit holds on what comes out of the inflater.
  CHECK_THAT(docx_error("hostile-bomb-lying.docx"), Contains("zip bomb") || Contains("corrupt"));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
}

TEST_CASE("hostile docx: an entry past the size limit for one part", "[docx][hostile]") {
  const std::string bytes = unit_document("hostile-bomb.docx");
  read::ZipLimits limits;
  limits.max_entry_bytes = 1 << 20;
  read::ZipArchive zip(bytes, "bomb.docx", limits);
  CHECK_THROWS_WITH(zip.read("word/document.xml"), Contains("limit of 1 MiB for one part"));
}

TEST_CASE("hostile xml: pugixml does not expand DTD entities (billion laughs)", "[docx][hostile]") {
  const std::string bytes = unit_document("hostile-laughs.docx");
  read::ZipArchive zip(bytes, "laughs.docx");
  const auto xml = zip.read("word/document.xml");
  REQUIRE(xml);
  // pugixml itself, told to keep the DOCTYPE: the entity reference stays as it was written.
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_doctype));
  const std::string text = doc.document_element().first_element_by_path("w:body/w:p/w:r/w:t").text().get();
  CHECK(text == "&lol9;");
  // planlint refuses the part, naming the DOCTYPE.
  CHECK_THAT(docx_error("hostile-laughs.docx"), Contains("word/document.xml") && Contains("DOCTYPE"));
}

TEST_CASE("hostile xml: 10 000-deep element nesting is refused with the depth limit", "[docx][hostile]") {
  CHECK_THAT(docx_error("hostile-deep.docx"), Contains("nested more than 512 levels"));
}

TEST_CASE("hostile xml: malformed XML names the part - line - column and byte", "[docx][hostile]") {
  CHECK_THAT(docx_error("hostile-malformed.docx"),
             Contains("word/document.xml: malformed XML at line 3, column") && Contains("(byte"));
}

TEST_CASE("hostile docx: thousands of tiny paragraphs are read in bounded time", "[docx][hostile]") {
  const auto start = std::chrono::steady_clock::now();
  const auto doc = read::read_docx(unit_document("many-paragraphs.docx"), "many.docx");
  CHECK(doc.blocks.size() == 5000);
  CHECK(test::paragraph(doc, "p4999").where.paragraph == 5000);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
}

TEST_CASE("hostile odt: a .docx is not an .odt - and a million repeated rows are refused", "[odt][hostile]") {
  CHECK_THROWS_WITH(read::read_odt(unit_document("headings.docx"), "x.odt"), Contains("no content.xml"));
  CHECK_THROWS_WITH(read::read_odt(unit_document("hostile-repeated-rows.odt"), "rows.odt"),
                    Contains("table 1 has more than 200000 cells"));
  CHECK_THROWS_WITH(read::read_odt(unit_document("hostile-truncated.docx"), "t.odt"), Contains("truncated"));
}
