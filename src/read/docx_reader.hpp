#pragma once
#include <string>
#include <string_view>

#include "read/structured.hpp"

namespace planlint::read {

structured::Document read_docx(std::string_view bytes, const std::string& name);

}  // namespace planlint::read
