#pragma once
// A deterministic generator of realistic plan drafts (the format of samples/tyoikaiset-2022-2025-luonnos.txt):
// a title, the status, an introduction that states the goal count and the measure range, the overview list,
// then each goal with its table of 6–12 measures, their indicators and who is responsible. About one goal
// in twenty has a flaw that a built-in rule reports (a missing indicator, too few measures), as real drafts
// do. The same seed always gives the same bytes, on any platform (no std:: distributions).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planlint::bench {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }
  template <std::size_t N>
  std::string_view pick(const std::string_view (&words)[N]) { return words[below(N)]; }

 private:
  std::uint64_t state_;
};

inline constexpr std::string_view verbs[] = {
    "Lisätään", "Kehitetään", "Vahvistetaan", "Tuetaan", "Järjestetään", "Parannetaan", "Edistetään",
    "Selvitetään", "Otetaan käyttöön", "Laajennetaan", "Koulutetaan", "Tiivistetään", "Uudistetaan"};
inline constexpr std::string_view objects[] = {
    "matalan kynnyksen liikuntaryhmiä", "työikäisten terveystarkastuksia", "digitaalista neuvontaa",
    "järjestöjen kanssa tehtävää yhteistyötä", "mielenterveyspalvelujen saatavuutta", "kulttuuritoimintaa",
    "ikäihmisten kotona asumisen tukea", "nuorten työpajatoimintaa", "päihdetyön ennaltaehkäisyä",
    "lähiluonnon virkistyskäyttöä", "ravitsemusneuvontaa", "yksinäisyyttä ehkäisevää toimintaa",
    "omaishoitajien jaksamista", "kotoutumista tukevia palveluja", "työllisyyspalvelujen ohjausta"};
inline constexpr std::string_view places[] = {
    "kaikilla asuinalueilla", "kirjastoissa", "kouluissa ja oppilaitoksissa", "työpaikoilla",
    "sosiaalisessa mediassa", "yhdessä hyvinvointialueen kanssa", "kesäaikaan", "kylätaloilla",
    "liikuntapaikoilla", "verkossa ja puhelimitse", "kunnan omissa toimipisteissä"};
inline constexpr std::string_view indicators[] = {
    "Osallistujien määrä", "Asiakastyytyväisyys (kysely)", "Käyntikertojen määrä vuodessa",
    "Toteutuneiden tapahtumien määrä", "Kouluterveyskyselyn tulos", "FinSote-tutkimuksen tulos",
    "Palvelun odotusaika vuorokausina", "Yhteistyösopimusten määrä", "Koulutettujen työntekijöiden määrä",
    "Verkkosivun kävijämäärä", "Sotkanet-indikaattori"};
inline constexpr std::string_view owners[] = {
    "Liikuntapalvelut", "Kulttuuripalvelut", "Hyvinvointialue", "Sivistystoimi", "Järjestöt",
    "Elinvoimapalvelut", "Nuorisopalvelut", "Kaikki toimialat"};
inline constexpr std::string_view themes[] = {
    "Työikäisten", "Ikäihmisten", "Lasten ja nuorten", "Perheiden", "Kuntalaisten", "Maahanmuuttajien",
    "Työelämän ulkopuolella olevien", "Omaishoitajien"};
inline constexpr std::string_view aims[] = {
    "hyvinvointi ja terveys vahvistuvat", "osallisuus lisääntyy", "arki sujuu", "yksinäisyys vähenee",
    "liikkuminen lisääntyy", "mielen hyvinvointi paranee", "työkyky säilyy", "palvelut löytyvät helposti"};
inline constexpr std::string_view number_words[] = {
    "", "yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan", "yhdeksän", "kymmenen",
    "yksitoista", "kaksitoista", "kolmetoista", "neljätoista", "viisitoista", "kuusitoista", "seitsemäntoista",
    "kahdeksantoista", "yhdeksäntoista", "kaksikymmentä"};
inline constexpr std::string_view filler[] = {
    "Suunnitelma on laadittu yhdessä kuntalaisten, järjestöjen ja hyvinvointialueen kanssa.",
    "Toimenpiteiden toteutumista seurataan vuosittain hyvinvointikertomuksessa.",
    "Tavoitteet perustuvat kunnan hyvinvointikertomukseen ja asukaskyselyn tuloksiin.",
    "Vastuutahot raportoivat toimenpiteiden etenemisestä hyvinvointiryhmälle.",
    "Suunnitelmaa päivitetään valtuustokauden puolivälissä."};

// A plan with `goals` goals. `index` makes titles and measures of different plans differ.
inline std::string generate_plan(Rng& rng, std::size_t goals, std::size_t index) {
  std::string s;
  s += "Hyvinvointisuunnitelma ";
  s += themes[index % std::size(themes)];
  s += " 2022–2025\nKunta " + std::to_string(index) + "\nLUONNOS\n\n";
  s += goals <= 20 ? "Tavoitteita on " + std::string(number_words[goals]) + "."
                   : "Tavoitteita on " + std::to_string(goals) + ".";
  s += " Kullekin tavoitteelle on kirjattu 6–12 toimenpidettä. ";
  s += rng.pick(filler);
  s += "\n\n";
  std::vector<std::string> titles;
  titles.reserve(goals);
  for (std::size_t g = 1; g <= goals; ++g) {
    std::string t(rng.pick(themes));
    t += " ";
    t += rng.pick(aims);
    titles.push_back(std::move(t));
    s += "- TAVOITE " + std::to_string(g) + ". " + titles.back() + "\n";
  }
  s += "\n";
  for (std::size_t g = 1; g <= goals; ++g) {
    const bool flawed = rng.below(20) == 0;
    s += "TAVOITE " + std::to_string(g) + ". " + titles[g - 1] + "\n\n";
    s += rng.pick(filler);
    s += "\n\nToimenpide\tMittari\tVastuutaho\n";
    const std::size_t measures = flawed && rng.below(2) ? rng.between(3, 5) : rng.between(6, 12);
    const std::size_t missing = flawed ? rng.below(measures) : measures;
    for (std::size_t m = 0; m < measures; ++m) {
      s += rng.pick(verbs);
      s += " ";
      s += rng.pick(objects);
      s += " ";
      s += rng.pick(places);
      s += " (" + std::to_string(index) + "." + std::to_string(g) + "." + std::to_string(m + 1) + ").\t";
      if (m != missing) s += rng.pick(indicators);
      s += "\t";
      s += rng.pick(owners);
      s += "\n";
    }
    s += "\n";
  }
  return s;
}

// A plan of at least `bytes` bytes (goals are added until it is that large).
inline std::string generate_plan_of_size(std::uint64_t seed, std::size_t bytes) {
  Rng rng(seed);
  // About 1.2 KB per goal.
  std::size_t goals = bytes / 1200 + 1;
  for (;;) {
    Rng attempt = rng;
    std::string s = generate_plan(attempt, goals, 0);
    if (s.size() >= bytes) return s;
    goals += goals / 10 + 1;
  }
}

}  // namespace planlint::bench
