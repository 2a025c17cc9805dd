// Row recovery on small tables given as lines, and the cue functions it weighs.
#include <catch2/catch.hpp>

#include "read/detect.hpp"
#include "read/joined_text.hpp"
#include "read/line_cues.hpp"
#include "read/row_recovery.hpp"

using namespace planlint::read;

namespace {

// Lines as block text gives them: trailing blanks count.
struct Table {
  std::vector<std::string> text;
  std::vector<rows::BlockLine> lines;
  explicit Table(std::vector<std::string> raw) : text(std::move(raw)) {
    for (const std::string& l : text) {
      const auto e = l.find_last_not_of(' ');
      lines.push_back(rows::BlockLine{std::string_view(l).substr(0, e + 1), static_cast<int>(l.size() - e - 1)});
    }
  }
  std::string cell(const std::vector<rows::Piece>& pieces) const {
    std::string s;
    for (const rows::Piece& p : pieces) {
      if (!s.empty()) s += ' ';
      s += std::string(lines[p.line].text.substr(p.begin, p.end - p.begin));
    }
    return s;
  }
};

}  // namespace

TEST_CASE("cues: sentence ends / abbreviations / openers and indicator nouns", "[read][cues]") {
  CHECK(ends_sentence("palveluihin."));
  CHECK(ends_sentence("toimintaan)."));
  CHECK_FALSE(ends_sentence("joukkoliikenteellä (esim."));
  CHECK_FALSE(ends_sentence("tukevaan"));
  CHECK(opens_measure("Lisätään sovelletun liikunnan"));
  CHECK(opens_measure("Kokeillaan luonto-liikunta"));   // by its passive ending
  CHECK_FALSE(opens_measure("toimintaan kolmannelle"));  // small initial: not a sentence start
  CHECK(ends_indicator("Perhe Töpinöiden kävijämäärä"));
  CHECK(ends_indicator("saatu (kyllä/ei)"));
  CHECK(ends_indicator("kuntoportaiden määrä/vuosi"));
  CHECK_FALSE(ends_indicator("Tehdyt kehittämistoimenpiteet"));
  CHECK(ends_open("yhteistyötä ja"));
  CHECK(ends_open("ilta-"));
  CHECK(sentence_starts("Tuetaan aktiivisia liikkumismuotoja. Kulkutapaosuuksien muutos") == std::vector<std::size_t>{37});
  CHECK(sentence_starts("kaikissa suuralueiden esim. asukastaloissa").empty());
}

TEST_CASE("rows: soft wraps continue a cell - a hard end and a capital start the next", "[read][rows]") {
  const Table t({"Mielenterveys- ja päihdepalveluista ohjataan muuta hyvinvointia ja terveyttä tukevaan ",
                 "toimintaan kolmannelle sektorille ja kaupungin muihin palveluihin.",
                 "Ohjausten määrä eri palveluihin ja toimintoihin (Lifecare)",
                 "Lisätään perheiden hyvinvointia järjestämällä mm. lapsiperheille yhteisiä liikunnallisia ",
                 "Perhe Töpinöitä", "Perhe Töpinöiden kävijämäärä"});
  const auto rows = rows::recover_block_rows(t.lines);
  REQUIRE(rows.size() == 2);
  CHECK(t.cell(rows[0].measure).starts_with("Mielenterveys-"));
  CHECK(t.cell(rows[0].measure).ends_with("palveluihin."));
  REQUIRE(rows[0].indicator);
  CHECK(t.cell(*rows[0].indicator) == "Ohjausten määrä eri palveluihin ja toimintoihin (Lifecare)");
  CHECK(t.cell(rows[1].measure).ends_with("Perhe Töpinöitä"));
  CHECK(t.cell(*rows[1].indicator) == "Perhe Töpinöiden kävijämäärä");
}

TEST_CASE("rows: a line that holds a one-line measure and its indicator is split", "[read][rows]") {
  const Table t({"Tuetaan aktiivisia liikkumismuotoja. Kulkutapaosuuksien muutos",
                 "Luodaan hyvin saavutettavat palvelut verkostokaupunkiin. Palvelukeskittymien saavutettavuus (esim. ",
                 "prosentuaalinen osuus väestöstä)"});
  const auto rows = rows::recover_block_rows(t.lines);
  REQUIRE(rows.size() == 2);
  CHECK(t.cell(rows[0].measure) == "Tuetaan aktiivisia liikkumismuotoja.");
  CHECK(t.cell(*rows[0].indicator) == "Kulkutapaosuuksien muutos");
  CHECK(t.cell(rows[1].measure) == "Luodaan hyvin saavutettavat palvelut verkostokaupunkiin.");
  CHECK(t.cell(*rows[1].indicator) == "Palvelukeskittymien saavutettavuus (esim. prosentuaalinen osuus väestöstä)");
  for (const auto& r : rows) CHECK(r.confidence > 0.8);
}

