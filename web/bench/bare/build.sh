#!/usr/bin/env bash
# Builds the bare Dear ImGui reference app of the web benchmarks into $1 (Release flags as
# Orgdesk's web build: -O3, GLFW, WebGL2, fetch). Needs .deps/env.sh sourced.
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
imgui=$ORGDESK_IMGUI_DIR
mkdir -p "$out"
em++ -O3 -std=c++20 -I"$imgui" -I"$imgui/backends" -DIMGUI_IMPL_OPENGL_ES3 \
    "$here/main.cpp" "$imgui/imgui.cpp" "$imgui/imgui_draw.cpp" "$imgui/imgui_tables.cpp" \
    "$imgui/imgui_widgets.cpp" "$imgui/backends/imgui_impl_glfw.cpp" \
    "$imgui/backends/imgui_impl_opengl3.cpp" \
    -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0 \
    -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web -o "$out/bare.js"
cp "$here/index.html" "$here/boot.js" "$out/"
