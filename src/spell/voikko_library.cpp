#include "spell/voikko_library.hpp"

#include <dlfcn.h>

#include <map>
#include <mutex>
#include <string>
#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "spell/speller.hpp"

namespace planlint::spell {
namespace {

// The library's handle stays open until the process ends: spellers and their handles live as long.
std::variant<VoikkoLibrary, std::string> open_library(const char* soname) {
  void* lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!lib) return unloadable_message(soname, dlerror());
  VoikkoLibrary v;
  std::string missing;
  auto resolve = [&](auto& fn, const char* name) {
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
    if (!fn) missing += missing.empty() ? name : fmt::format(", {}", name);
  };
  resolve(v.init, "voikkoInit");
  resolve(v.terminate, "voikkoTerminate");
  resolve(v.set_boolean_option, "voikkoSetBooleanOption");
  resolve(v.spell, "voikkoSpellCstr");
  resolve(v.suggest, "voikkoSuggestCstr");
  resolve(v.free_cstr_array, "voikkoFreeCstrArray");
  resolve(v.analyze, "voikkoAnalyzeWordCstr");
  resolve(v.analysis_keys, "voikko_mor_analysis_keys");
  resolve(v.analysis_value, "voikko_mor_analysis_value_cstr");
  resolve(v.free_analysis_value, "voikko_free_mor_analysis_value_cstr");
  resolve(v.free_analysis, "voikko_free_mor_analysis");
  resolve(v.next_grammar_error, "voikkoNextGrammarErrorCstr");
  resolve(v.grammar_error_code, "voikkoGetGrammarErrorCode");
  resolve(v.grammar_error_start, "voikkoGetGrammarErrorStartPos");
  resolve(v.grammar_error_length, "voikkoGetGrammarErrorLength");
  resolve(v.grammar_error_suggestions, "voikkoGetGrammarErrorSuggestions");
  resolve(v.grammar_error_description, "voikkoGetGrammarErrorShortDescription");
  resolve(v.free_error_message, "voikkoFreeErrorMessageCstr");
  resolve(v.free_grammar_error, "voikkoFreeGrammarError");
  if (!missing.empty()) {
    dlclose(lib);
    return unloadable_message(soname, fmt::format("it lacks {}", missing).c_str());
  }
  return v;
}

}  // namespace

const VoikkoLibrary& load_voikko(const char* soname) {
  static std::mutex mutex;
  // Never destroyed, like the library itself: spellers in other static objects (shared_speller's registry,
  // built before this table) still call through it while the process exits.
  static auto& opened = *new std::map<std::string, std::variant<VoikkoLibrary, std::string>>;
  std::lock_guard lock(mutex);
  auto it = opened.find(soname);
  if (it == opened.end()) it = opened.emplace(soname, open_library(soname)).first;
  if (const auto* message = std::get_if<std::string>(&it->second)) throw SpellerUnavailable{*message};
  return std::get<VoikkoLibrary>(it->second);
}

}  // namespace planlint::spell
