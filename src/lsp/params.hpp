#pragma once
// Reading the parameters of LSP messages: a missing or mistyped member is InvalidParams (-32602 for a
// request; a notification is logged and dropped).
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace planlint::lsp {

struct InvalidParams : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const nlohmann::json& member(const nlohmann::json& j, const char* key);
std::string string_member(const nlohmann::json& j, const char* key);
std::string document_uri(const nlohmann::json& params);  // params.textDocument.uri

}  // namespace planlint::lsp
