# Finds every dependency; a missing one stops configuration with the name of
# the Debian package that provides it (scripts/setup.sh installs them all).

macro(eventgraph_require package debian_package)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR "eventgraph needs ${package}: install the Debian package "
                        "'${debian_package}' (or run scripts/setup.sh as root)")
  endif()
endmacro()

eventgraph_require(Boost libboost-graph-dev 1.74 CONFIG)
if(NOT EXISTS "${Boost_INCLUDE_DIRS}/boost/graph/adjacency_list.hpp")
  message(FATAL_ERROR "eventgraph needs Boost.Graph: install the Debian package "
                      "'libboost-graph-dev' (or run scripts/setup.sh as root)")
endif()
eventgraph_require(date libhowardhinnant-date-dev CONFIG)
eventgraph_require(yaml-cpp libyaml-cpp-dev CONFIG)
eventgraph_require(nlohmann_json nlohmann-json3-dev 3 CONFIG)
eventgraph_require(CLI11 libcli11-dev CONFIG)
eventgraph_require(Freetype libfreetype-dev)

find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
  message(FATAL_ERROR "eventgraph needs pkg-config: install the Debian package "
                      "'pkg-config' (or run scripts/setup.sh as root)")
endif()
pkg_check_modules(GRAPHVIZ QUIET IMPORTED_TARGET libgvc libcgraph)
if(NOT GRAPHVIZ_FOUND)
  message(FATAL_ERROR "eventgraph needs Graphviz's cgraph and gvc: install the "
                      "Debian package 'libgraphviz-dev' (or run scripts/setup.sh as root)")
endif()
pkg_check_modules(RSVG QUIET IMPORTED_TARGET librsvg-2.0 cairo-pdf cairo-png)
if(NOT RSVG_FOUND)
  message(FATAL_ERROR "eventgraph needs librsvg and cairo: install the Debian "
                      "package 'librsvg2-dev' (or run scripts/setup.sh as root)")
endif()
if(EVENTGRAPH_JEMALLOC)
  pkg_check_modules(JEMALLOC QUIET IMPORTED_TARGET jemalloc)
  if(NOT JEMALLOC_FOUND)
    message(FATAL_ERROR "eventgraph needs jemalloc: install the Debian package "
                        "'libjemalloc-dev' (or run scripts/setup.sh as root), "
                        "or configure with -DEVENTGRAPH_JEMALLOC=OFF")
  endif()
endif()
# xxHash is used header-only (XXH_INLINE_ALL) for the snapshot key: nothing to link.
find_path(XXHASH_INCLUDE_DIR xxhash.h)
if(NOT XXHASH_INCLUDE_DIR)
  message(FATAL_ERROR "eventgraph needs xxHash's header: install the Debian package "
                      "'libxxhash-dev' (or run scripts/setup.sh as root)")
endif()

if(EVENTGRAPH_BUILD_TESTS)
  eventgraph_require(Catch2 catch2 2 CONFIG)
endif()
