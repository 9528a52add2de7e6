# CTest driver for example 03: installs the eventgraph build tree into a
# scratch prefix, builds this example against it with find_package(eventgraph),
# runs it on data/events.yaml and compares its output with expected.txt.
#
# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=... -P test.cmake
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "test.cmake needs -D${var}=...")
  endif()
endforeach()
set(example ${SOURCE_DIR}/examples/03_causal_chain)
file(REMOVE_RECURSE ${WORK_DIR})

function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed (${result}): ${ARGN}\n${out}")
  endif()
endfunction()

step(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
step(${CMAKE_COMMAND} -S ${example} -B ${WORK_DIR}/build -G ${GENERATOR}
     -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release)
step(${CMAKE_COMMAND} --build ${WORK_DIR}/build)

execute_process(COMMAND ${WORK_DIR}/build/causal_chain ${SOURCE_DIR}/data/events.yaml
                        istanbul-talks-collapse
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE error)
file(READ ${example}/expected.txt expected)
if(NOT result EQUAL 0 OR NOT output STREQUAL expected)
  message(FATAL_ERROR "causal_chain exited ${result}\n${error}\n"
                      "--- expected\n${expected}--- got\n${output}")
endif()
message(STATUS "example 03 built against the installed package and printed the expected chain")
