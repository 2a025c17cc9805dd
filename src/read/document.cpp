#include "read/document.hpp"

#include <fmt/format.h>

#include "model/error.hpp"
#include "read/draft_reader.hpp"
#include "read/render_structured.hpp"
#include "read/sniff.hpp"
#include "read/structure_reader.hpp"

namespace planlint::read {
namespace {

// The document's structure, rendered into plan text that the draft grammar reads.
Document read_structured(ContentKind kind, std::string name, const std::string& bytes) {
  const structured::Document doc = read_structure(kind, bytes, name);
  RenderedDocument rendered = render_structured(doc);
  if (rendered.text.find_first_not_of(" \t\n") == std::string::npos) {
    throw InputError(name, fmt::format("no text in this {} document{}", to_string(kind),
                                       kind == ContentKind::pdf ? " (scanned? run OCR first)" : ""));
  }
  Source source = make_source(std::move(name), std::move(rendered.text));
  Plan plan = read_draft(source);
  plan.format = to_string(kind);
  plan.locations = std::move(rendered.map);
  for (const RenderedChange& c : rendered.changes) {
    const SourcePosition at = source.position_of(c.offset);
    plan.pending_changes.push_back({plan.text->keep(c.description), {at, at}});
  }
  return {std::move(source), std::move(plan)};
}

}  // namespace

Document read_document_bytes(std::string name, std::string bytes, InputFormat format) {
  const ContentKind kind = sniff_content(bytes, name);
  if (kind != ContentKind::text) {
    if (format == InputFormat::markdown) {
      throw InputError(name, fmt::format("this is a {} document, not Markdown text; leave --input-format out (auto)",
                                         to_string(kind)));
    }
    if (format != InputFormat::automatic && format != InputFormat::draft) {
      throw InputError(name, fmt::format("this is a {} document; --input-format names a reader of text extracted "
                                         "from PDF, which a {} file does not need: leave it out (auto)",
                                         to_string(kind), to_string(kind)));
    }
    return read_structured(kind, std::move(name), bytes);
  }
  Source source = make_source(std::move(name), std::move(bytes));
  Plan plan = read_plan(source, format);
  return {std::move(source), std::move(plan)};
}

Document read_document(const std::string& path, InputFormat format) {
  RawFile raw = load_raw(path);
  return read_document_bytes(std::move(raw.name), std::move(raw.bytes), format);
}

}  // namespace planlint::read
