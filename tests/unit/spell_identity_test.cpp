// voikko_identity and hunspell_identity (src/spell/voikko_identity.hpp): the key of the answers kept between
// runs changes with what the answers depend on, and only then.
#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <string>

#include "spell/voikko_identity.hpp"
#include "support/temp_dir.hpp"

using planlint::spell::hunspell_identity;
using planlint::spell::voikko_identity;
using planlint::test::TempDir;

TEST_CASE("voikko identity: the same files give the same key - a changed dictionary or library another", "[spell][identity]") {
  const TempDir dir;
  const std::string library = dir.write("lib/libvoikko-test.so.1", "library, first build");
  dir.write("dict/5/mor-standard/mor.vfst", "dictionary, first version");
  const std::string dictionaries = (dir.path / "dict").string();

  const std::optional<std::string> first = voikko_identity("fi", dictionaries, library);
  REQUIRE(first);
  CHECK(voikko_identity("fi", dictionaries, library) == first);
  CHECK(voikko_identity("sv", dictionaries, library) != first);  // the language is part of the key

  dir.write("dict/5/mor-standard/mor.vfst", "dictionary, second and longer version");
  const std::optional<std::string> second = voikko_identity("fi", dictionaries, library);
  REQUIRE(second);
  CHECK(second != first);

  // A library replaced as packages replace it (a new file renamed over the old): a new inode, a new key.
  const std::string replacement = dir.write("lib/libvoikko-test.so.1.new", "library, second build");
  std::filesystem::rename(replacement, library);
  CHECK(voikko_identity("fi", dictionaries, library) != second);

  CHECK_FALSE(voikko_identity("fi", dictionaries, (dir.path / "lib/absent.so.1").string()));
}

TEST_CASE("voikko identity: a library found through a link is keyed by the file the link leads to", "[spell][identity]") {
  const TempDir dir;
  dir.write("lib/libvoikko-test.so.1.16.1", "one version");
  dir.write("lib/libvoikko-test.so.1.17.0", "one version");  // same size; written in the same second or not
  const std::filesystem::path link = dir.path / "lib/libvoikko-test.so.1";
  std::filesystem::create_symlink("libvoikko-test.so.1.16.1", link);
  dir.write("dict/5/mor-standard/mor.vfst", "dictionary");
  const std::string dictionaries = (dir.path / "dict").string();

  const std::optional<std::string> before = voikko_identity("fi", dictionaries, link.string());
  REQUIRE(before);
  std::filesystem::remove(link);
  std::filesystem::create_symlink("libvoikko-test.so.1.17.0", link);
  CHECK(voikko_identity("fi", dictionaries, link.string()) != before);
}

TEST_CASE("hunspell identity: keyed by engine - language - library and both dictionary files", "[spell][identity]") {
  const TempDir dir;
  const std::string library = dir.write("libhunspell-test.so.0", "library");
  const std::string aff = dir.write("sv_SE.aff", "SET UTF-8\n");
  const std::string dic = dir.write("sv_SE.dic", "1\nord\n");

  const std::optional<std::string> first = hunspell_identity("sv_SE", aff, dic, library);
  REQUIRE(first);
  CHECK(first->rfind("engine hunspell\n", 0) == 0);  // never equal to a Voikko key
  CHECK(hunspell_identity("sv_SE", aff, dic, library) == first);
  CHECK(hunspell_identity("sv_FI", aff, dic, library) != first);

  dir.write("sv_SE.dic", "2\nord\nannat\n");
  CHECK(hunspell_identity("sv_SE", aff, dic, library) != first);

  CHECK_FALSE(hunspell_identity("sv_SE", (dir.path / "absent.aff").string(), dic, library));
  CHECK_FALSE(hunspell_identity("sv_SE", aff, dic, (dir.path / "absent.so.0").string()));
}
