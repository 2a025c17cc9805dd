#pragma once
// The .odt reader: an OpenDocument text (content.xml, with styles.xml for list and outline styles) read
// into structured::Document, as LibreOffice shows it with tracked changes accepted.
//
// Choices, as in the .docx reader (docx_reader.hpp): a numbered paragraph's label ("TAVOITE 1.", "3.a)")
// goes in front of its text, and the paragraph is a list item only when the label is a bare number; a
// bulleted paragraph is a list item without its bullet; text boxes (draw:text-box) are read after the
// paragraph that anchors them; a label LibreOffice wrote (text:number) is taken as written, otherwise it
// is computed from the list style (num-prefix, num-format, num-suffix, display-levels, LibreOffice's
// num-list-format) and the list's counters (start-value, continue-numbering, continue-list).
// ODF keeps deleted text out of the body (in text:tracked-changes), so the body already reads as
// accepted; each changed region is recorded where its mark is. Annotations are comments, not text.
#include <string>
#include <string_view>

#include "read/structured.hpp"

namespace planlint::read {

// Throws InputError(name, message) when `bytes` are not a readable .odt (not a zip, another OpenDocument
// type, no content.xml, a corrupt part, malformed XML, past the zip, XML and table limits).
structured::Document read_odt(std::string_view bytes, const std::string& name);

}  // namespace planlint::read
