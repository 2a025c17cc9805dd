// libFuzzer harness: any bytes through loading (make_source) and the Markdown reader (read_plan with the
// markdown input format; fuzz_draft reaches it only where format detection picks it). The only exception
// allowed out is InputError; anything else (a crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"

namespace {

// Every range lies inside the document, begins before it ends, and its text is the document's or kept.
void check_span(const planlint::Span& s, std::size_t size) {
  if (s.range.end.offset > size || s.range.begin.offset > s.range.end.offset) __builtin_trap();
  if (s.range.begin.line > s.range.end.line || s.range.begin.line == 0 || s.range.begin.column == 0) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const planlint::Source src = planlint::make_source("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
    const planlint::Plan plan = planlint::read::read_plan(src, planlint::read::InputFormat::markdown);
    if (plan.format != "markdown") __builtin_trap();
    const std::size_t n = src.bytes.size();
    for (const auto& g : plan.goals) {
      check_span(g.title, n);
      if (g.heading.end.offset > n || g.heading.begin.offset > g.heading.end.offset) __builtin_trap();
      for (const auto& h : g.header) check_span(h, n);
      for (const auto& m : g.measures) {
        check_span(m.text, n);
        if (m.indicator) check_span(*m.indicator, n);
        for (const auto& e : m.extra) check_span(e.cell, n);
        if (m.row.end.offset > n || m.row.begin.offset > m.row.end.offset) __builtin_trap();
        // A cell's text is the document's own bytes at its range (cells are never joined).
        if (src.bytes.substr(m.text.range.begin.offset, m.text.text.size()) != m.text.text) __builtin_trap();
      }
    }
    for (const auto& m : plan.stray_rows) check_span(m.text, n);
    for (const auto& o : plan.overview) check_span(o.title, n);
    for (const auto& c : plan.claims) check_span(c.text, n);
    for (const auto& p : plan.paragraphs) check_span(p, n);
    for (const auto& t : plan.title) check_span(t, n);
    for (const auto& c : plan.comments) check_span(c, n);
  } catch (const planlint::InputError&) {
  }
  return 0;
}
