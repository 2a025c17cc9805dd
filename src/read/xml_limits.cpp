#include "read/xml_limits.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>

#include "model/error.hpp"

namespace planlint::read {

namespace {

struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

LineColumn line_column(const std::string& text, std::size_t offset) {
  LineColumn at;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;  // columns count characters, not UTF-8 continuation bytes
    }
  }
  return at;
}

// The deepest element nesting, walked without recursion (the tree may be arbitrarily deep).
std::size_t depth_exceeds(const pugi::xml_node& root, std::size_t max_depth) {
  std::size_t depth = 0;
  pugi::xml_node node = root.first_child();
  while (node) {
    if (node.first_child()) {
      node = node.first_child();
      if (++depth > max_depth) return depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      if (node == root) return 0;
      --depth;
    }
    if (node) node = node.next_sibling();
  }
  return 0;
}

}  // namespace

const char* attribute(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (std::strcmp(local_name(a.name()), local) == 0) return a.value();
  }
  return nullptr;
}

int int_attribute(const pugi::xml_node& node, const char* local, int fallback, int low, int high) {
  const char* text = attribute(node, local);
  if (text == nullptr) return fallback;
  char* end = nullptr;
  const long v = std::strtol(text, &end, 10);
  if (end == text || v < low || v > high) return fallback;
  return static_cast<int>(v);
}

std::unique_ptr<XmlPart> load_xml(const std::string& bytes, const std::string& part, const std::string& name,
                                  XmlLimits limits) {
  auto result = std::make_unique<XmlPart>();
  // parse_ws_pcdata keeps a run whose text is a single space; parse_doctype only so that a DOCTYPE is seen
  // and refused (pugixml skips it otherwise, and never expands its entities).
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
  // pugixml parses a copy, so that a failure's offset can be turned into a line and column of `bytes`.
  const pugi::xml_parse_result parsed = result->doc.load_buffer(bytes.data(), bytes.size(), options, pugi::encoding_auto);
  if (!parsed) {
    const auto offset = static_cast<std::size_t>(parsed.offset);
    const LineColumn at = line_column(bytes, offset);
    throw InputError(name, fmt::format("{}: malformed XML at line {}, column {} (byte {}): {}", part, at.line,
                                       at.column, offset, parsed.description()));
  }
  for (pugi::xml_node n = result->doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) {
      throw InputError(name, fmt::format("{}: the XML part has a DOCTYPE declaration, which Office documents never "
                                         "have; its entities are not expanded and the part is not read",
                                         part));
    }
  }
  if (const std::size_t depth = depth_exceeds(result->doc, limits.max_depth); depth > 0) {
    throw InputError(name, fmt::format("{}: XML elements nested more than {} levels deep (the limit); not an "
                                       "editor's document",
                                       part, limits.max_depth));
  }
  return result;
}

}  // namespace planlint::read
