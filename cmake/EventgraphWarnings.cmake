# eventgraph_set_warnings(target): the one place warning flags are chosen.
function(eventgraph_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wold-style-cast)
  # GCC 12 at -O2 and above reports `"text" + std::string` as an overlapping
  # memcpy inside libstdc++ (GCC bug 105329, fixed in GCC 13): a false
  # positive that fills a Release build's log with warnings about nothing.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(EVENTGRAPH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
