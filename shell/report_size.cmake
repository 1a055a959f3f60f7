# Prints the size of the web build, raw and gzip-compressed (what a browser downloads).
# Usage: cmake -DDIST=<dist folder> -P report_size.cmake

# Sets <raw> and <gzip> in the caller to the size of file <f>.
function(measure f raw_var gzip_var)
    file(SIZE "${f}" raw)
    set(gz "${DIST}/.size-probe.gz")
    file(ARCHIVE_CREATE OUTPUT "${gz}" PATHS "${f}" FORMAT raw COMPRESSION GZip)
    file(SIZE "${gz}" gzip)
    file(REMOVE "${gz}")
    set(${raw_var} ${raw} PARENT_SCOPE)
    set(${gzip_var} ${gzip} PARENT_SCOPE)
endfunction()

file(GLOB files "${DIST}/*.js" "${DIST}/*.wasm" "${DIST}/*.data" "${DIST}/*.html")
set(total_raw 0)
set(total_gzip 0)
foreach(f IN LISTS files)
    measure("${f}" raw gzip)
    get_filename_component(name "${f}" NAME)
    message(STATUS "web build: ${name}: ${raw} bytes raw, ${gzip} bytes gzip")
    math(EXPR total_raw "${total_raw} + ${raw}")
    math(EXPR total_gzip "${total_gzip} + ${gzip}")
endforeach()
math(EXPR raw_kib "${total_raw} / 1024")
math(EXPR gzip_kib "${total_gzip} / 1024")
message(STATUS "web build total: ${raw_kib} KiB raw, ${gzip_kib} KiB gzip")

# Fetched later, only when a screen needs them: not part of the first load's total.
file(GLOB later "${DIST}/fonts/*")
foreach(f IN LISTS later)
    measure("${f}" raw gzip)
    get_filename_component(name "${f}" NAME)
    message(STATUS "web build, fetched on demand (not in the total): ${name}: ${raw} bytes raw, ${gzip} bytes gzip")
endforeach()
