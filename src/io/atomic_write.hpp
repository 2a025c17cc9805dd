#pragma once
#include <string>
#include <string_view>

namespace planlint::io {

// Writes `content` to `path` through a temporary file in the same directory and a rename, so that an
// interrupted run never leaves a half-written file. Throws InputError naming the path on failure.
void atomic_write(const std::string& path, std::string_view content);

}  // namespace planlint::io
