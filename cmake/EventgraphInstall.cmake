# `cmake --install` puts the libraries, headers, the CLI and a package config
# in place, so another project can find_package(eventgraph).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS eventgraph_engine eventgraph_render EXPORT eventgraphTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS eventgraph RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(dir engine render)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir}/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/eventgraph/${dir}
          FILES_MATCHING PATTERN "*.h" PATTERN "detail" EXCLUDE)
endforeach()
install(EXPORT eventgraphTargets NAMESPACE eventgraph::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/eventgraph)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/eventgraphConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/eventgraphConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/eventgraph)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/eventgraphConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/eventgraphConfig.cmake ${PROJECT_BINARY_DIR}/eventgraphConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/eventgraph)
