#pragma once
// file:// URIs (RFC 8089) as editors send them, and back.
#include <optional>
#include <string>

namespace planlint::lsp {

// The local path of a file:// URI (percent-decoded), or nullopt for other schemes (e.g. untitled:).
std::optional<std::string> path_from_uri(const std::string& uri);

// A file:// URI for an absolute path, percent-encoding what RFC 3986 does not allow in a path.
std::string uri_from_path(const std::string& absolute_path);

}  // namespace planlint::lsp