TEST_CASE("rows: a passive verb after a full stop goes on with the measure - not the indicator", "[read][rows]") {
  const Table t({"Toteutetaan Liikuntaa ja painonhallintaa -lyhytkursseja myös verkkokursseina. ",
                 "Mahdollistetaan kiintiöpaikkoja kursseille osallistuville yhteistyötahojen kautta.",
                 "Liikunta ja painonhallintaa -kurssien määrä/osallistujamäärä",
                 "Lisätään perheiden hyvinvointia järjestämällä mm. lapsiperheille yhteisiä liikunnallisia ",
                 "tapahtumia.", "Tuetaan aktiivisia liikkumismuotoja. Kulkutapaosuuksien muutos"});
  const auto rows = rows::recover_block_rows(t.lines);
  REQUIRE(rows.size() == 3);
  CHECK(t.cell(rows[0].measure).ends_with("yhteistyötahojen kautta."));
  // A measure without an indicator: the next line holds a measure and its indicator.
  CHECK(t.cell(rows[1].measure).ends_with("liikunnallisia tapahtumia."));
  CHECK_FALSE(rows[1].indicator);
  CHECK(t.cell(rows[2].measure) == "Tuetaan aktiivisia liikkumismuotoja.");
}

TEST_CASE("rows: a one-line measure's indicator starts on its line / so lines below it go on the indicator",
          "[read][rows]") {
  const Table t({"Järjestetään ilta- ja viikonloppuaikaista toimintaa nuorille, joilla ",
                 "ei ole harrastusta. Toiminnassa hyödynnetään nuorten omia ideoita.", "Osallistujamäärät",
                 "Uusien harrastajien osuus", "Palautekyselyn tulokset",
                 "Vahvistetaan yhteistyötä urheiluseurojen kanssa. Seurojen kanssa tehdyt sopimukset"});
  const auto rows = rows::recover_block_rows(t.lines);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].indicator);
  CHECK(t.cell(*rows[0].indicator) == "Osallistujamäärät Uusien harrastajien osuus Palautekyselyn tulokset");
  CHECK(t.cell(rows[1].measure) == "Vahvistetaan yhteistyötä urheiluseurojen kanssa.");
}

TEST_CASE("rows: an indicator does not go on into a sentence that a soft wrap carries on", "[read][rows]") {
  // As in seed 000: the second measure's first sentence could be read as the indicator's second line.
  const Table t({"Mielenterveys- ja päihdepalveluista ohjataan muuta hyvinvointia ja terveyttä tukevaan ",
                 "toimintaan kolmannelle sektorille ja kaupungin muihin palveluihin.",
                 "Ohjausten määrä eri palveluihin ja toimintoihin (Lifecare)",
                 "Ilmaiset/edulliset hyvinvointipalvelut edistävät kuntalaisten omaehtoista toimintaa. ",
                 "Jatketaan Kaikukortti -toimintaa ja edistetään yhteisökortin käyttöä. Kaikukortin ",
                 "viestintää kehitetään järjestöyhteistyöllä.", "Kaikukortin käyttö: jaettujen korttien määrä",
                 "Kulttuuri: yhteisökortin käyttö",
                 "Edistetään yhteisöllisyyttä lisäämällä kaikissa suuralueiden esim. asukastaloissa ilta-",
                 "ja viikonloppuaikaista toimintaa.", "Laajennetut aukioloajat ja tilojen hyödyntäminen/määrä."});
  const auto rows = rows::recover_block_rows(t.lines);
  REQUIRE(rows.size() == 3);
  CHECK(t.cell(*rows[0].indicator) == "Ohjausten määrä eri palveluihin ja toimintoihin (Lifecare)");
  CHECK(t.cell(rows[1].measure).starts_with("Ilmaiset/edulliset"));
  CHECK(t.cell(*rows[1].indicator) == "Kaikukortin käyttö: jaettujen korttien määrä Kulttuuri: yhteisökortin käyttö");
  for (const auto& r : rows) CHECK(r.confidence >= 0.8);  // uncertain-row-boundary's default threshold
}

TEST_CASE("rows: a boundary that two readings explain about equally well has a low confidence", "[read][rows]") {
  // A one-line measure without an indicator, or the first sentence of a measure that goes on after a hard
  // line break: nothing in the text tells which.
  const Table t({"Lisätään koulupäivän yhteyteen maksuttomia harrastuskerhoja. Kerhojen määrä",
                 "Nuorisovaltuusto osallistuu liikuntapaikkojen suunnitteluun.",
                 "Kehitetään liikuntaneuvontaa yhteistyössä koulujen sekä sosiaali- ja ", "terveyspalveluiden kanssa.",
                 "Neuvontaan ohjattujen nuorten määrä",
                 "Vahvistetaan yhteistyötä urheiluseurojen kanssa. Seurojen kanssa tehdyt sopimukset"});
  const auto rows = rows::recover_block_rows(t.lines);
  REQUIRE(rows.size() >= 3);
  CHECK(rows.front().confidence >= 0.8);  // uncertain-row-boundary's default threshold
  CHECK(rows.back().confidence >= 0.8);
  for (std::size_t i = 1; i + 1 < rows.size(); ++i) CHECK(rows[i].confidence < 0.8);
}

