// The guard in front of toml++ (check/toml_guard.hpp): non-ASCII text outside strings and comments is
// refused with its position; inside any kind of string or a comment it is left to toml++.
#include <catch2/catch.hpp>

#include "check/toml_guard.hpp"

using planlint::check::non_ascii_outside_strings;

TEST_CASE("toml guard: non-ASCII outside strings and comments is refused where it stands", "[config][toml]") {
  const auto at = [](std::string_view text) {
    const auto e = non_ascii_outside_strings(text);
    REQUIRE(e.has_value());
    return std::pair{e->where.line, e->where.column};
  };
  CHECK(at("ä = 1\n") == std::pair{1u, 1u});
  CHECK(at("\xEF\xB3\xBFr") == std::pair{1u, 1u});  // U+FCFF, found by fuzz-config
  CHECK(non_ascii_outside_strings("\xEF\xB3\xBFr")->message.find("U+FCFF outside a quoted string") == 0);
  CHECK(at("k = 1 ä\n") == std::pair{1u, 7u});
  CHECK(at("a = \"ö\"\n  ö = 2\n") == std::pair{2u, 3u});  // columns count code points
  CHECK(at("k = [1, \xC3]") == std::pair{1u, 9u});       // a broken sequence too (as U+FFFD)
  CHECK(non_ascii_outside_strings("k = [1, \xC3]")->message.find("U+FFFD") == 0);
  CHECK(at("\xEF\xBB\xBFk = 1\n\xEF\xBB\xBF") == std::pair{2u, 1u});  // a BOM only at the very start
  // A quote inside a bare value does not start a string: toml++ scans "0\"gö" as one value (fuzz-config).
  CHECK(at("k = 0\"gö\"\n") == std::pair{1u, 8u});
  CHECK(at("k = \"a\" \"ä\"\n") == std::pair{1u, 10u});
}

TEST_CASE("toml guard: strings of every kind and comments may hold any text", "[config][toml]") {
  for (const char* ok : {"", "k = 1\n", "\xEF\xBB\xBFk = 1\n", "k = \"ä\"\n", "# ä ö\nk = 2\n", "k = 'työikäisille'\n",
                         "k = \"a\\\"ä\"\n", "k = '''\nä\n'''\n", "k = \"\"\"\nä \\\"\"\" ö\n\"\"\"\n",
                         "[spelling]\nwords = [\"hyvinvointialue\", 'sote-keskus', \"\xEF\xB3\xBF\"]\n",
                         "\"ä\" = 1\n", "'ö'.x = 2\n", "a.\"ä\" = 1\n", "[\"ä\".b]\n", "[[\"ö\"]]\n",
                         "t = { \"ä\" = 1, 'ö' = \"å\" }\n", "k = [ \"ä\" ,'ö']\r\nj = \"å\"\r\n"}) {
    INFO(ok);
    CHECK_FALSE(non_ascii_outside_strings(ok).has_value());
  }
}
