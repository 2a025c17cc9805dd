#pragma once
// PDF plans (issue 15): a tagged PDF is read from its structure tree (pdf_tagged.hpp), an untagged one
// from the positions of its words (pdf_layout.hpp). Either way the result is the document's paragraphs,
// list items and tables (structured.hpp), every block with its page.
#include <string>
#include <string_view>

#include "read/pdf_text.hpp"
#include "read/structured.hpp"

namespace planlint::read {

struct PdfOptions {
  // Decides line-end hyphens of an untagged PDF ("hyvin-" / "vointia"). Unset: Voikko when it is
  // installed (a hyphen is then dropped only where the joined word is Finnish), else hyphens are kept.
  pdf::IsWord is_word;
  bool use_voikko = true;  // false: no Voikko (tests that must not depend on it)
  bool use_structure_tree = true;  // false: the layout path even for a tagged PDF
};

// Throws planlint::InputError(name, message): not a PDF, damaged or truncated, encrypted (with a password
// to open it), no text layer (scanned).
structured::Document read_pdf(std::string_view bytes, const std::string& name);
structured::Document read_pdf(std::string_view bytes, const std::string& name, const PdfOptions& options);

}  // namespace planlint::read
