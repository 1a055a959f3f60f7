# The libraries the platform and the API use, built for WebAssembly for the offline sandbox:
# SQLite and SQLiteCpp, and libsodium, from the Debian source tarballs emsdk-setup.sh fetched and
# verified (the versions bookworm installs for the server); Boost (Beast's message types), spdlog
# and fmt header-only from Debian's headers, through .deps/wasm-include, which names only them.
# The target names are the native build's, so src/platform and src/server link the same way.
set(SQLITECPP_DIR "${ORGDESK_DEPS_DIR}/sqlitecpp")
set(SODIUM_DIR "${ORGDESK_DEPS_DIR}/libsodium/src/libsodium")
set(WASM_INCLUDE_DIR "${ORGDESK_DEPS_DIR}/wasm-include")
foreach(needed "${SQLITECPP_DIR}/sqlite3/sqlite3.c" "${SODIUM_DIR}/include/sodium.h"
               "${WASM_INCLUDE_DIR}/boost/version.hpp" "${WASM_INCLUDE_DIR}/spdlog/spdlog.h")
    if(NOT EXISTS "${needed}")
        message(FATAL_ERROR "${needed} is missing. Run ./emsdk-setup.sh first.")
    endif()
endforeach()

# Third-party code: optimized for size, built without our warnings.
add_library(sqlite3 STATIC "${SQLITECPP_DIR}/sqlite3/sqlite3.c")
target_include_directories(sqlite3 SYSTEM PUBLIC "${SQLITECPP_DIR}/sqlite3")
# One thread, one in-memory database, no extensions to load.
target_compile_definitions(sqlite3 PUBLIC SQLITE_THREADSAFE=0 SQLITE_OMIT_LOAD_EXTENSION
                                          SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_OMIT_DEPRECATED)
target_compile_options(sqlite3 PRIVATE -Os -w)

file(GLOB SQLITECPP_SOURCES "${SQLITECPP_DIR}/src/*.cpp")
add_library(SQLiteCpp STATIC ${SQLITECPP_SOURCES})
target_include_directories(SQLiteCpp SYSTEM PUBLIC "${SQLITECPP_DIR}/include")
target_link_libraries(SQLiteCpp PUBLIC sqlite3)
target_compile_options(SQLiteCpp PRIVATE -Os -w)

# libsodium's own build would run configure; these are the settings it takes for Emscripten
# (no assembly, no threads; its random bytes come from the browser's crypto.getRandomValues).
file(GLOB_RECURSE SODIUM_SOURCES "${SODIUM_DIR}/*.c")
set(VERSION 1.0.18)
set(SODIUM_LIBRARY_VERSION_MAJOR 10)
set(SODIUM_LIBRARY_VERSION_MINOR 3)
set(SODIUM_LIBRARY_MINIMAL_DEF "")
configure_file("${SODIUM_DIR}/include/sodium/version.h.in"
               "${CMAKE_CURRENT_BINARY_DIR}/sodium-include/sodium/version.h" @ONLY)
# version.h includes its neighbour export.h.
configure_file("${SODIUM_DIR}/include/sodium/export.h"
               "${CMAKE_CURRENT_BINARY_DIR}/sodium-include/sodium/export.h" COPYONLY)
add_library(sodium STATIC ${SODIUM_SOURCES})
target_include_directories(sodium SYSTEM PUBLIC "${CMAKE_CURRENT_BINARY_DIR}/sodium-include"
                                                "${SODIUM_DIR}/include")
target_include_directories(sodium PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/sodium-include/sodium"
                                          "${SODIUM_DIR}/include/sodium")
target_compile_definitions(sodium PRIVATE CONFIGURED=1 NATIVE_LITTLE_ENDIAN=1)
target_compile_options(sodium PRIVATE -Os -w)
add_library(PkgConfig::SODIUM ALIAS sodium)

add_library(wasm_headers INTERFACE)
target_include_directories(wasm_headers SYSTEM INTERFACE "${WASM_INCLUDE_DIR}")
# Debian's spdlog expects fmt as a library; here both are header-only. Boost 1.74's Asio does
# not know that Emscripten's libc++ has std::invoke_result (and, in C++20, no std::result_of).
target_compile_definitions(wasm_headers INTERFACE FMT_HEADER_ONLY SPDLOG_FMT_EXTERNAL
                                                  BOOST_ASIO_HAS_STD_INVOKE_RESULT=1)
add_library(Boost::headers ALIAS wasm_headers)
add_library(spdlog::spdlog ALIAS wasm_headers)
