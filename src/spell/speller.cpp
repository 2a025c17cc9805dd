#include "spell/speller.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include "io/atomic_write.hpp"
#include "spell/answer_file.hpp"
#include "spell/voikko_identity.hpp"
#include "spell/voikko_library.hpp"
#include "text/utf8.hpp"

namespace planlint::spell {
namespace {

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
  VoikkoHandle* get() const { return h_; }

 private:
  Speller& s_;
  VoikkoHandle* h_;
};

Speller::Speller(SpellerOptions options) : options_(std::move(options)) {
  if (options_.cache && !options_.cache_dir.empty()) load_answers();
  // Answers on file for this key show that Voikko opened with exactly this library and these
  // dictionaries (only its answers are written): Voikko is then loaded for the first word they lack, if
  // any. Without them it is opened now, so that a missing library or dictionary is reported when the
  // speller is asked for (speller_problem()), as it always was.
  if (cache_.empty()) {
    std::lock_guard lock(pool_mutex_);
    free_.push_back(open_handle());
  }
}

void Speller::load_answers() {
  auto key = voikko_identity(options_.language, options_.dictionary_path, options_.library);
  if (!key) return;  // no library or no dictionary found: Voikko will say which
  // The options planlint sets on its handles (open_handle()) change Voikko's answers too.
  answer_key_ = std::move(*key) + "option ignore_dot 0\n";
  auto answers = read_answer_file(answer_file_path(options_.cache_dir, answer_key_), answer_key_);
  if (!answers) return;
  cache_.reserve(answers->size());
  for (auto& [word, ok] : answers->spell) cache_[word].accepted = ok;
  for (auto& [word, list] : answers->suggest) cache_[word].suggested = std::move(list);
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
  }
  const std::string path = answer_file_path(options_.cache_dir, answer_key_);
  // Another run (-j in a hook, an editor) may have written since this one read: keep its answers too.
  // Same key, same Voikko: its answers and this run's cannot disagree.
  if (auto disk = read_answer_file(path, answer_key_); disk && disk->size() + answers.size() <= max_answer_records) {
    answers.spell.merge(disk->spell);
    answers.suggest.merge(disk->suggest);
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
  for (VoikkoHandle* h : free_) voikko_->terminate(h);
}

VoikkoHandle* Speller::open_handle() {
  if (!voikko_) voikko_ = &load_voikko(options_.library.c_str());
  const char* error = nullptr;
  VoikkoHandle* h = voikko_->init(&error, options_.language.c_str(),
                                  options_.dictionary_path.empty() ? nullptr : options_.dictionary_path.c_str());
  if (!h) throw SpellerUnavailable{unavailable_message(options_.language, options_.dictionary_path, error)};
  // Words are checked one by one as the tokenizer cut them; Voikko's own handling stays as it is.
  voikko_->set_boolean_option(h, VOIKKO_OPT_IGNORE_DOT, 0);
  ++opened_;
  return h;
}

VoikkoHandle* Speller::acquire() {
  std::unique_lock lock(pool_mutex_);
  for (;;) {
    if (!free_.empty()) {
      VoikkoHandle* h = free_.back();
      free_.pop_back();
      return h;
    }
    if (options_.max_handles == 0 || opened_ < options_.max_handles) return open_handle();
    pool_cv_.wait(lock);
  }
}

void Speller::release(VoikkoHandle* h) {
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
  const std::string key(word);
  if (options_.cache) {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end() && it->second.accepted) return *it->second.accepted;
  }
  bool accepted = false;
  {
    Lease lease(*this);
    accepted = voikko_->spell(lease.get(), key.c_str()) == VOIKKO_SPELL_OK;
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
  std::vector<std::string> out = voikko_suggestions(key);
  for (std::string& edit : near_edits(key)) {
    if (std::find(out.begin(), out.end(), edit) == out.end() && accepts(edit)) out.push_back(std::move(edit));
  }
  if (options_.cache) {
    std::unique_lock lock(cache_mutex_);
    cache_.try_emplace(key).first->second.suggestions = out;
  }
  return out;
}

std::vector<std::string> Speller::voikko_suggestions(const std::string& word) {
  if (options_.cache) {
    std::shared_lock lock(cache_mutex_);
    if (auto it = cache_.find(word); it != cache_.end() && it->second.suggested) return *it->second.suggested;
  }
  std::vector<std::string> out;
  {
    Lease lease(*this);
    if (char** list = voikko_->suggest(lease.get(), word.c_str())) {
      for (char** p = list; *p; ++p) out.emplace_back(*p);
      voikko_->free_cstr_array(list);
    }
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
