#include "spell/speller.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include "io/atomic_write.hpp"
#include "spell/answer_file.hpp"
#include "spell/hunspell_library.hpp"
#include "spell/voikko_identity.hpp"
#include "spell/voikko_library.hpp"
#include "text/utf8.hpp"

namespace planlint::spell {

// One handle of an engine, used by one thread at a time.
class EngineHandle {
 public:
  virtual ~EngineHandle() = default;
  virtual bool spell(const std::string& word) = 0;
  virtual std::vector<std::string> suggest(const std::string& word) = 0;
  virtual std::vector<Analysis> analyze(const std::string&) { return {}; }
  virtual std::vector<GrammarError> grammar(const std::string&, const std::string&) { return {}; }
};

namespace {

class VoikkoEngine final : public EngineHandle {
 public:
  VoikkoEngine(const VoikkoLibrary& lib, VoikkoHandle* h) : lib_(lib), h_(h) {}
  ~VoikkoEngine() override { lib_.terminate(h_); }
  bool spell(const std::string& word) override { return lib_.spell(h_, word.c_str()) == VOIKKO_SPELL_OK; }
  std::vector<std::string> suggest(const std::string& word) override {
    std::vector<std::string> out;
    if (char** list = lib_.suggest(h_, word.c_str())) {
      for (char** p = list; *p; ++p) out.emplace_back(*p);
      lib_.free_cstr_array(list);
    }
    return out;
  }
  std::vector<Analysis> analyze(const std::string& word) override {
    std::vector<Analysis> out;
    voikko_mor_analysis** list = lib_.analyze(h_, word.c_str());
    if (!list) return out;
    const auto value = [&](const voikko_mor_analysis* a, const char* key) {
      std::string v;
      if (char* c = lib_.analysis_value(a, key)) {
        v = c;
        lib_.free_analysis_value(c);
      }
      return v;
    };
    for (voikko_mor_analysis** a = list; *a; ++a) {
      out.push_back(Analysis{value(*a, "BASEFORM"), value(*a, "WORDBASES"), value(*a, "STRUCTURE"), value(*a, "CLASS")});
    }
    lib_.free_analysis(list);
    return out;
  }
  std::vector<GrammarError> grammar(const std::string& text, const std::string& description_language) override {
    std::vector<GrammarError> out;
    // Voikko returns the errors of a paragraph one by one: the n-th call skips the n errors before it.
    for (int skip = 0;; ++skip) {
      VoikkoGrammarError* e = lib_.next_grammar_error(h_, text.c_str(), text.size(), 0, skip);
      if (!e) break;
      GrammarError g{lib_.grammar_error_code(e), lib_.grammar_error_start(e), lib_.grammar_error_length(e), {}, {}};
      if (char* d = lib_.grammar_error_description(e, description_language.c_str())) {
        g.description = d;
        lib_.free_error_message(d);
      }
      if (const char** s = lib_.grammar_error_suggestions(e)) {
        for (const char** p = s; *p; ++p) g.suggestions.emplace_back(*p);
      }
      lib_.free_grammar_error(e);
      out.push_back(std::move(g));
    }
    return out;
  }

 private:
  const VoikkoLibrary& lib_;
  VoikkoHandle* h_;
};

class HunspellEngine final : public EngineHandle {
 public:
  HunspellEngine(const HunspellLibrary& lib, Hunhandle* h) : lib_(lib), h_(h) {}
  ~HunspellEngine() override { lib_.destroy(h_); }
  bool spell(const std::string& word) override { return lib_.spell(h_, word.c_str()) != 0; }
  std::vector<std::string> suggest(const std::string& word) override {
    std::vector<std::string> out;
    char** list = nullptr;
    const int n = lib_.suggest(h_, &list, word.c_str());
    for (int i = 0; i < n; ++i) out.emplace_back(list[i]);
    if (list) lib_.free_list(h_, &list, n);
    return out;
  }

