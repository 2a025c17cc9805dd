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
  // Brackets and dots glued to a bare value are part of it (local fuzzing: 2p2q…x["ä"]).
  CHECK(at("k = 2px[\"ä\".j]\n") == std::pair{1u, 10u});
  CHECK(at("k = 1.\"ä\"\n") == std::pair{1u, 8u});
  CHECK(at("k = 20\".\"ä\"\n") == std::pair{1u, 10u});  // a quote in a bare value, then a dot
  CHECK(at("k = \"\"\"\na \\ä\"\"\"\n") == std::pair{2u, 3u});  // a backslash before ä (toml++ tests it for white space)
  CHECK(at("k = \"a \\ö\"\n") == std::pair{1u, 8u});
  CHECK(at("k = \"\"\"a \\\n  ä\"\"\"\n") == std::pair{1u, 10u});  // a line-ending backslash, then ä
  // Control characters anywhere, strings and comments too (toml++ asserts on "[\x05b]").
  CHECK(at("[\x05" "b]\n") == std::pair{1u, 2u});
  CHECK(at("k = \"a\x01\"\n") == std::pair{1u, 7u});
  CHECK(at("# \x7F\n") == std::pair{1u, 3u});
  CHECK(non_ascii_outside_strings("[\x05" "b]")->message.find("control character U+0005") == 0);
}

TEST_CASE("toml guard: quoted strings and comments may hold any text - toml++ gets it as escapes", "[config][toml]") {
  for (const char* ok : {"", "k = 1\n", "\xEF\xBB\xBFk = 1\n", "k = \"ä\"\n", "# ä ö\nk = 2\n", "k = \"a\\\"ä\"\n",
                         "k = \"\"\"\nä \\\"\"\" ö\n\"\"\"\n", "[spelling]\nwords = [\"hyvinvointialue\", 'sote-keskus', \"\xEF\xB3\xBF\"]\n",
                         "\"ä\" = 1\n", "[\"ä\".b]\n", "[[\"ö\"]]\n", "k = [\"a\",\"ä\"]\n", "t = { \"ä\" = 1, \"ö\" = \"å\" }\n",
                         "k = [ \"ä\" ,\"ö\"]\r\nj = \"å\"\r\n"}) {
    INFO(ok);
    const auto safe = planlint::check::make_toml_safe(ok);
    CHECK_FALSE(safe.error.has_value());
    for (const char c : safe.ascii) CHECK(static_cast<unsigned char>(c) < 0x80);
  }
  CHECK(planlint::check::make_toml_safe("words = [\"työikäisille\", \"🙂\"] # ä\n").ascii ==
        "words = [\"ty\\u00F6ik\\u00E4isille\", \"\\U0001F642\"] # ?\n");
  // '…' strings have no escapes: text beyond ASCII in them is refused.
  CHECK(non_ascii_outside_strings("k = 'työ'\n")->message.find("U+00F6 in a '…' string") == 0);
  CHECK(non_ascii_outside_strings("k = '\'\'\nä\'\'\'\n").has_value());
}
