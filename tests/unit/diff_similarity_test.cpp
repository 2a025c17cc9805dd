// Matching keys and similarity scores used to pair measures across versions.
#include <catch2/catch.hpp>

#include "diff/pairing.hpp"
#include "diff/similarity.hpp"
#include "text/normalize.hpp"

using namespace planlint::diff;

TEST_CASE("match_key's fast path agrees with full NFC and case folding", "[diff][similarity]") {
  for (const std::string s : {"TYÖIKÄISILLE  Espoolaisille", "Åtgärd\tMÄTARE", "Straße", "Ǆ ǅ", "µ-kurssit",
                              "A\xCC\x88iti", "İstanbul", "ΑΒΓ kävijät"})
    CHECK(match_key(s) == planlint::text::casefold(planlint::text::normalize(s)));
}

TEST_CASE("similarity ranks an edit above an unrelated text", "[diff][similarity]") {
  const auto a = fingerprint(match_key("Tehostetaan markkinointia työkäisille suunnatuista liikuntapalveluista."));
  const auto b = fingerprint(match_key("Tehostetaan markkinointia työikäisille suunnatuista liikuntapalveluista."));
  const auto c = fingerprint(match_key("Osallisuuden vahvistaminen kaupunkisuunnittelussa."));
  CHECK(similarity(a, a) == 1.0);
  CHECK(similarity(a, b) > 0.75);
  CHECK(similarity(a, c) < 0.3);
}

TEST_CASE("best_pairs is one-to-one / best first / above the threshold", "[diff][similarity]") {
  const auto x = fingerprint(match_key("Lisätään liikuntaryhmiä kumppaneiden kanssa"));
  const auto x2 = fingerprint(match_key("Lisätään uusia liikuntaryhmiä kumppaneiden kanssa"));
  const auto y = fingerprint(match_key("Avataan kirjastoon pelinurkkaus nuorille"));
  const auto z = fingerprint(match_key("Kokonaan eri asia uimahalleista"));
  const auto pairs = best_pairs({&x, &y}, {&z, &x2, &x}, 0.5);
  REQUIRE(pairs.size() == 1);  // x pairs with its identical copy, not the edit; y and z are unrelated
  CHECK(pairs[0].old_index == 0);
  CHECK(pairs[0].new_index == 2);
}