 private:
  const HunspellLibrary& lib_;
  Hunhandle* h_;
};

// The .aff and .dic of a Hunspell dictionary: in `dir` when given, else in /usr/share/hunspell; nullopt
// when neither has both.
std::optional<std::pair<std::string, std::string>> hunspell_files(const std::string& language, const std::string& dir) {
  const std::string name = hunspell_dictionary_name(language);
  for (const std::string& d : {dir, std::string(hunspell_dictionary_dir)}) {
    if (d.empty()) continue;
    const std::string aff = (std::filesystem::path(d) / (name + ".aff")).string();
    const std::string dic = (std::filesystem::path(d) / (name + ".dic")).string();
    std::error_code ec;
    if (std::filesystem::is_regular_file(aff, ec) && std::filesystem::is_regular_file(dic, ec)) return std::pair{aff, dic};
  }
  return std::nullopt;
}

// The code points of a word as UTF-8 pieces, so that edits never split a character.
std::vector<std::string_view> characters(std::string_view w) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < w.size();) {
    const std::size_t start = i;
    utf8::decode(w, i);
    out.push_back(w.substr(start, i - start));
  }
  return out;
}

std::string joined(const std::vector<std::string_view>& cs, std::size_t skip1, std::size_t skip2) {
  std::string out;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (i != skip1 && i != skip2) out += cs[i];
  }
  return out;
}

