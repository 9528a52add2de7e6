# Runs one example and compares its standard output with an expected file.
#
# cmake -DCOMMAND="prog;arg;..." -DEXPECTED=file [-DWORKING_DIRECTORY=dir] -P check_output.cmake
if(NOT DEFINED COMMAND OR NOT DEFINED EXPECTED)
  message(FATAL_ERROR "check_output.cmake needs -DCOMMAND=... and -DEXPECTED=...")
endif()
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY .)
endif()
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY ${WORKING_DIRECTORY}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE error)
file(READ ${EXPECTED} expected)
if(NOT result EQUAL 0 OR NOT output STREQUAL expected)
  message(FATAL_ERROR "${COMMAND} exited ${result}\n${error}\n"
                      "--- expected (${EXPECTED})\n${expected}--- got\n${output}")
endif()
