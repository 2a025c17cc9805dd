#pragma once
// Entry point for a document on disk (or standard input), whatever it is: a plan in text, read in the
// given InputFormat, or a Word (.docx), OpenDocument (.odt) or PDF file, told by its content
// (read/sniff.hpp) and read by the reader of its format into plan text with a map back to the document.
#include <string>

#include "model/plan.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"

namespace planlint::read {

struct Document {
  Source source;  // the text the plan was read from: the file itself, or the text rendered from it
  Plan plan;
};

// Loads `path` and reads the plan it holds. Throws InputError: the file cannot be read, is not a document
// planlint reads (the message says what it is and what to do), or holds no plan text.
Document read_document(const std::string& path, InputFormat format = InputFormat::automatic);

// The same for bytes already in memory (`name` is what messages call them).
Document read_document_bytes(std::string name, std::string bytes, InputFormat format = InputFormat::automatic);

}  // namespace planlint::read
