#pragma once
// libvoikko, opened with dlopen on first use rather than linked: a check without spelling then never maps
// libvoikko and the fifteen libraries it pulls in (hfstospell, libarchive, libxml2, ICU, compressors),
// which were most of planlint's start-up time. The function types come from Voikko's own header, so a
// changed signature fails to compile instead of misbehaving.
#include <libvoikko/voikko.h>

namespace planlint::spell {

// The functions of Voikko that planlint calls.
struct VoikkoLibrary {
  decltype(&voikkoInit) init = nullptr;
  decltype(&voikkoTerminate) terminate = nullptr;
  decltype(&voikkoSetBooleanOption) set_boolean_option = nullptr;
  decltype(&voikkoSpellCstr) spell = nullptr;
  decltype(&voikkoSuggestCstr) suggest = nullptr;
  decltype(&voikkoFreeCstrArray) free_cstr_array = nullptr;
  // Morphological analysis (the version rules' lemmas and compound parts, names in spelling).
  decltype(&voikkoAnalyzeWordCstr) analyze = nullptr;
  decltype(&voikko_mor_analysis_keys) analysis_keys = nullptr;
  decltype(&voikko_mor_analysis_value_cstr) analysis_value = nullptr;
  decltype(&voikko_free_mor_analysis_value_cstr) free_analysis_value = nullptr;
  decltype(&voikko_free_mor_analysis) free_analysis = nullptr;
  // The grammar checker, as LibreOffice calls it (the `grammar` rule).
  decltype(&voikkoNextGrammarErrorCstr) next_grammar_error = nullptr;
  decltype(&voikkoGetGrammarErrorCode) grammar_error_code = nullptr;
  decltype(&voikkoGetGrammarErrorStartPos) grammar_error_start = nullptr;
  decltype(&voikkoGetGrammarErrorLength) grammar_error_length = nullptr;
  decltype(&voikkoGetGrammarErrorSuggestions) grammar_error_suggestions = nullptr;
  decltype(&voikkoGetGrammarErrorShortDescription) grammar_error_description = nullptr;
  decltype(&voikkoFreeErrorMessageCstr) free_error_message = nullptr;
  decltype(&voikkoFreeGrammarError) free_grammar_error = nullptr;
};

// Opens `soname` ("libvoikko.so.1", as libvoikko1 installs it) once per process for each name and
// resolves the functions; later calls return the same table. Throws SpellerUnavailable saying what failed
// and how to install the library (each time: a missing library is reported for every document).
const VoikkoLibrary& load_voikko(const char* soname);

}  // namespace planlint::spell
