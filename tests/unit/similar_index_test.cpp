// The similarity index must give exactly the answer of a linear scan with similar(): it only skips texts
// that cannot be similar.
#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "rules/similar_index.hpp"
#include "rules/text_functions.hpp"

using namespace planlint::rules;

namespace {

std::optional<std::size_t> linear_first(const std::vector<std::string>& texts, const std::string& query, double t) {
  const PreparedText q = prepare(query);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (similar(prepare(texts[i]), q, t)) return i;
  }
  return std::nullopt;
}

std::vector<std::string_view> views(const std::vector<std::string>& texts) { return {texts.begin(), texts.end()}; }

std::optional<std::size_t> indexed_first(const std::vector<std::string>& texts, const std::string& query, double t) {
  return SimilarIndex(views(texts), t).first_similar(query);
}

// Sentences from a small vocabulary, with typos: many near-duplicates, many shared q-grams.
std::vector<std::string> sentences(std::size_t n, unsigned seed) {
  static const char* words[] = {"Lisätään", "liikuntaa", "työikäisille", "Tuetaan", "järjestöjen", "yhteistyötä",
                                "kouluissa", "ja", "kirjastoissa", "määrä", "Kävijämäärä", "(kyllä/ei)", "hoitojaksot"};
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string s;
    const std::size_t len = 1 + rng() % 7;
    for (std::size_t w = 0; w < len; ++w) s += std::string(w ? " " : "") + words[rng() % std::size(words)];
    if (rng() % 3 == 0 && !s.empty()) s[rng() % s.size()] = 'x';      // a typo (may break a UTF-8 sequence: 'x' replaces a byte)
    if (rng() % 5 == 0) s = s.substr(0, rng() % (s.size() + 1));        // a short text, down to empty
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("the index finds what a linear scan finds", "[rules][similar]") {
  const auto texts = sentences(300, 7);
  const auto queries = sentences(200, 11);
  for (double t : {0.0, 0.5, 0.8, 0.9, 0.95, 1.0, 1.5, std::nan("")}) {
    const SimilarIndex index(views(texts), t);
    std::size_t hits = 0;
    for (const auto& q : queries) {
      INFO("threshold " << t << ", query '" << q << "'");
      const auto expected = linear_first(texts, q, t);
      CHECK(index.first_similar(q) == expected);
      hits += expected.has_value();
    }
    if (t > 0 && t <= 1.0) CHECK(hits > 0);  // the inputs do exercise matches
  }
}

TEST_CASE("the index answers for texts it holds and for edge cases", "[rules][similar]") {
  const std::vector<std::string> texts = {"Lisätään liikuntaa kouluissa.", "", "ab", "Lisätään liikuntaa kouluissa!",
                                          "Tuetaan järjestöjen yhteistyötä"};
  CHECK(indexed_first(texts, "Lisätään liikuntaa kouluissa!", 0.9) == 0u);    // the earlier near-duplicate
  CHECK(indexed_first(texts, "LISÄTÄÄN  liikuntaa kouluissa.", 0.9) == 0u);   // case and spaces do not count
  CHECK(indexed_first(texts, "Tuetaan järjestöjen yhteistyötä", 0.9) == 4u);
  CHECK(indexed_first(texts, "", 0.9) == 1u);
  CHECK(indexed_first(texts, "ab", 1.0) == 2u);
  CHECK(indexed_first(texts, "Jotain aivan muuta tekstiä", 0.9) == std::nullopt);
  CHECK(indexed_first({}, "x", 0.9) == std::nullopt);
}

TEST_CASE("the index compares far fewer texts than a linear scan on distinct texts", "[rules][similar]") {
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) texts.push_back("Toimenpide numero " + std::to_string(i * 7919) + " kohdistuu alueeseen " +
                                                 std::to_string(i * 104729 % 99991) + " ja sen asukkaisiin");
  const SimilarIndex index(views(texts), 0.95);
  std::size_t work = 0;
  CHECK(index.first_similar(texts[1500], &work) == 1500u);
  CHECK(work < 1500);  // a linear scan would take at least 1,501 comparisons
}

TEST_CASE("the index agrees with a linear scan on long texts of a shared vocabulary", "[rules][similar]") {
  // Measures of one to three sentences, as the corpus generator writes them: more than 64 (and 128)
  // characters, so the bit-parallel distance runs over several blocks; some are copies with a few edits.
  static const char* parts[] = {"Kehitetään", "Tuetaan", "yksinäisyyttä ehkäisevää toimintaa", "digitaitojen opastusta",
                                "omaishoitajille", "työikäisille", "lähiöissä", "kirjastoissa", "yhteistyössä järjestöjen kanssa",
                                "hyvinvoinnin edistämiseksi", "Höydynnetään", "ikäihmisille 🙂", "kävijämäärä/vuosi"};
  std::mt19937 rng(3);
  std::vector<std::string> texts;
  for (int i = 0; i < 400; ++i) {
    std::string s;
    if (i > 10 && rng() % 4 == 0) {
      s = texts[rng() % texts.size()];
      for (unsigned e = rng() % 12; e-- > 0 && !s.empty();) s[rng() % s.size()] = static_cast<char>('a' + rng() % 26);
    } else {
      for (unsigned n = 4 + rng() % 14; n-- > 0;) s += std::string(s.empty() ? "" : " ") + parts[rng() % std::size(parts)];
    }
    texts.push_back(s);
  }
  for (double t : {0.8, 0.9}) {
    const SimilarIndex index(views(texts), t);
    std::size_t earlier = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      INFO("threshold " << t << ", text " << i);
      const auto expected = linear_first(texts, texts[i], t);
      REQUIRE(index.first_similar(texts[i]) == expected);
      earlier += expected && *expected < i;
    }
    CHECK(earlier > 20);  // the copies are found
  }
}
