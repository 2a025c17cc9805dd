#pragma once
// The .docx reader: a Word document (word/document.xml with styles.xml, numbering.xml and comments.xml)
// read into structured::Document, exactly as Word shows it with tracked changes accepted.
//
// Choices where Word's model and the plan's differ:
// - A numbered paragraph gets its label in front of its text ("TAVOITE 1. Title", "2.3 Text"). It is a list
//   item only when the label is a bare number ("1.", "a)", "2.3") and its style is not a heading; a label
//   with words ("TAVOITE %1.") is read as part of the paragraph, as if typed. A bulleted paragraph is a list
//   item (`list_level` = w:ilvl) and its bullet is not part of the text.
// - Text boxes (w:txbxContent) are read after the paragraph that anchors them, as paragraphs and tables of
//   their own (in a table cell: into the cell's text), so that no text of the document goes unread.
// - Spaces an author typed are kept; a tab or line break becomes one space, never a second one beside a
//   space; a paragraph's leading and trailing white space is dropped.
// - Changes to a paragraph mark (paragraphs joined or split) are not recorded; the runs' changes are.
#include <string>
#include <string_view>

#include "read/structured.hpp"

namespace planlint::read {

// Throws InputError(name, message) when `bytes` are not a readable .docx (not a zip, no
// word/document.xml, an encrypted or corrupt part, malformed XML, past the zip and XML limits).
structured::Document read_docx(std::string_view bytes, const std::string& name);

}  // namespace planlint::read
