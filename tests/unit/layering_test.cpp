// The code's layering, as README.md's "Layout of the code" declares it: data flows down that table, so a
// directory's files include only from their own row and the rows above. The table is the declaration; this
// test reads it and every #include of grammar/ and src/, so that neither can drift from the other.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path root = PLANLINT_SOURCE_DIR;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The table's directories ("src/rules", "grammar", …) with their row, counted from 0 at the top.
std::map<std::string, int> layout_rows() {
  const std::string readme = read_file(root / "README.md");
  const auto section = readme.find("\n## Layout of the code\n");
  REQUIRE(section != std::string::npos);
  const auto end = readme.find("\n## ", section + 1);
  std::istringstream table(readme.substr(section, end - section));
  std::map<std::string, int> rows;
  int row = 0;
  const std::regex directory("`([a-z_/]+)/`");
  for (std::string line; std::getline(table, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const std::string first_cell = line.substr(0, line.find('|', 1));
    for (std::sregex_iterator m(first_cell.begin(), first_cell.end(), directory), e; m != e; ++m) rows[(*m)[1]] = row;
    ++row;
  }
  return rows;
}

// The directory an #include "x/…" names: grammar/ at the top, every other under src/.
std::string included_directory(const std::string& first_component) {
  return first_component == "grammar" ? "grammar" : "src/" + first_component;
}

struct Include {
  fs::path file;
  int line;
  std::string target;  // "model/plan.hpp"
};

std::vector<Include> includes_under(const fs::path& directory) {
  std::vector<Include> found;
  const std::regex include(R"re(^\s*#\s*include\s+"([a-z_]+)/([^"]+)")re");
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".hpp" && ext != ".cpp")) continue;
    std::istringstream text(read_file(entry.path()));
    int number = 0;
    for (std::string line; std::getline(text, line);) {
      ++number;
      std::smatch m;
      if (std::regex_search(line, m, include)) found.push_back({entry.path(), number, m[1].str() + "/" + m[2].str()});
    }
  }
  return found;
}

// The includes of `tree`'s grammar/ and src/*/ that name a directory on a lower row than their own (and
// directories the table does not list); `checked` counts the includes of ours that were compared.
std::vector<std::string> layering_problems(const std::map<std::string, int>& rows, const fs::path& tree, std::size_t& checked) {
  std::vector<fs::path> directories;
  if (fs::exists(tree / "grammar")) directories.push_back(tree / "grammar");
  for (const auto& entry : fs::directory_iterator(tree / "src")) {
    if (entry.is_directory()) directories.push_back(entry.path());
  }
  std::vector<std::string> problems;
  for (const fs::path& directory : directories) {
    const std::string name = fs::relative(directory, tree).generic_string();
    const auto own = rows.find(name);
    if (own == rows.end()) {
      problems.push_back(name + "/ has no row in README's layout table");
      continue;
    }
    for (const Include& inc : includes_under(directory)) {
      const std::string target = included_directory(inc.target.substr(0, inc.target.find('/')));
      const auto theirs = rows.find(target);
      if (theirs == rows.end()) continue;  // not one of ours (a library's header)
      ++checked;
      if (theirs->second > own->second) {
        problems.push_back(fs::relative(inc.file, tree).generic_string() + ":" + std::to_string(inc.line) + " includes " +
                           inc.target + ", from " + target + "/, a row below " + name + "/");
      }
    }
  }
  return problems;
}

}  // namespace

TEST_CASE("source files include only from their own row of README's layout table and the rows above it", "[layering]") {
  const std::map<std::string, int> rows = layout_rows();
  REQUIRE(rows.size() >= 15);  // the table was read: grammar, src's directories, rules, tests, samples
  std::size_t checked = 0;
  const std::vector<std::string> problems = layering_problems(rows, root, checked);
  std::string listed;
  for (const std::string& p : problems) listed += p + "\n";
  INFO(listed);
  CHECK(problems.empty());
  CHECK(checked > 500);  // the includes were found: a pattern that matched none would pass anything
}

TEST_CASE("the layout check names an include from a lower row and a directory the table lacks", "[layering]") {
  const planlint::test::TempDir tree;
  // rules/ reaching down to check/ (on its second line, spaced as the preprocessor allows), check/ reaching up
  // to rules/ (allowed), a library's header (not ours: ignored), and a directory with no row.
  tree.write("src/rules/engine.cpp", "#include \"model/plan.hpp\"\n  #  include \"check/runner.hpp\"\n#include <vector>\n");
  tree.write("src/check/runner.hpp", "#include \"rules/engine.hpp\"\n#include \"tao/pegtl.hpp\"\n");
  tree.write("src/newthing/x.hpp", "");
  std::size_t checked = 0;
  const std::vector<std::string> problems = layering_problems(layout_rows(), tree.path, checked);
  CHECK(checked == 3);
  REQUIRE(problems.size() == 2);
  CHECK(std::find(problems.begin(), problems.end(), "src/newthing/ has no row in README's layout table") != problems.end());
  CHECK(std::find(problems.begin(), problems.end(),
                  "src/rules/engine.cpp:2 includes check/runner.hpp, from src/check/, a row below src/rules/") != problems.end());
}
