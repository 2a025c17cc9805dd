// The claims a plan makes about itself (grammar/common.hpp): read only in their grammatical forms, where
// a number agrees with the noun it counts. The rules one by one, then whole Finnish sentences through the
// draft reader, claims that must be read with their kind and numbers and sentences that hold none.
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/common.hpp"
#include "read/draft_reader.hpp"
#include "read/source.hpp"
#include "support/verify_rule.hpp"

namespace g = planlint::grammar;
using planlint::test::consumed;
using planlint::test::matches_whole;
using namespace planlint;

TEST_CASE("claims grammar has no rule that can loop without consuming input", "[grammar][claims]") {
  CHECK(tao::pegtl::analyze<g::inline_text>(1) == 0);
}

TEST_CASE("plural_number: a cardinal of two or more", "[grammar][claims]") {
  CHECK(matches_whole<g::plural_number>("2"));
  CHECK(matches_whole<g::plural_number>("12"));
  CHECK(matches_whole<g::plural_number>("kolme"));
  CHECK(matches_whole<g::plural_number>("Kaksitoista"));
  CHECK(consumed<g::plural_number>("3 tavoitetta") == 1u);
  CHECK_FALSE(consumed<g::plural_number>("1"));
  CHECK_FALSE(consumed<g::plural_number>("0"));
  CHECK_FALSE(consumed<g::plural_number>("yksi"));
  CHECK_FALSE(consumed<g::plural_number>("one"));
  CHECK_FALSE(consumed<g::plural_number>("12345"));  // more than four digits is not a count
  CHECK_FALSE(consumed<g::plural_number>("kolmessa"));
  CHECK_FALSE(consumed<g::plural_number>(""));
}

TEST_CASE("numbers that are not counts are read whole", "[grammar][claims]") {
  CHECK(matches_whole<g::number_range>("2022–2025"));
  CHECK(matches_whole<g::number_range>("kolme-neljä"));
  CHECK(matches_whole<g::decimal_number>("1,5"));
  CHECK(matches_whole<g::decimal_number>("3.25"));
  CHECK(matches_whole<g::grouped_number>("1 500"));
  CHECK(matches_whole<g::grouped_number>("10\u00A0000"));
  CHECK(matches_whole<g::grouped_number>("2\u202F500\u202F000"));
  CHECK(consumed<g::grouped_number>("1 50 tavoitetta") == std::nullopt);
  CHECK(matches_whole<g::qualified_number>("yli 6"));
  CHECK(matches_whole<g::qualified_number>("noin kolme"));
  CHECK(matches_whole<g::qualified_number>("Vähintään 6–12"));
  CHECK_FALSE(consumed<g::qualified_number>("kolme"));
  CHECK(consumed<g::number_continuation>(" %") == 2u);
  CHECK(consumed<g::number_continuation>("–5") == 4u);
  CHECK(consumed<g::number_continuation>(",5") == 2u);
  CHECK_FALSE(consumed<g::number_continuation>(" ja"));
  CHECK_FALSE(consumed<g::number_continuation>(". Seuraava"));
}

TEST_CASE("per goal: after the counted noun or before the unit", "[grammar][claims]") {
  CHECK(matches_whole<g::per_goal>("tavoitetta kohden"));
  CHECK(matches_whole<g::per_goal>("tavoitetta kohti"));
  CHECK(matches_whole<g::per_goal>("per tavoite"));
  CHECK(matches_whole<g::per_goal>("(per tavoite)"));
  CHECK(matches_whole<g::per_goal>("( tavoitetta kohden )"));
  CHECK(matches_whole<g::per_goal>("per goal"));
  CHECK(matches_whole<g::per_goal>("per mål"));
  CHECK_FALSE(consumed<g::per_goal>("tavoitetta"));
  CHECK_FALSE(consumed<g::per_goal>("(per tavoite"));
  CHECK_FALSE(consumed<g::per_goal>("tavoitteita kohden"));
}

