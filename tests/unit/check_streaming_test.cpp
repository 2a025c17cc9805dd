// Streaming output (issue 17): documents handed on in input order as they are checked, whatever the number
// of threads, and reports written a document at a time that equal, byte for byte, the reports of the whole
// result.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/ordered_delivery.hpp"
#include "check/runner.hpp"
#include "report/findings.hpp"

using namespace planlint;

namespace {

const std::string root = PLANLINT_SOURCE_DIR;

// Drafts with findings of several rules, a document that cannot be read, and one without findings.
std::vector<std::string> documents() {
  std::vector<std::string> paths;
  for (const char* rule : {"goal-numbering", "duplicate-measure", "measure-missing-indicator", "goal-title-mismatch"}) {
    paths.push_back(root + "/tests/fixtures/rules/" + rule + "/trigger.txt");
    paths.push_back(root + "/tests/fixtures/rules/" + rule + "/ok.txt");
  }
  paths.push_back(root + "/tests/fixtures/rules/no-such-file.txt");
  paths.push_back(root + "/samples/tyoikaiset-2022-2025-luonnos.txt");
  return paths;
}

check::CheckRequest request(unsigned jobs) {
  check::CheckRequest req;
  req.paths = documents();
  req.search_config = false;
  req.jobs = jobs;
  req.command_line.select = {"-spelling"};  // no Voikko needed
  return req;
}

}  // namespace

TEST_CASE("ordered delivery hands results on in input order and holds back those that finish early", "[check][streaming]") {
  std::vector<int> delivered;
  check::OrderedDelivery<int> delivery(4, 4, [&](int&& v) { delivered.push_back(v); });
  for (std::size_t i = 0; i < 4; ++i) REQUIRE(delivery.take() == i);
  CHECK_FALSE(delivery.take().has_value());
  delivery.finish(2, 20);
  delivery.finish(1, 10);
  CHECK(delivered.empty());
  delivery.finish(0, 0);
  CHECK(delivered == std::vector<int>{0, 10, 20});
  delivery.finish(3, 30);
  CHECK(delivered == std::vector<int>{0, 10, 20, 30});
}

TEST_CASE("streamed reports equal the reports of the whole result with one thread and with three", "[check][streaming]") {
  const check::CheckResult whole = check::run_check(request(1));
  REQUIRE(whole.documents.size() == documents().size());
  const std::string json = report::findings_json(whole);
  const std::string github = report::findings_github(whole);
  const std::string text = report::findings_text(whole, {false, true});
  const std::string sarif = report::findings_sarif(whole, root, 1);
  REQUIRE(json.find("\"rule\": \"duplicate-measure\"") != std::string::npos);
  REQUIRE(json.find("\"rule\": \"goal-title-mismatch\"") != std::string::npos);
  for (const unsigned jobs : {1u, 3u}) {
    CAPTURE(jobs);
    check::CheckRequest req = request(jobs);
    std::vector<std::string> files;
    std::string streamed_json = "[", streamed_github, streamed_text;
    bool any = false;
    report::Totals totals;
    report::SarifWriter sarif_writer(root);
    std::string streamed_sarif = sarif_writer.begin();
    req.on_document = [&](check::DocumentResult&& d) {
      files.push_back(d.file);
      totals.add(d);
      streamed_json += report::document_json(d, any);
      streamed_github += report::document_github(d);
      streamed_text += report::document_text(d, {false, true});
      streamed_sarif += sarif_writer.document(d);
    };
    const check::CheckResult result = check::run_check(req);
    CHECK(result.documents.empty());  // nothing kept to the end
    CHECK(files == documents());      // input order
    CHECK(streamed_json + report::json_end(any) == json);
    CHECK(streamed_github == github);
    totals.errors += result.errors.size();
    CHECK(streamed_text + report::findings_summary(totals) + "\n" == text);
    CHECK(streamed_sarif + sarif_writer.end(result.rules, result.errors, 1) == sarif);
  }
}

TEST_CASE("a SARIF log written a document at a time is one valid JSON document with every rule it names", "[check][streaming]") {
  const std::string log = report::findings_sarif(check::run_check(request(2)), root, 1);
  const auto j = nlohmann::json::parse(log);
  const auto& run = j["runs"][0];
  REQUIRE(run["results"].size() > 10);
  for (const auto& r : run["results"]) {
    CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
  }
  CHECK(run["invocations"][0]["toolExecutionNotifications"].size() == 1);  // the file that is missing
  check::CheckResult empty;
  CHECK(nlohmann::json::parse(report::findings_sarif(empty, root, 0))["runs"][0]["results"].empty());
}

TEST_CASE("a streamed JSON report without findings is an empty array", "[check][streaming]") {
  bool any = false;
  check::DocumentResult d;
  d.file = "x.txt";
  CHECK("[" + report::document_json(d, any) + report::json_end(any) == "[]\n");
}