TEST_CASE("layout rows: columns that restart mark a new row", "[read][rows][layout]") {
  std::vector<rows::LayoutLine> lines = {
      {"Mielenterveys- ja päihdepalveluista ohjataan", "Ohjausten määrä eri palveluihin ja"},
      {"muuta hyvinvointia tukevaan toimintaan.", "toimintoihin (Lifecare)"},
      {"Ilmaiset hyvinvointipalvelut edistävät", "Kaikukortin käyttö: jaettujen korttien"},
      {"kuntalaisten omaehtoista toimintaa.", "määrä"},
      {std::nullopt, "Kulttuuri: yhteisökortin käyttö"},
      {"Tuetaan aktiivisia liikkumismuotoja.", "Kulkutapaosuuksien muutos"},
  };
  const auto rows = rows::recover_layout_rows(lines);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].first == 0);
  CHECK(rows[0].last == 1);
  CHECK(rows[1].first == 2);
  CHECK(rows[1].last == 4);
  CHECK(rows[2].first == 5);
}

TEST_CASE("layout rows: blank lines between rows show a row without an indicator", "[read][rows][layout]") {
  std::vector<rows::LayoutLine> lines = {
      {"Mielenterveys- ja päihdepalveluista ohjataan", "Ohjausten määrä eri palveluihin ja"},
      {"muuta hyvinvointia tukevaan toimintaan.", "toimintoihin (Lifecare)"},
      {},
      {"Ilmaiset hyvinvointipalvelut edistävät", "Kaikukortin käyttö: jaettujen korttien"},
      {"kuntalaisten omaehtoista toimintaa.", "määrä"},
      {std::nullopt, "Kulttuuri: yhteisökortin käyttö"},
      {},
      {"Tuetaan aktiivisia liikkumismuotoja.", "Kulkutapaosuuksien muutos"},
      {},
      {"Luodaan hyvin saavutettavat palvelut", std::nullopt},
      {"verkostokaupunkiin.", std::nullopt},
      {},
      {"Edistetään terveyttä ja hyvinvointia.", "Ympäristöhäiriöt"},
  };
  const auto rows = rows::recover_layout_rows(lines);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].first == 0);
  CHECK(rows[0].last == 1);
  CHECK(rows[1].first == 3);
  CHECK(rows[1].last == 5);
  CHECK(rows[2].first == 7);
  CHECK(rows[3].first == 9);  // a row without an indicator
  CHECK(rows[3].last == 10);
  CHECK(rows[4].first == 12);
}

TEST_CASE("joining lines: hyphens", "[read][join]") {
  const Lexicon doc("hyvinvointia yhteistyö-mallilla");
  CHECK(join_between("ilta-", false, "ja viikonloppuaikaista", doc) == Join::space);
  CHECK(join_between("yhteistyö-", false, "mallilla", doc) == Join::none);
  CHECK(join_between("hyvin-", false, "vointia", doc) == Join::drop_hyphen);
  CHECK(join_between("tukevaan", true, "toimintaan", doc) == Join::space);
}

TEST_CASE("format detection from the shape of the lines", "[read][detect]") {
  CHECK(detect_format("Otsikko\n\nToimenpide\tMittari\nA\tB\nC\tD\n") == DetectedFormat::draft);
  CHECK(detect_format(" Otsikko\n\nteksti \n\njatkuu.\n\nToimenpide Mittari\n\nA\n\nB\n") == DetectedFormat::blocks);
  CHECK(detect_format("Otsikko\n\nToimenpide        Mittari\nA teksti          B teksti\nC jatkuu          D\n"
                      "E                 F\nG                 H\n") == DetectedFormat::layout);
  CHECK(detect_format("Otsikko\n\fSivu\n") == DetectedFormat::layout);
  CHECK(detect_format("Pelkkää tekstiä.\nToinen rivi.\nKolmas rivi.\nNeljäs.\n") == DetectedFormat::draft);
}

// detect_format stops reading at the second tab row; what follows cannot change its answer, and with
// fewer tab rows it still reads everything.
TEST_CASE("format detection: two tab rows decide / wherever they are", "[read][detect]") {
  std::string layout_tail;
  for (int i = 0; i < 50; ++i) layout_tail += "teksti          sarake\n\f";
  CHECK(detect_format("A\tB\nC\tD\n" + layout_tail) == DetectedFormat::draft);
  CHECK(detect_format("A\tB\n" + layout_tail + "C\tD") == DetectedFormat::draft);
  CHECK(detect_format("A\tB\n" + layout_tail) == DetectedFormat::layout);
  CHECK(detect_format(layout_tail + "\tB\n") == DetectedFormat::layout);  // a leading tab is not between text
  const FormatEvidence e = format_evidence("A\tB\nC\tD\n" + layout_tail);
  CHECK(e.tab_rows == 2);
  CHECK(e.form_feeds == 50);  // format_evidence itself still reads the whole text
  CHECK(e.lines == 52);
}