TEST_CASE("goal count: the subject with the copula or a cardinal with the partitive", "[grammar][claims]") {
  CHECK(matches_whole<g::goal_count_phrase>("tavoitteita on kolme"));
  CHECK(matches_whole<g::goal_count_phrase>("Tavoitteita on 3"));
  CHECK(matches_whole<g::goal_count_phrase>("kolme tavoitetta"));
  CHECK(matches_whole<g::goal_count_phrase>("12 tavoitetta"));
  CHECK(matches_whole<g::goal_count_phrase>("three goals"));
  CHECK(matches_whole<g::goal_count_phrase>("Målen är tre"));
  CHECK(matches_whole<g::goal_count_phrase>("tre mål"));
  CHECK(consumed<g::goal_count_phrase>("tavoitteita on kolme, ja") == 20u);
  // The number and the noun do not agree, or the noun is in another case.
  CHECK_FALSE(consumed<g::goal_count_phrase>("12 tavoitteet"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("12 tavoitteen"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("kolmessa tavoitteessa"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("yksi tavoitetta"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("1 tavoitetta"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("tavoitteet ovat kolme"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("tavoitteita ovat kolme"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("tavoitetta kolme"));  // "goal number three", not a count
  // Not an exact count.
  CHECK_FALSE(consumed<g::goal_count_phrase>("tavoitteita on 3–5"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("tavoitteita on 12 %"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("tavoitteita on 3,5"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("tavoitteita on yli kolme"));
  CHECK_FALSE(consumed<g::goal_count_phrase>("kolme tavoitetta kohden"));  // per three goals
}

TEST_CASE("measure range: a range with the partitive or the subject with the copula", "[grammar][claims]") {
  CHECK(matches_whole<g::measure_range_phrase>("6–12 toimenpidettä"));
  CHECK(matches_whole<g::measure_range_phrase>("6-12 toimenpidettä"));
  CHECK(matches_whole<g::measure_range_phrase>("6 – 12 toimenpidettä"));
  CHECK(matches_whole<g::measure_range_phrase>("kuusi–kaksitoista toimenpidettä"));
  CHECK(matches_whole<g::measure_range_phrase>("6–12 toimenpidettä (per tavoite)"));
  CHECK(matches_whole<g::measure_range_phrase>("6–12 toimenpidettä tavoitetta kohden"));
  CHECK(matches_whole<g::measure_range_phrase>("Toimenpiteitä on 6-12 tavoitetta kohden"));
  CHECK(matches_whole<g::measure_range_phrase>("toimenpiteitä on 6–12"));
  CHECK(matches_whole<g::measure_range_phrase>("6–12 åtgärder"));
  CHECK(matches_whole<g::measure_range_phrase>("6-12 measures per goal"));
  CHECK(consumed<g::measure_range_phrase>("6–12 toimenpidettä. Tavoite") == 21u);
  CHECK(consumed<g::measure_range_phrase>("6–12 toimenpidettä (per tavoite") == 21u);  // no ')': not per goal
  CHECK_FALSE(consumed<g::measure_range_phrase>("6–12 toimenpiteitä"));  // a cardinal takes the partitive singular
  CHECK_FALSE(consumed<g::measure_range_phrase>("6–12 kertaa"));
  CHECK_FALSE(consumed<g::measure_range_phrase>("6 toimenpidettä"));
  CHECK_FALSE(consumed<g::measure_range_phrase>("toimenpiteitä on 6–12 %"));
  CHECK_FALSE(consumed<g::measure_range_phrase>("toimenpiteitä on 6–12 tavoitetta"));  // in 6–12 goals
  CHECK_FALSE(consumed<g::measure_range_phrase>("toimenpiteitä on yli 6–12"));
}

TEST_CASE("claim: the goal count and the measure range - not a year range", "[grammar][claims]") {
  CHECK(matches_whole<g::claim>("tavoitteita on kolme"));
  CHECK(matches_whole<g::claim>("6–12 toimenpidettä"));
  CHECK_FALSE(consumed<g::claim>("2019–2028."));
  CHECK_FALSE(consumed<g::claim>("2022–2025 tavoitetta"));
}

TEST_CASE("claims are found at word starts only", "[grammar][claims]") {
  // Inside "hyvinvointitavoitteita" there is no claim; inline_text still consumes the line.
  CHECK(matches_whole<g::inline_text>("hyvinvointitavoitteita on kolme"));
  CHECK(matches_whole<g::inline_text>("muodostettu 16–12 toimenpidettä."));
  CHECK(matches_whole<g::inline_text>("Suunnitelma 2022–2025 yli 6 toimenpidettä, 1 500 ja 2,5 %"));
}

namespace {

struct Expected {
  ClaimKind kind;
  int min, max;
  std::string text;
};

std::vector<Expected> claims_in(const std::string& sentence) {
  const Plan plan = read::read_draft(make_source("t.txt", sentence + "\n"));
  std::vector<Expected> out;
  for (const Claim& c : plan.claims) out.push_back({c.kind, c.min, c.max, std::string(c.text.text)});
  return out;
}

std::string describe(const std::vector<Expected>& claims) {
  std::string out;
  for (const Expected& c : claims) {
    out += (c.kind == ClaimKind::goal_count ? "goal_count " : "measure_range ") + std::to_string(c.min) + "–" +
           std::to_string(c.max) + " \"" + c.text + "\"; ";
  }
  return out.empty() ? "no claim" : out;
}

constexpr auto goals = ClaimKind::goal_count;
constexpr auto measures = ClaimKind::measure_range;

}  // namespace

// Sentences as plans write them (the first and the last two are from the seeds in /work/shared/seeds).
TEST_CASE("claims in Finnish sentences: read with their kind and numbers", "[read][claims]") {
  const std::vector<std::pair<std::string, std::vector<Expected>>> cases = {
      {"Työikäisten hyvinvointityön tavoitteita on kolme ja jokaiselle tavoitteelle on muodostettu 6–12 "
       "toimenpidettä.",
       {{goals, 3, 3, "tavoitteita on kolme"}, {measures, 6, 12, "6–12 toimenpidettä"}}},
      {"Toimenpiteitä on 6-12 tavoitetta kohden.", {{measures, 6, 12, "Toimenpiteitä on 6-12 tavoitetta kohden"}}},
      {"Suunnitelmassa on kolme tavoitetta.", {{goals, 3, 3, "kolme tavoitetta"}}},
      {"Ohjelmassa on 12 tavoitetta.", {{goals, 12, 12, "12 tavoitetta"}}},
      {"Valtuustokauden tavoitteita on kaksi.", {{goals, 2, 2, "tavoitteita on kaksi"}}},
      {"Tavoitteita on 4, ja kullekin on laadittu 5–8 toimenpidettä (per tavoite).",
       {{goals, 4, 4, "Tavoitteita on 4"}, {measures, 5, 8, "5–8 toimenpidettä (per tavoite)"}}},
      {"Jokaiselle tavoitteelle on valittu 3 – 5 toimenpidettä.", {{measures, 3, 5, "3 – 5 toimenpidettä"}}},
      {"Suunnitelmakaudella 2022-2025 tavoitteita on kolme.", {{goals, 3, 3, "tavoitteita on kolme"}}},
      {"Osallistujia oli 1 500, ja tavoitteita on kolme.", {{goals, 3, 3, "tavoitteita on kolme"}}},
      {"Målen är tre och varje mål har 6–12 åtgärder.",
       {{goals, 3, 3, "Målen är tre"}, {measures, 6, 12, "6–12 åtgärder"}}},
      {"There are three goals with 6-12 measures per goal.",
       {{goals, 3, 3, "three goals"}, {measures, 6, 12, "6-12 measures per goal"}}},
  };
  for (const auto& [sentence, expected] : cases) {
    INFO(sentence);
    CHECK(describe(claims_in(sentence)) == describe(expected));
  }
}

TEST_CASE("claims in Finnish sentences: numbers that do not count goals or measures", "[read][claims]") {
  const std::vector<std::string> sentences = {
      "Hyvinvointisuunnitelman 2022-2025 tavoitteet ja toimenpiteet.",    // a year range before a noun
      "Kaudella 2022-2025 tavoitetta seurataan vuosittain.",
      "12 tavoitteen toteutumista seurataan vuosittain.",                 // the genitive does not count
      "Toimenpiteitä toteutetaan kolmessa tavoitteessa.",                 // nor the inessive
      "Hyvinvointikertomus 12 Tavoitteet ja painopisteet",               // a page number before a heading
      "Kuhunkin tavoitteeseen kuuluu yli 6 toimenpidettä.",               // not exact
      "Ohjelmassa on yli kolme tavoitetta.",
      "Noin 6–12 toimenpidettä on jo käynnissä.",
      "Tavoitteita on 12 % enemmän kuin edellisellä kaudella.",           // a percentage
      "Toimenpiteistä 6–12 % on käynnissä.",
      "Tavoitteita on 3–5.",                                              // a range is not a count
      "Tulos oli keskimäärin 2,5 tavoitetta parempi.",                    // a decimal
      "Kolme-neljä tavoitetta on vielä kesken.",                          // a range of number words
      "Kolme tavoitetta kohden laaditaan yksi mittari.",                  // per three goals
      "Yksi tavoite on erityisen tärkeä.",
      "Jokaiselle tavoitteelle laaditaan 6–12 toimenpiteitä.",            // ungrammatical: no agreement
      "kehitysohjelma toteuttaa etenkin tavoitetta kolme, joka takaa terveellisen elämän",
      "toimintasuunnitelmaan kirjattiin 13 toimenpidettä hyötytavoitteiden saavuttamiseksi, joista 2",
  };
  for (const std::string& sentence : sentences) {
    INFO(sentence);
    CHECK(describe(claims_in(sentence)) == "no claim");
  }
}
