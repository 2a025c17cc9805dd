#pragma once
// What Voikko's answers depend on, found without loading Voikko, so that a run with every answer in the
// cache (answer_file.hpp) never maps libvoikko: the language, the dictionary path asked for, the
// library's file (which one, its size and time: its version) and every file under every directory that
// libvoikko 4 searches for dictionaries (the path given, $VOIKKO_DICTIONARY_PATH, ~/.voikko, /etc/voikko,
// /usr/lib/voikko, /usr/share/voikko), with their sizes and times. That is more than Voikko reads, so any
// change to what it reads changes the key; a change elsewhere only costs one cold run.
#include <optional>
#include <string>

namespace planlint::spell {

// The key, or nullopt when the library or any dictionary cannot be found: planlint then asks Voikko,
// which says what is missing (the "dictionary cannot be opened" finding).
// `soname` is searched as dlopen would: $LD_LIBRARY_PATH, the directories of /etc/ld.so.conf.d, the
// system's library directories. When several are found all are in the key.
std::optional<std::string> voikko_identity(const std::string& language, const std::string& dictionary_path,
                                           const std::string& soname);

}  // namespace planlint::spell

namespace planlint::spell {

// The same for Hunspell: the engine, the language, the library file(s) `soname` names and the dictionary's
// two files, with their sizes and times; nullopt when the library or a file is not found. It begins with
// "engine hunspell", so that no Voikko key can equal it.
std::optional<std::string> hunspell_identity(const std::string& language, const std::string& aff_path,
                                             const std::string& dic_path, const std::string& soname);

}  // namespace planlint::spell
