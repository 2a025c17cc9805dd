#pragma once
// Loading one XML part of an Office document (word/document.xml, content.xml…) with pugixml, safely:
// pugixml expands only XML's five predefined entities and character references, never entities declared
// in a DTD, so "billion laughs" cannot grow; a part with a DOCTYPE is refused all the same (Office files
// never have one, and an unexpanded `&lol9;` would otherwise be read as text). Elements nested deeper than
// `max_depth` are refused before any reader descends, so readers may recurse. A malformed part is
// reported with its name, line, column and byte offset.
#include <pugixml.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>

namespace planlint::read {

struct XmlLimits {
  std::size_t max_depth = 512;  // element nesting; Word's nested tables and content controls stay far below
};

struct XmlPart {
  pugi::xml_document doc;
};

// Parses `bytes` as the part `part` of the document `name`. Throws
// InputError(name, "<part>: …") when it is malformed, has a DOCTYPE or is nested too deeply.
std::unique_ptr<XmlPart> load_xml(const std::string& bytes, const std::string& part, const std::string& name,
                                  XmlLimits limits = {});

// The local part of an element or attribute name ("w:p" → "p"): Office namespaces are told apart by the
// element's place, so the prefix a producer chose does not matter.
inline const char* local_name(const char* qualified) {
  const char* local = qualified;
  for (const char* c = qualified; *c != '\0'; ++c) {
    if (*c == ':') local = c + 1;
  }
  return local;
}

// The value of the attribute whose local name is `local` ("val" for w:val), or nullptr.
const char* attribute(const pugi::xml_node& node, const char* local);

// Whether `node` is an element whose local name is `local`.
inline bool is(const pugi::xml_node& node, const char* local) {
  return node.type() == pugi::node_element && std::strcmp(local_name(node.name()), local) == 0;
}

// The first child element whose local name is `local`, or an empty node.
inline pugi::xml_node child(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (is(c, local)) return c;
  }
  return {};
}

// A whole number attribute in [low, high], or `fallback` when absent, not a number or out of range.
int int_attribute(const pugi::xml_node& node, const char* local, int fallback, int low, int high);

}  // namespace planlint::read
