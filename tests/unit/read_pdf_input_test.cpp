// The PDF reader on bad input: each a clear InputError (or, for damage poppler can read around, a partial
// document), never a crash; and a 500-page PDF read in bounded time.
#include <catch2/catch.hpp>

#include <chrono>

#include "model/error.hpp"
#include "read/pdf_reader.hpp"
#include "read_pdf_support.hpp"

using namespace planlint::test::pdf;
using planlint::InputError;
using planlint::read::read_pdf;

namespace {

// The message of the InputError that reading `bytes` throws; "" when it does not throw.
std::string error_of(const std::string& bytes, const std::string& name = "plan.pdf") {
  try {
    read_pdf(bytes, name, without_voikko());
  } catch (const InputError& e) {
    CHECK(e.file() == name);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("pdf: not a PDF is an error that says so", "[pdf][input]") {
  CHECK(error_of("TAVOITE 1. Otsikko\n") == "not a PDF: it does not start with '%PDF-'");
  CHECK(error_of("") == "not a PDF: it does not start with '%PDF-'");
  CHECK(error_of("PK\x03\x04 a zip") == "not a PDF: it does not start with '%PDF-'");
}

TEST_CASE("pdf: an encrypted PDF that needs a password is an error that says what to do", "[pdf][input]") {
  const std::string message = error_of(fixture("encrypted-open-password.pdf"));
  CHECK(message.starts_with("encrypted PDF: "));
  CHECK(message.find("without a password") != std::string::npos);
}

TEST_CASE("pdf: an encrypted PDF that opens without a password (permissions only) is read", "[pdf][input]") {
  const auto d = read_pdf(fixture("encrypted-permissions-only.pdf"), "perm.pdf", without_voikko());
  CHECK(!tables(d).empty());
  CHECK(!paragraphs(d).empty());
  CHECK(paragraphs(d).front()->text == "Työikäisten hyvinvointisuunnitelma 2022-2025");
}

TEST_CASE("pdf: a PDF without a text layer (an image) says to run OCR", "[pdf][input]") {
  CHECK(error_of(fixture("image-only.pdf")).starts_with("PDF without a text layer (scanned?): run OCR first"));
}

TEST_CASE("pdf: a truncated PDF is an error or what can be read of it - never a crash", "[pdf][input]") {
  const std::string whole = fixture("lo-untagged.pdf");
  for (const std::size_t keep : {std::size_t{10}, std::size_t{400}, whole.size() / 3, whole.size() / 2, whole.size() - 200}) {
    INFO("first " << keep << " bytes");
    try {
      const auto d = read_pdf(whole.substr(0, keep), "cut.pdf", without_voikko());
      CHECK(body_rows(d).size() <= plan_rows().size());
    } catch (const InputError& e) {
      const std::string m = e.what();
      CHECK((m.starts_with("damaged or truncated PDF") || m.starts_with("PDF without a text layer") ||
             m.starts_with("truncated PDF")));
    }
  }
}

TEST_CASE("pdf: a PDF whose text streams are broken is an error or a partial document - never a crash", "[pdf][input]") {
  const std::string whole = fixture("lo-untagged.pdf");
  // Garbage over every stream's first bytes: the compressed page contents no longer inflate.
  std::string broken = whole;
  int streams = 0;
  for (std::size_t at = broken.find("stream\n"); at != std::string::npos; at = broken.find("stream\n", at + 1)) {
    for (std::size_t i = at + 7; i < std::min(at + 40, broken.size()); ++i) broken[i] = static_cast<char>(0x5A ^ i);
    ++streams;
  }
  REQUIRE(streams > 5);
  try {
    const auto d = read_pdf(broken, "broken.pdf", without_voikko());
    CHECK(body_rows(d).size() < plan_rows().size());
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).starts_with("PDF without a text layer"));
  }
}

TEST_CASE("pdf: 500 pages are read in bounded time with every page's table with it", "[pdf][input]") {
  const std::string bytes = fixture("pages-500.pdf");
  const auto start = std::chrono::steady_clock::now();
  const auto d = read_pdf(bytes, "pages-500.pdf", without_voikko());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(tables(d).size() == 500);
  const auto rows = body_rows(d);
  REQUIRE(rows.size() == 500);
  const auto plan = plan_rows();
  for (std::size_t i = 0; i < rows.size(); i += 37) {
    INFO("page " << i + 1);
    CHECK(rows[i] == plan[i % plan.size()]);
  }
  CHECK(tables(d).back()->rows.back().cells.front().where.page == 500);
  CHECK(seconds < 30);  // about a second in a release build; generous for sanitizer builds
}
