#pragma once
// What a file is, by its content rather than its name: a plan in text, a Word (.docx) or OpenDocument
// (.odt) document, a PDF — or something planlint cannot read, which gets a message that names what it is
// and what to do ("Word 97–2003 .doc: save it as .docx"). A name can lie (a .txt that is a PDF, a
// .docx renamed .doc); the bytes do not.
#include <string>
#include <string_view>

namespace planlint::read {

enum class ContentKind { text, docx, odt, pdf };

// The kind of `bytes`. Throws InputError naming `name` for content that is none of them: another binary
// format, a zip that is not a text document, a spreadsheet, an image. Text that is not valid UTF-8 is
// still `text`: the text loader says what is wrong with it, at its line and column.
ContentKind sniff_content(std::string_view bytes, const std::string& name);

const char* to_string(ContentKind kind);

}  // namespace planlint::read
