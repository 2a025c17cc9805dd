#pragma once
// A deterministic generator of realistic plans, written as drafts (the format of
// samples/tyoikaiset-2022-2025-luonnos.txt) here and as final versions by final_render.hpp:
// a title, the status, an introduction that states the goal count and the measure range, the overview list,
// then each goal with its table of 6–12 measures, their indicators and who is responsible. About one goal
// in twenty has a flaw that a built-in rule reports (a missing indicator, too few measures, a measure pasted
// from an earlier goal), as real drafts do. The same seed always gives the same bytes, on any platform (no std:: distributions).
#include <algorithm>
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

// Measures are built from parts, as real ones read: one to three sentences, each a verb, what is done,
// for whom and where or with whom. The parts give millions of distinct sentences, so that two measures of a
// plan are rarely alike by chance (a real plan repeats a measure only by mistake: see `pasted` below).
inline constexpr std::string_view verbs[] = {
    "Lisätään", "Kehitetään", "Vahvistetaan", "Tuetaan", "Järjestetään", "Parannetaan", "Edistetään",
    "Selvitetään", "Otetaan käyttöön", "Laajennetaan", "Tiivistetään", "Uudistetaan", "Kokeillaan",
    "Jatketaan", "Käynnistetään", "Vakiinnutetaan", "Monipuolistetaan", "Kartoitetaan", "Hyödynnetään",
    "Tehostetaan", "Mallinnetaan", "Arvioidaan"};
inline constexpr std::string_view objects[] = {
    "matalan kynnyksen liikuntaryhmiä", "terveystarkastuksia", "digitaalista neuvontaa",
    "järjestöyhteistyötä", "mielenterveyspalvelujen saatavuutta", "kulttuuritoimintaa",
    "kotona asumisen tukea", "työpajatoimintaa", "päihdetyön ennaltaehkäisyä", "lähiluonnon virkistyskäyttöä",
    "ravitsemusneuvontaa", "yksinäisyyttä ehkäisevää toimintaa", "omaishoitajien jaksamista",
    "kotoutumista tukevia palveluja", "työllisyyspalvelujen ohjausta", "liikuntaneuvontaa",
    "harrastustoimintaa", "vertaistukiryhmiä", "kokemusasiantuntijoiden roolia", "asukastilojen käyttöä",
    "ilta- ja viikonloppuaikaista toimintaa", "sovelletun liikunnan ryhmiä", "painonhallinnan kursseja",
    "palveluohjausta", "talous- ja velkaneuvontaa", "asunnottomuuden ehkäisyä", "digitaitojen opastusta",
    "perhevalmennusta", "kouluruokailun laatua", "unen ja levon merkityksen viestintää",
    "savuttomuutta tukevaa neuvontaa", "lähiliikuntapaikkojen rakentamista", "ulkokuntosalien varustusta",
    "kuntoportaiden saavutettavuutta", "kirjastojen tapahtumia", "museoiden maksuttomia päiviä",
    "nuorisotilojen aukioloaikoja", "etsivää nuorisotyötä", "työkyvyn arviointia", "kaatumisten ehkäisyä"};
inline constexpr std::string_view groups[] = {
    "työikäisille", "ikäihmisille", "lapsiperheille", "nuorille", "maahanmuuttajille", "vähävaraisille",
    "työttömille työnhakijoille", "omaishoitajille", "opiskelijoille", "erityisryhmille",
    "vieraskielisille", "yksin asuville", "pitkäaikaissairaille", "digitaidottomille", "kaikille kuntalaisille"};
inline constexpr std::string_view places[] = {
    "kaikilla suuralueilla", "kirjastoissa", "kouluissa ja oppilaitoksissa", "työpaikoilla",
    "sosiaalisessa mediassa", "kesäaikaan", "kylätaloilla", "liikuntapaikoilla", "verkossa ja puhelimitse",
    "kunnan omissa toimipisteissä", "asukastaloissa", "terveysasemilla", "lähiöissä", "keskustassa",
    "palvelukeskuksissa", "nuorisotiloissa", "iltaisin ja viikonloppuisin", "koko kaupungissa",
    "uusilla asuinalueilla", "luonnossa ja puistoissa"};
inline constexpr std::string_view partners[] = {
    "hyvinvointialueen", "järjestöjen", "seurakuntien", "oppilaitosten", "yritysten", "Kelan",
    "TE-palvelujen", "kolmannen sektorin toimijoiden", "urheiluseurojen", "kokemusasiantuntijoiden",
    "asukasyhdistysten", "naapurikuntien"};
inline constexpr std::string_view purposes[] = {
    "hyvinvoinnin edistämiseksi", "osallisuuden lisäämiseksi", "palveluihin ohjaamiseksi",
    "terveyserojen kaventamiseksi", "työkyvyn tukemiseksi", "yksinäisyyden vähentämiseksi",
    "liikkumisen lisäämiseksi", "syrjäytymisen ehkäisemiseksi", "arjen sujumiseksi",
    "tiedon levittämiseksi"};
inline constexpr std::string_view measured[] = {
    "Osallistujien määrä", "Asiakastyytyväisyys", "Käyntikertojen määrä", "Toteutuneiden tapahtumien määrä",
    "Kouluterveyskyselyn tulos", "FinSote-tutkimuksen tulos", "Palvelun odotusaika", "Yhteistyösopimusten määrä",
    "Koulutettujen työntekijöiden määrä", "Verkkosivun kävijämäärä", "Sotkanet-indikaattori",
    "Ohjausten määrä", "Kävijämäärä", "Ryhmien lukumäärä", "Uusien toimipisteiden määrä",
    "Jaettujen korttien määrä", "Tehdyt kehittämistoimenpiteet", "Kyselyn vastausten määrä"};
