#include "lsp/params.hpp"

namespace planlint::lsp {

using json = nlohmann::json;

const json& member(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) throw InvalidParams(std::string("missing '") + key + "'");
  return j[key];
}

std::string string_member(const json& j, const char* key) {
  const json& v = member(j, key);
  if (!v.is_string()) throw InvalidParams(std::string("'") + key + "' must be a string");
  return v.get<std::string>();
}

std::string document_uri(const json& params) { return string_member(member(params, "textDocument"), "uri"); }

}  // namespace planlint::lsp
