#pragma once
// A spelling engine behind a thread-safe face with a cache: Voikko, the morphology engine behind Finnish
// spelling in LibreOffice, for Finnish (and any other language Voikko has a dictionary for), and Hunspell
// for Swedish (engine_for()). An engine's handle is not thread-safe: the speller keeps a pool of handles,
// each used by one thread at a time (at most `max_handles`; 1 is a mutex around one shared handle), and
// one cache of verdicts and suggestions shared by all threads, so that each distinct word is asked once
// per run. One speller is one language: a Finnish and a Swedish answer for the same word live in two
// spellers' caches, and in two answer files. With a cache directory, the engine's answers are also kept
// between runs (answer_file.hpp): a speller whose file holds answers for its key loads its engine only
// when a word is not in it.
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

#include "spell/answer_file.hpp"
#include "spell/grammar_error.hpp"
#include "text/string_map.hpp"

namespace planlint::spell {

// The engines planlint can spell with.
enum class Engine { voikko, hunspell };
// Hunspell for Swedish ("sv", "sv_SE", "sv_FI") and English ("en", "en_US": a language plans only quote),
// Voikko for every other language code.
Engine engine_for(std::string_view language);
// The Hunspell dictionary a language code names: "sv" -> "sv_SE"; "sv_SE" and "sv_FI" as they are.
std::string hunspell_dictionary_name(std::string_view language);
// Where Hunspell dictionaries are looked for after the speller's own directory.
inline constexpr const char* hunspell_dictionary_dir = "/usr/share/hunspell";

class EngineHandle;  // one handle of an engine (speller.cpp)

// One reading of a word by Voikko's morphology (voikkoAnalyzeWordCstr), with the keys planlint uses.
struct Analysis {
  std::string baseform;    // BASEFORM: the lemma, "digivertaistukihenkilö"
  std::string wordbases;   // WORDBASES: "+digi+vertais(vertainen)+tuki(tuki)+henkilö(henkilö)"
  std::string structure;   // STRUCTURE: "=pppp=ppppppp=pppp=ppppppppppp", one '=' per compound part
  std::string word_class;  // CLASS: "nimisana", "etunimi", "sukunimi", "paikannimi" …
  // How many compound parts the reading has (the '=' of STRUCTURE; at least 1).
  std::size_t parts() const;
};

struct SpellerOptions {
  std::string language = "fi";   // a Voikko language code, or a Swedish one for Hunspell (engine_for())
  // Voikko: searched first, Voikko's standard places (/usr/lib/voikko …) after it. Hunspell: a directory
  // holding <name>.aff and <name>.dic (hunspell_dictionary_name()), searched before /usr/share/hunspell.
  std::string dictionary_path;
  // The shared library to dlopen; empty: the engine's own ("libvoikko.so.1", hunspell_soname).
  std::string library;
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

  // The engine's verdict on one word (exactly as written; "esim." with its full stop).
  bool accepts(std::string_view word);
  // Candidates for a rejected word: the engine's suggestions in its order, then the words that one or two
  // deleted letters or one swap of neighbours make and that the engine accepts ("kursseiden" ->
  // "kurssien", which Voikko does not suggest). Unranked: see ranking.hpp.
  std::vector<std::string> suggestions(std::string_view word);
  // Voikko's readings of a word (none for a word it rejects, and none from Hunspell). Kept for the run,
  // not in the answer file.
  std::vector<Analysis> analyses(std::string_view word);
  // Voikko's grammar findings in one paragraph (UTF-8), in order, each described in `description_language`
  // ("en", "fi": Voikko has both); none from Hunspell. Kept in the answer file, by the paragraph's hash.
  std::vector<GrammarError> grammar_errors(std::string_view paragraph, const std::string& description_language = "en");

  const SpellerOptions& options() const { return options_; }
  Engine engine() const { return engine_; }
  std::size_t handles_opened() const;

  // Writes the answers to the cache directory when the engine gave new ones since they were read, merged
  // with what another process may have written meanwhile. Never fails: a cache that cannot be written
  // is only slower.
  void save_answers();

 private:
  struct Entry {
    std::optional<bool> accepted;                        // the engine's spell()
    std::optional<std::vector<std::string>> suggested;   // the engine's suggest(), kept between runs
    std::optional<std::vector<std::string>> suggestions; // suggested + accepted edits (suggestions())
    std::optional<std::vector<Analysis>> analyses;       // analyses(), for this run only
  };
  // A handle for the calling thread, returned to the pool when the lease ends.
  class Lease;
  EngineHandle* acquire();
  void release(EngineHandle* h);
  EngineHandle* open_handle();  // throws SpellerUnavailable; with pool_mutex_ held
  std::vector<std::string> engine_suggestions(const std::string& word);
  void load_answers();
  const char* engine_prefix() const;  // of the answer file's name

  SpellerOptions options_;
  Engine engine_ = Engine::voikko;
  std::string answer_key_;   // voikko_identity() or hunspell_identity(); empty: answers not kept between runs
  bool answers_added_ = false;  // with cache_mutex_ held
  mutable std::mutex pool_mutex_;
  std::vector<EngineHandle*> free_;  // owned
  std::size_t opened_ = 0;
  std::condition_variable_any pool_cv_;
  std::shared_mutex cache_mutex_;
  // The answer file, looked up on a miss of cache_ (which then keeps the answer); read-only once opened.
  std::optional<AnswerIndex> disk_;
  text::StringMap<Entry> cache_;
  text::StringMap<std::vector<GrammarError>> grammar_cache_;  // by grammar_key(); cache_mutex_
};

// The message for a dictionary that cannot be opened: what, where, Voikko's reason, how to install it.
std::string unavailable_message(const std::string& language, const std::string& dictionary_path, const char* voikko_error);

// The message for a Voikko library that cannot be loaded (dlopen's reason), saying how to install it.
std::string unloadable_message(const char* soname, const char* reason);

// The message for a Hunspell dictionary that is not found: which files, where, how to install them.
std::string hunspell_missing_message(const std::string& language, const std::string& dictionary_path);

// One speller per (language, dictionary path) for the whole process (so one cache per language), opened on first use and shared by
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
