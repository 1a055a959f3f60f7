# Prints the size of one build of the web app, raw and gzip-compressed (what a browser
# downloads): the page and NAME's module (NAME.js, NAME.wasm, NAME.data), then the files fetched
# later, only when a screen needs them (not part of the first load's total).
# Usage: cmake -DDIST=<dist folder> -DNAME=<orgdesk | orgdesk-local> -P report_size.cmake

# Sets <raw> and <gzip> in the caller to the size of file <f>.
function(measure f raw_var gzip_var)
    file(SIZE "${f}" raw)
    set(gz "${DIST}/.size-probe-${NAME}.gz")
    file(ARCHIVE_CREATE OUTPUT "${gz}" PATHS "${f}" FORMAT raw COMPRESSION GZip)
    file(SIZE "${gz}" gzip)
    file(REMOVE "${gz}")
    set(${raw_var} ${raw} PARENT_SCOPE)
    set(${gzip_var} ${gzip} PARENT_SCOPE)
endfunction()

set(files "${DIST}/${NAME}.js" "${DIST}/${NAME}.wasm" "${DIST}/${NAME}.data")
file(GLOB page "${DIST}/*.html" "${DIST}/boot.js")
list(APPEND files ${page})
set(total_raw 0)
set(total_gzip 0)
foreach(f IN LISTS files)
    if(NOT EXISTS "${f}")
        continue()
    endif()
    measure("${f}" raw gzip)
    get_filename_component(name "${f}" NAME)
    message(STATUS "web build ${NAME}: ${name}: ${raw} bytes raw, ${gzip} bytes gzip")
    math(EXPR total_raw "${total_raw} + ${raw}")
    math(EXPR total_gzip "${total_gzip} + ${gzip}")
endforeach()
math(EXPR raw_kib "${total_raw} / 1024")
math(EXPR gzip_kib "${total_gzip} / 1024")
message(STATUS "web build ${NAME} total: ${raw_kib} KiB raw, ${gzip_kib} KiB gzip")

file(GLOB later "${DIST}/fonts/*")
foreach(f IN LISTS later)
    measure("${f}" raw gzip)
    get_filename_component(name "${f}" NAME)
    message(STATUS "web build ${NAME}, fetched on demand (not in the total): ${name}: ${raw} bytes raw, ${gzip} bytes gzip")
endforeach()