// One or two letters deleted, or two neighbours swapped. Words of fewer than four letters are left alone,
// and so are words of more than twenty: their edits (quadratic in length) would cost more than they find.
std::vector<std::string> near_edits(std::string_view w) {
  const auto cs = characters(w);
  std::vector<std::string> out;
  if (cs.size() < 4 || cs.size() > 20) return out;
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    out.push_back(joined(cs, i, none));
    for (std::size_t j = i + 1; j < cs.size(); ++j) out.push_back(joined(cs, i, j));
  }
  for (std::size_t i = 0; i + 1 < cs.size(); ++i) {
    std::vector<std::string_view> swapped = cs;
    std::swap(swapped[i], swapped[i + 1]);
    out.push_back(joined(swapped, none, none));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

class Speller::Lease {
 public:
  explicit Lease(Speller& s) : s_(s), h_(s.acquire()) {}
  ~Lease() { s_.release(h_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  EngineHandle* get() const { return h_; }

 private:
  Speller& s_;
  EngineHandle* h_;
};

Engine engine_for(std::string_view language) {
  // English is only ever a language a plan quotes (runs of English words, hunspell-en-us).
  for (std::string_view code : {"sv", "en"}) {
    if (language == code || language.starts_with(std::string(code) + "_") || language.starts_with(std::string(code) + "-")) return Engine::hunspell;
  }
  return Engine::voikko;
}

std::string hunspell_dictionary_name(std::string_view language) {
  // Finland's Swedish dictionary (sv_FI, also in hunspell-sv) knows Esbo, Vanda and Grankulla, which
  // sv_SE does not; "sv" is sv_SE as issue 16 asks, and "sv_FI" can be asked for by name.
  if (language == "sv") return "sv_SE";
  if (language == "en") return "en_US";  // hunspell-en-us
  std::string name(language);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

Speller::Speller(SpellerOptions options) : options_(std::move(options)), engine_(engine_for(options_.language)) {
  if (options_.library.empty()) options_.library = engine_ == Engine::hunspell ? hunspell_soname : "libvoikko.so.1";
  if (options_.cache && !options_.cache_dir.empty()) load_answers();
  // Answers on file for this key show that the engine opened with exactly this library and these
  // dictionaries (only its answers are written): it is then loaded for the first word they lack, if
  // any. Without them it is opened now, so that a missing library or dictionary is reported when the
  // speller is asked for (speller_problem()), as it always was.
  if (!disk_ || disk_->records() == 0) {
    std::lock_guard lock(pool_mutex_);
    free_.push_back(open_handle());
  }
}

void Speller::load_answers() {
  if (engine_ == Engine::hunspell) {
    const auto files = hunspell_files(options_.language, options_.dictionary_path);
    if (!files) return;  // opening will say what is missing
    auto key = hunspell_identity(options_.language, files->first, files->second, options_.library);
    if (!key) return;
    answer_key_ = std::move(*key);
  } else {
    auto key = voikko_identity(options_.language, options_.dictionary_path, options_.library);
    if (!key) return;  // no library or no dictionary found: Voikko will say which
    // The options planlint sets on its handles (open_handle()) change Voikko's answers too.
    answer_key_ = std::move(*key) + "option ignore_dot 0\n";
  }
  // Mapped, not read: each word is looked up when it is first asked about (AnswerIndex).
  disk_ = AnswerIndex::open(answer_file_path(options_.cache_dir, answer_key_, engine_prefix()), answer_key_);
}

void Speller::save_answers() {
  if (answer_key_.empty()) return;
  VoikkoAnswers answers;
  {
    std::shared_lock lock(cache_mutex_);
    if (!answers_added_) return;
    for (const auto& [word, e] : cache_) {
      if (e.accepted) answers.spell.emplace(word, *e.accepted);
      if (e.suggested) answers.suggest.emplace(word, *e.suggested);
    }
    answers.grammar.insert(grammar_cache_.begin(), grammar_cache_.end());
  }
  const std::string path = answer_file_path(options_.cache_dir, answer_key_, engine_prefix());
  // Another run (-j in a hook, an editor) may have written since this one read: keep its answers too.
  // Same key, same Voikko: its answers and this run's cannot disagree.
  if (auto disk = read_answer_file(path, answer_key_); disk && disk->size() + answers.size() <= max_answer_records) {
    answers.spell.merge(disk->spell);
    answers.suggest.merge(disk->suggest);
    answers.grammar.merge(disk->grammar);
  }
  try {
    std::error_code ec;
    std::filesystem::create_directories(options_.cache_dir, ec);
    if (answers.size() > max_answer_records) {
      // Grown past its bound (a corpus of nonsense, years of documents): start again with the next run.
      std::filesystem::remove(path, ec);
      return;
    }
    const std::string content = format_answers(answer_key_, answers);
    if (content.size() > max_answer_file_bytes) {
      std::filesystem::remove(path, ec);
      return;
    }
    io::atomic_write(path, content, /*sync=*/false);  // a file cut short by a crash is ignored when read
  } catch (const std::exception&) {
    return;  // unwritable: the next run asks Voikko again, nothing worse
  }
  std::unique_lock lock(cache_mutex_);
  answers_added_ = false;
}

Speller::~Speller() {
  for (EngineHandle* h : free_) delete h;
}

const char* Speller::engine_prefix() const { return engine_ == Engine::hunspell ? "hunspell" : "voikko"; }

EngineHandle* Speller::open_handle() {
  if (engine_ == Engine::hunspell) {
    const auto files = hunspell_files(options_.language, options_.dictionary_path);
    if (!files) throw SpellerUnavailable{hunspell_missing_message(options_.language, options_.dictionary_path)};
    const HunspellLibrary& lib = load_hunspell(options_.library.c_str());
    Hunhandle* h = lib.create(files->first.c_str(), files->second.c_str());
    if (!h) throw SpellerUnavailable{hunspell_missing_message(options_.language, options_.dictionary_path)};
    // planlint's words are UTF-8, and Hunspell wants them in the dictionary's encoding.
    const char* encoding = lib.dic_encoding(h);
    std::string enc = encoding ? encoding : "";
    std::transform(enc.begin(), enc.end(), enc.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (enc != "UTF-8" && enc != "UTF8") {
      lib.destroy(h);
      throw SpellerUnavailable{fmt::format(
          "spelling is not checked: the Hunspell dictionary '{}' is in {}, and planlint reads only UTF-8 "
          "dictionaries (Debian's hunspell-sv is UTF-8)",
          files->second, enc.empty() ? "an unknown encoding" : enc)};
    }
    ++opened_;
    return new HunspellEngine(lib, h);
  }
  const VoikkoLibrary& voikko = load_voikko(options_.library.c_str());
  const char* error = nullptr;
  VoikkoHandle* h = voikko.init(&error, options_.language.c_str(),
                                options_.dictionary_path.empty() ? nullptr : options_.dictionary_path.c_str());
  if (!h) throw SpellerUnavailable{unavailable_message(options_.language, options_.dictionary_path, error)};
  // Words are checked one by one as the tokenizer cut them; Voikko's own handling stays as it is.
  voikko.set_boolean_option(h, VOIKKO_OPT_IGNORE_DOT, 0);
  ++opened_;
  return new VoikkoEngine(voikko, h);
}

EngineHandle* Speller::acquire() {
  std::unique_lock lock(pool_mutex_);
  for (;;) {
    if (!free_.empty()) {
      EngineHandle* h = free_.back();
      free_.pop_back();
      return h;
    }
    if (options_.max_handles == 0 || opened_ < options_.max_handles) return open_handle();
    pool_cv_.wait(lock);
  }
}

void Speller::release(EngineHandle* h) {
  {
    std::lock_guard lock(pool_mutex_);
    free_.push_back(h);
  }
  pool_cv_.notify_one();
}

std::size_t Speller::handles_opened() const {
  std::lock_guard lock(pool_mutex_);
  return opened_;
}

bool Speller::accepts(std::string_view word) {
  if (options_.cache) {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(word); it != cache_.end() && it->second.accepted) return *it->second.accepted;
  }
  const std::string key(word);
  if (const auto known = options_.cache && disk_ ? disk_->spell(word) : std::nullopt) {
    std::unique_lock lock(cache_mutex_);
    cache_.try_emplace(key).first->second.accepted = *known;
    return *known;
  }
  bool accepted = false;
  {
    Lease lease(*this);
    accepted = lease.get()->spell(key);
  }
  if (options_.cache) {
    std::unique_lock lock(cache_mutex_);
    cache_.try_emplace(key).first->second.accepted = accepted;
    answers_added_ = true;
  }
  return accepted;
}

std::vector<std::string> Speller::suggestions(std::string_view word) {
  const std::string key(word);
  if (options_.cache) {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end() && it->second.suggestions) return *it->second.suggestions;
  }
  std::vector<std::string> out = engine_suggestions(key);
  for (std::string& edit : near_edits(key)) {
    if (std::find(out.begin(), out.end(), edit) == out.end() && accepts(edit)) out.push_back(std::move(edit));
  }
  if (options_.cache) {
    std::unique_lock lock(cache_mutex_);
    cache_.try_emplace(key).first->second.suggestions = out;
  }
  return out;
}

std::size_t Analysis::parts() const {
  const auto n = static_cast<std::size_t>(std::count(structure.begin(), structure.end(), '='));
  return std::max<std::size_t>(n, 1);
}

std::vector<Analysis> Speller::analyses(std::string_view word) {
  const std::string key(word);
  {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end() && it->second.analyses) return *it->second.analyses;
  }
  std::vector<Analysis> out;
  {
    Lease lease(*this);
    out = lease.get()->analyze(key);
  }
  std::unique_lock lock(cache_mutex_);
  cache_.try_emplace(key).first->second.analyses = out;
  return out;
}

std::vector<GrammarError> Speller::grammar_errors(std::string_view paragraph, const std::string& description_language) {
  std::string key;
  if (options_.cache) {
    key = grammar_key(paragraph, description_language);
    std::shared_lock lock(cache_mutex_);
    if (auto it = grammar_cache_.find(key); it != grammar_cache_.end()) return it->second;
  }
  if (auto known = options_.cache && disk_ ? disk_->grammar(key) : std::nullopt) {
    std::unique_lock lock(cache_mutex_);
    grammar_cache_.try_emplace(key, *known);
    return std::move(*known);
  }
  std::vector<GrammarError> out;
  {
    Lease lease(*this);
    out = lease.get()->grammar(std::string(paragraph), description_language);
  }
  if (options_.cache) {
    std::unique_lock lock(cache_mutex_);
    grammar_cache_.try_emplace(std::move(key), out);
    answers_added_ = true;
  }
  return out;
}

std::vector<std::string> Speller::engine_suggestions(const std::string& word) {
  if (options_.cache) {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(word); it != cache_.end() && it->second.suggested) return *it->second.suggested;
  }
  if (auto known = options_.cache && disk_ ? disk_->suggest(word) : std::nullopt) {
    std::unique_lock lock(cache_mutex_);
    cache_.try_emplace(word).first->second.suggested = *known;
    return std::move(*known);
  }
  std::vector<std::string> out;
  {
    Lease lease(*this);
    out = lease.get()->suggest(word);
  }
  if (options_.cache) {
    std::unique_lock lock(cache_mutex_);
    cache_.try_emplace(word).first->second.suggested = out;
    answers_added_ = true;
  }
  return out;
}

std::string unavailable_message(const std::string& language, const std::string& dictionary_path, const char* voikko_error) {
  const std::string package = language == "fi" ? "voikko-fi" : "a Voikko dictionary for '" + language + "'";
  const std::string where = dictionary_path.empty() ? std::string() : fmt::format(" (searched in '{}' too)", dictionary_path);
  return fmt::format(
      "spelling is not checked: the Voikko dictionary for language '{}' cannot be opened{} ({}); install it, e.g. "
      "`apt-get install libvoikko1 {}`",
      language, where, voikko_error ? voikko_error : "unknown error", package);
}

std::string unloadable_message(const char* soname, const char* reason) {
  return fmt::format(
      "spelling is not checked: the Voikko library '{}' cannot be loaded ({}); install it, e.g. "
      "`apt-get install libvoikko1 voikko-fi`",
      soname, reason ? reason : "unknown error");
}

std::string hunspell_missing_message(const std::string& language, const std::string& dictionary_path) {
  const std::string name = hunspell_dictionary_name(language);
  const std::string where = dictionary_path.empty() ? fmt::format("'{}'", hunspell_dictionary_dir)
                                                    : fmt::format("'{}' or '{}'", dictionary_path, hunspell_dictionary_dir);
  return fmt::format(
      "spelling is not checked: the Hunspell dictionary for language '{}' ({}.aff and {}.dic) is not in {}; "
      "install it, e.g. `apt-get install libhunspell-1.7-0 {}`",
      language, name, name, where, language.starts_with("en") ? "hunspell-en-us" : "hunspell-sv");
}

namespace {

struct Registry {
  std::mutex mutex;
  std::string cache_dir;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Speller>> spellers;
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

Speller& shared_speller(const std::string& language, const std::string& dictionary_path) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  auto& slot = r.spellers[{language, dictionary_path}];
  if (!slot) {
    SpellerOptions o;
    o.language = language;
    o.dictionary_path = dictionary_path;
    o.cache_dir = r.cache_dir;
    slot = std::make_unique<Speller>(o);  // throws, leaving the slot empty: asked again next time
  }
  return *slot;
}

void set_shared_cache_dir(std::string dir) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.cache_dir = std::move(dir);
}

void save_shared_answers() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  for (auto& [key, speller] : r.spellers) {
    if (speller) speller->save_answers();
  }
}

std::optional<std::string> speller_problem(const std::string& language, const std::string& dictionary_path) {
  try {
    shared_speller(language, dictionary_path);
    return std::nullopt;
  } catch (const SpellerUnavailable& e) {
    return e.message;
  }
}

}  // namespace planlint::spell
