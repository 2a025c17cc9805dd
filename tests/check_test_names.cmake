# A CTest (test_names_run_as_named): every test that catch_discover_tests registers must run the test it
# names. CTest hands the name to Catch2 as a test spec, and the discovery script splits the listing at ';'
# (a CMake list separator), while Catch2 reads ',' '[' ']' '\' '*' '"' and a leading '~' as spec syntax
# and trims blanks; such a name matches nothing, and without --warn NoTests Catch2 then exits 0 and the
# test "passes" without running. So: no test name holds those characters, and a name that matches nothing
# fails with the arguments catch_discover_tests passes (EXTRA_ARGS in tests/CMakeLists.txt).
# Usage: cmake -DTEST_EXECUTABLE=<planlint_tests> -DEXTRA_ARGS=<args> -P check_test_names.cmake
execute_process(COMMAND "${TEST_EXECUTABLE}" --list-test-names-only
                OUTPUT_VARIABLE names RESULT_VARIABLE listed)
# Catch2 v2 exits with the number of tests it listed.
if(NOT listed MATCHES "^[0-9]+$" OR listed EQUAL 0 OR names STREQUAL "")
  message(FATAL_ERROR "${TEST_EXECUTABLE} --list-test-names-only listed no tests (exit ${listed})")
endif()
# A ';' would split the matches below into list elements: it stands as <semicolon> while they are made.
string(REPLACE ";" "<semicolon>" names "${names}")
string(REGEX MATCHALL "[^\n]*([][,\\*\"]|<semicolon>)[^\n]*" bad_characters "${names}")
string(REGEX MATCHALL "(^|\n)([ \t~][^\n]*|[^\n]*[ \t])(\n|$)" bad_ends "${names}")
if(bad_characters OR bad_ends)
  list(JOIN bad_characters "\n" shown)
  string(REGEX REPLACE "(^\n|\n$)" "" ends_shown "${bad_ends}")
  string(REPLACE "<semicolon>" ";" shown "${shown}\n${ends_shown}")
  message(FATAL_ERROR "test names that CTest cannot run as named (they hold ; , [ ] \\ * \" or start with ~ "
                      "or a blank, or end with a blank); rename them:\n${shown}")
endif()
execute_process(COMMAND "${TEST_EXECUTABLE}" "a name that matches no test case" ${EXTRA_ARGS}
                OUTPUT_QUIET ERROR_QUIET RESULT_VARIABLE unmatched)
if(unmatched EQUAL 0)
  string(REPLACE ";" " " args_shown "${EXTRA_ARGS}")
  message(FATAL_ERROR "a test name that matches no test case passes with '${args_shown}': add --warn NoTests")
endif()
string(REGEX MATCHALL "\n" lines "${names}")
list(LENGTH lines count)
message(STATUS "${count} test names, each runs the test it names")
