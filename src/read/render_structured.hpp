#pragma once
// Turns a document read from .docx, .odt or PDF (read/structured.hpp) into plan text in the draft form —
// a paragraph a line, list items as "- item", table rows as tab-separated cells — with a DocumentMap from
// each piece of that text back to its paragraph or cell. The draft grammar (grammar/draft.hpp) then reads
// it as it reads a draft typed as text: headings, the overview list, claims and table headers have one
// definition whatever the format.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/document_map.hpp"
#include "read/structured.hpp"

namespace planlint::read {

// A tracked change the document still holds, at the place of the rendered text it falls in.
struct RenderedChange {
  std::uint32_t offset = 0;
  std::string description;  // e.g. `insertion "uusi" by Matti`
};

struct RenderedDocument {
  std::string text;
  std::shared_ptr<DocumentMap> map;
  std::vector<RenderedChange> changes;
};

// Comments whose text is a planlint directive become comment lines ("<!-- planlint-disable-next-line … -->")
// just before the line of the paragraph or row they are anchored to, so that they apply to it as a text
// directive does; other comments are the authors' and are left out.
RenderedDocument render_structured(const structured::Document& doc);

}  // namespace planlint::read