inline constexpr std::string_view measured_how[] = {
    "", " vuodessa", " (kysely)", " per asukas", "/vuosi", " ikäryhmittäin", " alueittain",
    " (Lifecare)", ", muutos edelliseen vuoteen", " sekä palautteen määrä"};
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

// One to three sentences, e.g. "Kehitetään palveluohjausta ikäihmisille kirjastoissa yhteistyössä
// järjestöjen kanssa. Kokeillaan vertaistukiryhmiä osallisuuden lisäämiseksi."
inline std::string measure_text(Rng& rng) {
  std::string s;
  const std::size_t sentences = 1 + rng.below(3);
  for (std::size_t i = 0; i < sentences; ++i) {
    if (i) s += " ";
    s += rng.pick(verbs);
    s += " ";
    s += rng.pick(objects);
    if (rng.below(3)) (s += " ") += rng.pick(groups);
    if (rng.below(2)) (s += " ") += rng.pick(places);
    if (rng.below(3) == 0) ((s += " yhteistyössä ") += rng.pick(partners)) += " kanssa";
    if (rng.below(4) == 0) (s += " ") += rng.pick(purposes);
    s += ".";
  }
  return s;
}

// A generated plan, before it is written in one format or another.
struct GeneratedRow {
  std::string measure;
  std::string indicator;  // empty: the flaw of a missing indicator
  std::string owner;
};
struct GeneratedGoal {
  std::string title;
  std::string intro;
  std::vector<GeneratedRow> rows;
};
struct GeneratedPlan {
  std::string title;         // "Hyvinvointisuunnitelma Työikäisten 2022–2025"
  std::string municipality;  // "Kunta 12"
  std::string introduction;  // the claims (goal count, measure range) and a sentence more
  std::vector<GeneratedGoal> goals;
};

// A plan with `goals` goals. `index` names the municipality and the theme of the title.
inline GeneratedPlan generate_model(Rng& rng, std::size_t goals, std::size_t index) {
  GeneratedPlan p;
  p.title = "Hyvinvointisuunnitelma " + std::string(themes[index % std::size(themes)]) + " 2022–2025";
  p.municipality = "Kunta " + std::to_string(index);
  p.introduction = goals <= 20 ? "Tavoitteita on " + std::string(number_words[goals]) + "."
                               : "Tavoitteita on " + std::to_string(goals) + ".";
  p.introduction += " Kullekin tavoitteelle on kirjattu 6–12 toimenpidettä. ";
  p.introduction += rng.pick(filler);
  p.goals.resize(goals);
  for (GeneratedGoal& g : p.goals) {
    g.title = rng.pick(themes);
    g.title += " ";
    g.title += rng.pick(aims);
  }
  std::vector<std::string> written;  // some measures already written, for the pasting mistake
  for (GeneratedGoal& g : p.goals) {
    const bool flawed = rng.below(20) == 0;
    g.intro = rng.pick(filler);
    const std::size_t measures = flawed && rng.below(2) ? rng.between(3, 5) : rng.between(6, 12);
    const std::size_t missing = flawed ? rng.below(measures) : measures;
    for (std::size_t m = 0; m < measures; ++m) {
      // About one goal in sixty repeats a measure of an earlier goal word for word: a pasting mistake that
      // duplicate-measure reports.
      const bool paste = flawed && m == 0 && !written.empty() && rng.below(3) == 0;
      GeneratedRow row;
      row.measure = paste ? written[rng.below(written.size())] : measure_text(rng);
      if (m != missing) {
        row.indicator = rng.pick(measured);
        row.indicator += rng.pick(measured_how);
      }
      row.owner = rng.pick(owners);
      if (written.size() < 64) written.push_back(row.measure);
      g.rows.push_back(std::move(row));
    }
  }
  return p;
}

// The draft (samples/tyoikaiset-2022-2025-luonnos.txt): status LUONNOS, tab-separated tables of three columns.
inline std::string render_draft(const GeneratedPlan& p) {
  std::string s = p.title + "\n" + p.municipality + "\nLUONNOS\n\n" + p.introduction + "\n\n";
  for (std::size_t g = 0; g < p.goals.size(); ++g) s += "- TAVOITE " + std::to_string(g + 1) + ". " + p.goals[g].title + "\n";
  s += "\n";
  for (std::size_t g = 0; g < p.goals.size(); ++g) {
    s += "TAVOITE " + std::to_string(g + 1) + ". " + p.goals[g].title + "\n\n";
    s += p.goals[g].intro;
    s += "\n\nToimenpide\tMittari\tVastuutaho\n";
    for (const GeneratedRow& r : p.goals[g].rows) s += r.measure + "\t" + r.indicator + "\t" + r.owner + "\n";
    s += "\n";
  }
  return s;
}

inline std::string generate_plan(Rng& rng, std::size_t goals, std::size_t index) {
  return render_draft(generate_model(rng, goals, index));
}

// A plan whose draft has at least `bytes` bytes, and not much more: the goal count is estimated from a
// small plan's bytes per goal, then raised until the draft is large enough.
inline GeneratedPlan generate_model_of_size(std::uint64_t seed, std::size_t bytes) {
  const Rng rng(seed);
  Rng probe = rng;
  const std::size_t per_goal = std::max<std::size_t>(1, generate_plan(probe, 100, 0).size() / 100);
  std::size_t goals = bytes / per_goal + 1;
  for (;;) {
    Rng attempt = rng;
    GeneratedPlan p = generate_model(attempt, goals, 0);
    if (render_draft(p).size() >= bytes) return p;
    goals += goals / 50 + 1;
  }
}

inline std::string generate_plan_of_size(std::uint64_t seed, std::size_t bytes) {
  return render_draft(generate_model_of_size(seed, bytes));
}

}  // namespace planlint::bench
