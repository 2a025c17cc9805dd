#pragma once
// Voikko, the morphology engine behind Finnish spelling in LibreOffice, behind a thread-safe face with a
// cache. A VoikkoHandle is not thread-safe: the speller keeps a pool of handles, each used by one thread
// at a time (at most `max_handles`; 1 is a mutex around one shared handle), and one cache of verdicts
// and suggestions shared by all threads, so that each distinct word is asked once per run. With a cache
// directory, Voikko's answers are also kept between runs (answer_file.hpp): a speller whose file holds
// answers for its key loads libvoikko only when a word is not in it.
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct VoikkoHandle;

namespace planlint::spell {

struct VoikkoLibrary;

struct SpellerOptions {
  std::string language = "fi";   // a Voikko language code
  std::string dictionary_path;   // searched first; Voikko's standard places (/usr/lib/voikko …) after it
  std::string library = "libvoikko.so.1";  // the shared library to dlopen (voikko_library.hpp)
  bool cache = true;             // false only to measure what the cache saves
  std::string cache_dir;         // where Voikko's answers are kept between runs; empty: not kept
  std::size_t max_handles = 0;   // 0: as many as threads ask at once
};

// The library or the dictionary could not be opened: a message for the user, saying how to install it.
struct SpellerUnavailable {
  std::string message;
};

class Speller {
 public:
  // Throws SpellerUnavailable.
  explicit Speller(SpellerOptions options);
  ~Speller();
  Speller(const Speller&) = delete;
  Speller& operator=(const Speller&) = delete;

  // Voikko's verdict on one word (exactly as written; "esim." with its full stop).
  bool accepts(std::string_view word);
  // Candidates for a rejected word: Voikko's suggestions in Voikko's order, then the words that one or two
  // deleted letters or one swap of neighbours make and that Voikko accepts ("kursseiden" -> "kurssien",
  // which Voikko does not suggest). Unranked: see ranking.hpp.
  std::vector<std::string> suggestions(std::string_view word);

  const SpellerOptions& options() const { return options_; }
  std::size_t handles_opened() const;

  // Writes the answers to the cache directory when Voikko gave new ones since they were read, merged
  // with what another process may have written meanwhile. Never fails: a cache that cannot be written
  // is only slower.
  void save_answers();

 private:
  struct Entry {
    std::optional<bool> accepted;                        // Voikko's spell()
    std::optional<std::vector<std::string>> suggested;   // Voikko's suggest(), kept between runs
    std::optional<std::vector<std::string>> suggestions; // suggested + accepted edits (suggestions())
  };
  // A handle for the calling thread, returned to the pool when the lease ends.
  class Lease;
  VoikkoHandle* acquire();
  void release(VoikkoHandle* h);
  VoikkoHandle* open_handle();  // throws SpellerUnavailable; with pool_mutex_ held
  std::vector<std::string> voikko_suggestions(const std::string& word);
  void load_answers();

  SpellerOptions options_;
  std::string answer_key_;   // voikko_identity(); empty: answers not kept between runs
  bool answers_added_ = false;  // with cache_mutex_ held
  const VoikkoLibrary* voikko_ = nullptr;  // loaded on first use (voikko_library.hpp); with pool_mutex_ held
  mutable std::mutex pool_mutex_;
  std::vector<VoikkoHandle*> free_;
  std::size_t opened_ = 0;
  std::condition_variable_any pool_cv_;
  std::shared_mutex cache_mutex_;
  std::unordered_map<std::string, Entry> cache_;
};

// The message for a dictionary that cannot be opened: what, where, Voikko's reason, how to install it.
std::string unavailable_message(const std::string& language, const std::string& dictionary_path, const char* voikko_error);

// The message for a Voikko library that cannot be loaded (dlopen's reason), saying how to install it.
std::string unloadable_message(const char* soname, const char* reason);

// One speller per (language, dictionary path) for the whole process, opened on first use and shared by
// every rule, document and thread. Throws SpellerUnavailable (each time it is asked: a missing dictionary
// is reported for every document).
Speller& shared_speller(const std::string& language, const std::string& dictionary_path);

// The cache directory of the spellers shared_speller() opens from now on (empty, the default: none).
// The command line sets it (answer_file.hpp: default_cache_dir()); library users and tests opt in.
void set_shared_cache_dir(std::string dir);
// save_answers() of every shared speller: call once the run's checks are done.
void save_shared_answers();

// The message for a dictionary that cannot be opened, or nullopt when it opens.
std::optional<std::string> speller_problem(const std::string& language, const std::string& dictionary_path);

}  // namespace planlint::spell
