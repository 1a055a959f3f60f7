#!/usr/bin/env bash
# emsdk-setup.sh - prepare a Debian bookworm machine to build and test Orgdesk.
#
# Idempotent: every step checks first and installs only what is missing, printing
# one line per step ("setup: <step>: already present" / "installed" / ...).
# Anything that cannot be had stops the script with "setup: <step>: FAILED: ...".
#
# Everything fetched or generated goes to .deps/ (git-ignored); nothing third-party
# is committed. Afterwards:   source .deps/env.sh
#
# Steps: apt packages, Emscripten (+ local cache warm-up), Dear ImGui 1.90.1 source
# (Debian source package from trixie, sha256-verified), nlohmann include link,
# subset Inter fonts, npm (playwright-core; never downloads a browser) + a headless
# chromium WebGL2 check, SQLiteCpp (with SQLite) and libsodium sources for the offline
# sandbox (Debian source tarballs, sha256-verified).
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT=$PWD
DEPS=$ROOT/.deps
export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# This machine's `python3` may be a pyenv shim; Debian's tools want Debian's python.
SYS_PY=/usr/bin/python3

IMGUI_VERSION=1.90.1+ds-1
IMGUI_ORIG=imgui_1.90.1+ds.orig.tar.xz
IMGUI_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
# The CJK font fetched on demand: ideographs, kana, Hangul, CJK punctuation, fullwidth forms.
# Keep in step with on_demand_glyph_ranges() in src/app/glyph_demand.cpp.
CJK_UNICODES='U+3000-303F,U+3040-30FF,U+3100-318F,U+31F0-31FF,U+3400-4DBF,U+4E00-9FFF,U+AC00-D7AF,U+F900-FAFF,U+FF00-FFEF'
FONT_UNICODES='U+0020-007E,U+00A0-017F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+20A0-20CF,U+2190-21FF,U+2022,U+2026'
CHROMIUM=/usr/bin/chromium
# The offline sandbox runs the platform inside WebAssembly: SQLiteCpp (whose Debian source
# carries the SQLite amalgamation it was released with) and libsodium, as Debian source
# tarballs of the versions bookworm installs for the server, compiled by em++ (src/local).
SQLITECPP_ORIG=sqlitecpp_3.2.1.orig.tar.gz
SQLITECPP_URL=http://deb.debian.org/debian/pool/main/s/sqlitecpp/$SQLITECPP_ORIG
SQLITECPP_SHA256=70c67d5680c47460f82a7abf8e6b0329bf2fb10795a982a6d8abc06adb42d693
SODIUM_ORIG=libsodium_1.0.18.orig.tar.gz
SODIUM_URL=http://deb.debian.org/debian/pool/main/libs/libsodium/$SODIUM_ORIG
SODIUM_SHA256=d59323c6b712a1519a5daf710b68f5e7fde57040845ffec53850911f10a5d4f4

say() { printf 'setup: %s: %s\n' "$1" "$2"; }
die() { printf 'setup: %s: FAILED: %s\n' "$1" "$2" >&2; exit 1; }
now() { date +%s; }
took() { echo "$(($(now) - $1))s"; }

# Write $2 to file $1 only if the content differs; prints "already present" or "written".
write_if_changed() {
    local file=$1 content=$2
    if [[ -f $file ]] && [[ "$(cat "$file")" == "$content" ]]; then
        echo "already present"
    else
        mkdir -p "$(dirname "$file")"
        printf '%s\n' "$content" >"$file.tmp.$$"
        mv -f "$file.tmp.$$" "$file"
        echo "written"
    fi
}

LOGS=$DEPS/logs
mkdir -p "$DEPS" "$LOGS"
# One scratch dir per run for test builds and downloads, removed on any exit.
SCRATCH=$(mktemp -d /tmp/orgdesk-setup.XXXXXX)
chmod 755 "$SCRATCH"
cleanup() { rm -rf "$SCRATCH" "$DEPS"/imgui.unpack.* "$DEPS"/source.unpack.*; }
trap cleanup EXIT

# ---------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------
APT_LOCK_OPTS=(-o DPkg::Lock::Timeout=1800)
APT_UPDATED=0

pkg_installed() {
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

# apt_install STEP PKG... : installs the given packages (apt-get update once per run).
apt_install() {
    local step=$1; shift
    [[ $EUID -eq 0 ]] || die "$step" "need root to apt-get install: $*"
    if [[ $APT_UPDATED -eq 0 ]]; then
        # Unreachable third-party sources make `update` exit non-zero; the install
        # below is what decides whether we have what we need.
        if ! apt-get "${APT_LOCK_OPTS[@]}" -q update >"$LOGS/apt-update.log" 2>&1; then
            say "$step" "warning: apt-get update reported errors (see $LOGS/apt-update.log); continuing"
        fi
        APT_UPDATED=1
    fi
    local p missing=()
    for p in "$@"; do
        if ! apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -qv '(none)'; then
            missing+=("$p")
        fi
    done
    [[ ${#missing[@]} -eq 0 ]] || die "$step" "no installation candidate for: ${missing[*]}"
    apt-get "${APT_LOCK_OPTS[@]}" -q install -y "$@" >"$LOGS/apt-install.log" 2>&1 \
        || die "$step" "apt-get install $* failed (see $LOGS/apt-install.log)"
}

step_apt() {
    local step="apt packages" t0 p want=(
        build-essential cmake ninja-build pkg-config
        libboost-dev nlohmann-json3-dev libsodium-dev libsqlite3-dev libsqlitecpp-dev
        postgresql libpqxx-dev
        libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
        clang clang-format clang-tidy libclang-rt-14-dev
        fonts-inter fonts-noto-core fonts-droid-fallback fonttools
        chromium chromium-driver
        curl ca-certificates xz-utils
        wrk nginx-light
    )
    # Node.js may come from elsewhere (e.g. NodeSource, which bundles npm and
    # conflicts with Debian's npm): only install Debian's when the command is missing.
    command -v node >/dev/null 2>&1 || want+=(nodejs)
    command -v npm >/dev/null 2>&1 || want+=(npm)
    local missing=()
    for p in "${want[@]}"; do pkg_installed "$p" || missing+=("$p"); done
    if [[ ${#missing[@]} -eq 0 ]]; then
        say "$step" "already present (${#want[@]} packages)"
        return
    fi
    t0=$(now)
    apt_install "$step" "${missing[@]}"
    for p in "${missing[@]}"; do pkg_installed "$p" || die "$step" "$p still not installed"; done
    command -v node >/dev/null 2>&1 || die "$step" "node not on PATH"
    command -v npm >/dev/null 2>&1 || die "$step" "npm not on PATH"
    say "$step" "installed ${missing[*]} ($(took "$t0"))"
}

# ---------------------------------------------------------------------------
# 2. Emscripten
# ---------------------------------------------------------------------------
EM_DIR=$DEPS/emscripten
EMSDK_EMCC=""

find_emsdk_emcc() {
    # An emcc on PATH that is not Debian's (nor our own links to Debian's) and sits in
    # an Emscripten tree (emsdk: <emsdk>/upstream/emscripten/emcc).
    local e r
    e=$(command -v emcc 2>/dev/null || true)
    [[ -n $e ]] || return 1
    r=$(readlink -f "$e")
    case $r in
        /usr/share/emscripten/*|/usr/bin/*) return 1 ;;
    esac
    [[ -f "$(dirname "$r")/emscripten-version.txt" ]] || return 1
    EMSDK_EMCC=$r
}

step_emscripten() {
    local step="emscripten" t0 node_js content
    node_js=$(command -v node) || die "$step" "node not found"
    node_js=$(readlink -f "$node_js")

    if find_emsdk_emcc; then
        local emdir; emdir=$(dirname "$EMSDK_EMCC")
        content="# Generated by emsdk-setup.sh - do not edit. Uses the emsdk found on PATH.
export PATH=\"$emdir:\$PATH\"${EM_CONFIG:+
export EM_CONFIG=\"$EM_CONFIG\"}${EM_CACHE:+
export EM_CACHE=\"$EM_CACHE\"}
export ORGDESK_EMSCRIPTEN_TOOLCHAIN=\"$emdir/cmake/Modules/Platform/Emscripten.cmake\"
export ORGDESK_DEPS=\"$DEPS\"
export ORGDESK_IMGUI_DIR=\"$DEPS/imgui\"
export ORGDESK_JSON_INCLUDE_DIR=\"$DEPS/json-include\"
export ORGDESK_FONTS_DIR=\"$DEPS/fonts\"
export ORGDESK_CHROMIUM=\"$CHROMIUM\""
        say "$step" "using emsdk at $emdir ($(tr -d '"' <"$emdir/emscripten-version.txt"))"
        say "$step: env.sh" "$(write_if_changed "$DEPS/env.sh" "$content")"
    else
        if pkg_installed emscripten && [[ -x /usr/share/emscripten/emcc.py ]]; then
            say "$step: debian package" "already present ($(dpkg-query -W -f='${Version}' emscripten))"
        else
            t0=$(now)
            apt_install "$step" emscripten
            say "$step: debian package" "installed $(dpkg-query -W -f='${Version}' emscripten) ($(took "$t0"))"
        fi
        [[ -f /usr/share/emscripten/.emscripten ]] || die "$step" "/usr/share/emscripten/.emscripten missing"

        # Take Debian's own settings (LLVM_ROOT, BINARYEN_ROOT, *_ADD_VERSION, ...) and
        # override only node and the (writable, project-local) cache.
        local debian_settings
        debian_settings=$("$SYS_PY" - <<'EOF'
cfg = {}
exec(open('/usr/share/emscripten/.emscripten').read(), cfg)
for k in ('EMSCRIPTEN_ROOT', 'LLVM_ROOT', 'BINARYEN_ROOT', 'LLVM_ADD_VERSION', 'CLANG_ADD_VERSION', 'CLOSURE_COMPILER', 'JAVA'):
    if cfg.get(k) is not None:
        print('%s = %r' % (k, cfg[k]))
EOF
        ) || die "$step" "cannot read /usr/share/emscripten/.emscripten"
        mkdir -p "$EM_DIR/cache" "$EM_DIR/bin"
        content="# Generated by emsdk-setup.sh - do not edit (EM_CONFIG for Debian's emscripten).
# Debian's settings from /usr/share/emscripten/.emscripten:
$debian_settings
# Overrides: the machine's node, and a writable project-local cache.
NODE_JS = '$node_js'
FROZEN_CACHE = False
CACHE = '$EM_DIR/cache'
# Debian's emscripten loads acorn etc. from /usr/share/nodejs; a node that is not
# Debian's does not search there, so make sure NODE_PATH names it even when only
# EM_CONFIG is set (e.g. a CMake toolchain run without .deps/env.sh).
import os as _os
if '/usr/share/nodejs' not in _os.environ.get('NODE_PATH', '').split(':'):
    _os.environ['NODE_PATH'] = ':'.join(p for p in ('/usr/share/nodejs', _os.environ.get('NODE_PATH', '')) if p)"
        say "$step: config" "$(write_if_changed "$EM_DIR/config" "$content")"

        # Our own bin dir of links to Debian's wrappers, so PATH order picks these.
        local f r n=0
        for f in /usr/bin/em* /usr/bin/file_packager /usr/bin/wasm-sourcemap; do
            [[ -e $f ]] || continue
            r=$(readlink -f "$f")
            [[ $r == /usr/share/emscripten/wrapper || $r == /usr/share/emscripten/wrapper-tools ]] || continue
            if [[ "$(readlink "$EM_DIR/bin/$(basename "$f")" 2>/dev/null || true)" != "$f" ]]; then
                ln -sfn "$f" "$EM_DIR/bin/$(basename "$f")"; n=$((n + 1))
            fi
        done
        [[ -e $EM_DIR/bin/em++ && -e $EM_DIR/bin/emcc ]] || die "$step" "em++/emcc wrappers not found in /usr/bin"
        if [[ $n -eq 0 ]]; then say "$step: bin links" "already present"; else say "$step: bin links" "installed ($n)"; fi

        content="# Generated by emsdk-setup.sh - do not edit. Source it: . .deps/env.sh
# Debian's emscripten $(dpkg-query -W -f='${Version}' emscripten), with a project-local config and cache.
export EM_CONFIG=\"$EM_DIR/config\"
export EM_CACHE=\"$EM_DIR/cache\"
export EMSDK_PYTHON=\"$SYS_PY\"
case \":\${NODE_PATH:-}:\" in *:/usr/share/nodejs:*) ;; *) export NODE_PATH=\"/usr/share/nodejs\${NODE_PATH:+:\$NODE_PATH}\" ;; esac
case \":\$PATH:\" in *:$EM_DIR/bin:*) ;; *) export PATH=\"$EM_DIR/bin:\$PATH\" ;; esac
export ORGDESK_EMSCRIPTEN_TOOLCHAIN=\"/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake\"
export ORGDESK_DEPS=\"$DEPS\"
export ORGDESK_IMGUI_DIR=\"$DEPS/imgui\"
export ORGDESK_JSON_INCLUDE_DIR=\"$DEPS/json-include\"
export ORGDESK_FONTS_DIR=\"$DEPS/fonts\"
export ORGDESK_CHROMIUM=\"$CHROMIUM\""
        say "$step: env.sh" "$(write_if_changed "$DEPS/env.sh" "$content")"
    fi

    # shellcheck source=/dev/null
    source "$DEPS/env.sh"
    local version short
    # Read whole, then cut: with `| head -n1` under pipefail, emcc's broken pipe would fail the
    # step. On failure, emcc's own words say why.
    local errors=$LOGS/emcc-version.log
    version=$(emcc --version 2>"$errors") || die "$step" "emcc --version fails: $(cat "$errors")"
    version=${version%%$'\n'*}
    short=$(emcc -dumpversion 2>/dev/null) || die "$step" "emcc -dumpversion fails"

    # Verify + warm the cache once per (emcc version, config).
    local stamp=$EM_DIR/verified.stamp key
    key="warm-v2|$version|$(command -v em++)|$(sha256sum <"${EM_CONFIG:-/dev/null}" | cut -c1-16)|${EM_CACHE:-}"
    if [[ -f $stamp && "$(head -n1 "$stamp")" == "$key" ]]; then
        say "$step: verify + cache" "already present (emscripten $short at $(command -v emcc); $(sed -n 2p "$stamp"))"
        return
    fi
    local tmp=$SCRATCH/emtest; mkdir -p "$tmp"
    cat >"$tmp/hello.cpp" <<'EOF'
#include <cstdio>
#include <string>
#include <vector>
int main() {
    std::vector<std::string> v{"em++", "works"};
    std::printf("%s %s\n", v[0].c_str(), v[1].c_str());
    return 0;
}
EOF
    cat >"$tmp/glfw.cpp" <<'EOF'
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>
#include <cstring>
static void done(emscripten_fetch_t* f) { emscripten_fetch_close(f); }
int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    GLFWwindow* w = glfwCreateWindow(640, 480, "t", nullptr, nullptr);
    if (!w) return 2;
    glfwMakeContextCurrent(w);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    emscripten_fetch_attr_t a;
    emscripten_fetch_attr_init(&a);
    std::strcpy(a.requestMethod, "GET");
    a.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    a.onsuccess = done;
    a.onerror = done;
    emscripten_fetch(&a, "/api/health");
    return 0;
}
EOF
    t0=$(now)
    (cd "$tmp" && em++ -O2 hello.cpp -o hello.js) >"$tmp/log" 2>&1 \
        || { cat "$tmp/log" >&2; die "$step" "em++ -O2 hello.cpp failed (log above)"; }
    local t1; t1=$(took "$t0")
    local out; out=$(cd "$tmp" && node --no-experimental-fetch hello.js 2>&1) \
        || die "$step" "node --no-experimental-fetch hello.js failed: $out"
    [[ $out == "em++ works" ]] || die "$step" "hello.js printed '$out'"
    t0=$(now)
    (cd "$tmp" && em++ -O2 -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 \
        -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0 -sALLOW_MEMORY_GROWTH=1 glfw.cpp -o glfw.js) >"$tmp/log" 2>&1 \
        || { cat "$tmp/log" >&2; die "$step" "GLFW/WebGL2/fetch link failed (log above)"; }
    local t2; t2=$(took "$t0")
    # -O0 links use the "-debug" variants of libc etc.; build those into the cache too.
    t0=$(now)
    (cd "$tmp" && em++ -O0 -g hello.cpp -o hello0.js && em++ -O0 -g -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 \
        -sMIN_WEBGL_VERSION=2 -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0 -sALLOW_MEMORY_GROWTH=1 glfw.cpp -o glfw0.js) \
        >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; die "$step" "-O0 -g builds failed (log above)"; }
    local t3; t3=$(took "$t0")
    rm -rf "$tmp"
    printf '%s\nfirst hello build %s, glfw/webgl2/fetch link %s, -O0 variants %s, on %s\n' "$key" "$t1" "$t2" "$t3" "$(date -u +%FT%TZ)" >"$stamp"
    say "$step: verify + cache" "installed (emscripten $short at $(command -v emcc); first hello build (cache warm-up) $t1, node OK; glfw/webgl2/fetch link $t2; -O0 -g variants $t3)"
}

# ---------------------------------------------------------------------------
# 3. Dear ImGui source (Debian source package, trixie)
# ---------------------------------------------------------------------------
step_imgui() {
    local step="imgui" dst=$DEPS/imgui stamp=$DEPS/imgui/.orgdesk-imgui.stamp
    local required=(imgui.h imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp imgui_demo.cpp
        imgui_internal.h imconfig.h imstb_rectpack.h imstb_textedit.h imstb_truetype.h
        backends/imgui_impl_glfw.cpp backends/imgui_impl_glfw.h
        backends/imgui_impl_opengl3.cpp backends/imgui_impl_opengl3.h backends/imgui_impl_opengl3_loader.h
        misc/cpp/imgui_stdlib.cpp misc/cpp/imgui_stdlib.h)
    if [[ -f $dst/imgui.h && -f $stamp ]] && grep -qx "$IMGUI_SHA256" "$stamp"; then
        say "$step" "already present ($IMGUI_VERSION, sha256 verified)"
        return
    fi
    local t0; t0=$(now)
    local apt=$DEPS/apt-trixie tarball=$DEPS/apt-trixie/$IMGUI_ORIG
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
    if [[ ! -f $tarball ]] || [[ "$(sha256sum "$tarball" | cut -d' ' -f1)" != "$IMGUI_SHA256" ]]; then
        local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
        [[ -f $keyring ]] || die "$step" "$keyring missing (package debian-archive-keyring)"
        printf '%s\n' "Types: deb-src" "URIs: http://deb.debian.org/debian" "Suites: trixie" \
            "Components: main" "Signed-By: $keyring" >"$apt/trixie-src.sources"
        local opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt"
            -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache")
        apt-get "${opts[@]}" -q update >"$apt/update.log" 2>&1 \
            || die "$step" "private apt update for trixie deb-src failed (see $apt/update.log)"
        local versions
        versions=$(apt-cache "${opts[@]}" showsrc imgui 2>/dev/null | sed -n 's/^Version: //p' | sort -u | tr '\n' ' ')
        [[ " $versions " == *" $IMGUI_VERSION "* ]] \
            || die "$step" "imgui $IMGUI_VERSION not in trixie deb-src (available: ${versions:-none})"
        local tmp=$SCRATCH/imgui; mkdir -p "$tmp"
        chmod 755 "$tmp"
        if id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
        (cd "$tmp" && apt-get "${opts[@]}" -q source --download-only "imgui=$IMGUI_VERSION") >"$apt/source.log" 2>&1 \
            || die "$step" "apt-get source imgui=$IMGUI_VERSION failed (see $apt/source.log)"
        [[ -f $tmp/$IMGUI_ORIG ]] || die "$step" "$IMGUI_ORIG not downloaded (see $apt/source.log)"
        local got; got=$(sha256sum "$tmp/$IMGUI_ORIG" | cut -d' ' -f1)
        [[ $got == "$IMGUI_SHA256" ]] || die "$step" "$IMGUI_ORIG sha256 is $got, expected $IMGUI_SHA256"
        mv -f "$tmp/$IMGUI_ORIG" "$tarball"
        rm -rf "$tmp"
    fi
    [[ "$(sha256sum "$tarball" | cut -d' ' -f1)" == "$IMGUI_SHA256" ]] || die "$step" "$tarball sha256 mismatch"
    local un; un=$(mktemp -d "$DEPS/imgui.unpack.XXXXXX")
    tar -xJf "$tarball" -C "$un" --strip-components=1 --no-same-owner --no-same-permissions || die "$step" "cannot unpack $tarball"
    local f miss=()
    for f in "${required[@]}"; do [[ -f $un/$f ]] || miss+=("$f"); done
    [[ ${#miss[@]} -eq 0 ]] || { rm -rf "$un"; die "$step" "tarball lacks: ${miss[*]}"; }
    printf '%s\n%s\n' "$IMGUI_SHA256" "$IMGUI_VERSION $IMGUI_ORIG (Debian trixie deb-src)" >"$un/.orgdesk-imgui.stamp"
    rm -rf "$dst"
    mv "$un" "$dst"
    chmod 755 "$dst"
    say "$step" "installed ($IMGUI_VERSION, sha256 verified, $(took "$t0"))"
}

# ---------------------------------------------------------------------------
# 4. nlohmann/json include folder for Emscripten (never /usr/include itself)
# ---------------------------------------------------------------------------
step_json_include() {
    local step="json-include" link=$DEPS/json-include/nlohmann
    [[ -f /usr/include/nlohmann/json.hpp ]] || die "$step" "/usr/include/nlohmann/json.hpp missing (nlohmann-json3-dev)"
    if [[ -L $link && "$(readlink "$link")" == /usr/include/nlohmann ]]; then
        say "$step" "already present ($link -> /usr/include/nlohmann)"
        return
    fi
    mkdir -p "$DEPS/json-include"
    rm -rf "$link"
    ln -s /usr/include/nlohmann "$link"
    local tmp=$SCRATCH/json; mkdir -p "$tmp"
    printf '#include <nlohmann/json.hpp>\nint main() { return nlohmann::json::parse("[1]").size() == 1 ? 0 : 1; }\n' >"$tmp/j.cpp"
    em++ -std=c++20 -fsyntax-only -I"$DEPS/json-include" "$tmp/j.cpp" >"$tmp/log" 2>&1 \
        || { cat "$tmp/log" >&2; rm -rf "$tmp"; die "$step" "em++ cannot compile <nlohmann/json.hpp> via $DEPS/json-include"; }
    rm -rf "$tmp"
    say "$step" "installed ($link -> /usr/include/nlohmann; em++ compiles it)"
}

# ---------------------------------------------------------------------------
# 5. Fonts: subset Inter (fallback: Noto Sans)
# ---------------------------------------------------------------------------
font_ext() {  # the real extension for a font file's outlines
    if [[ "$(head -c4 "$1")" == OTTO ]]; then echo otf; else echo ttf; fi
}

step_fonts() {
    local step="fonts" out=$DEPS/fonts t0 s src_reg src_semi name_reg name_semi note=""
    command -v pyftsubset >/dev/null 2>&1 || die "$step" "pyftsubset missing (fonttools)"
    # Prefer a TrueType build if the package ships one; Debian's fonts-inter ships OTF (CFF).
    src_reg="" src_semi=""
    for s in /usr/share/fonts/truetype/inter/Inter-Regular.ttf /usr/share/fonts/opentype/inter/Inter-Regular.otf; do
        if [[ -z $src_reg && -f $s ]]; then src_reg=$s; fi
    done
    for s in /usr/share/fonts/truetype/inter/Inter-SemiBold.ttf /usr/share/fonts/opentype/inter/Inter-SemiBold.otf; do
        if [[ -z $src_semi && -f $s ]]; then src_semi=$s; fi
    done
    if [[ -n $src_reg && -n $src_semi ]]; then
        name_reg=Inter-Regular; name_semi=Inter-SemiBold
    else
        src_reg=/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
        src_semi=/usr/share/fonts/truetype/noto/NotoSans-SemiBold.ttf
        [[ -f $src_semi ]] || src_semi=/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
        [[ -f $src_reg && -f $src_semi ]] || die "$step" "neither fonts-inter nor fonts-noto-core fonts found"
        name_reg=NotoSans-Regular; name_semi=$(basename "$src_semi" .ttf)
        note="FALLBACK to Noto Sans (fonts-inter not available); "
    fi
    # Plain sfnt output (no --flavor). ImGui 1.90 uses no OpenType layout (GSUB/GPOS)
    # and stb_truetype ignores hints, so both are dropped; name IDs 13/14 keep the licence.
    local opts=("--unicodes=$FONT_UNICODES" "--layout-features=" "--no-hinting"
        "--name-IDs=0,1,2,3,4,5,6,13,14" "--name-languages=0x409" "--drop-tables+=DSIG")
    local key; key="$(sha256sum "$src_reg" "$src_semi" | cut -c1-16 | tr '\n' ' ')${opts[*]}"
    local dst_reg dst_semi
    dst_reg=$out/$name_reg.$(font_ext "$src_reg"); dst_semi=$out/$name_semi.$(font_ext "$src_semi")
    if [[ -f $dst_reg && -f $dst_semi && -f $out/.stamp && "$(cat "$out/.stamp")" == "$key" ]]; then
        say "$step" "already present ($(basename "$dst_reg") $(stat -c%s "$dst_reg") B, $(basename "$dst_semi") $(stat -c%s "$dst_semi") B)"
        return
    fi
    t0=$(now)
    mkdir -p "$out"
    local d
    for s in "$src_reg" "$src_semi"; do
        if [[ $s == "$src_reg" ]]; then d=$dst_reg; else d=$dst_semi; fi
        pyftsubset "$s" "${opts[@]}" --output-file="$d.tmp" >"$out/pyftsubset.log" 2>&1 \
            || die "$step" "pyftsubset $s failed (see $out/pyftsubset.log)"
        mv -f "$d.tmp" "$d"
    done
    # Keep the licence next to the subset fonts (SIL OFL requires it to travel with them).
    local pkg; if [[ $name_reg == Inter-* ]]; then pkg=fonts-inter; else pkg=fonts-noto-core; fi
    cp -f "/usr/share/doc/$pkg/copyright" "$out/$pkg.copyright" 2>/dev/null || true
    printf '%s\n' "$key" >"$out/.stamp"
    say "$step" "installed (${note}$(basename "$dst_reg") $(stat -c%s "$dst_reg") B from $(stat -c%s "$src_reg") B, $(basename "$dst_semi") $(stat -c%s "$dst_semi") B from $(stat -c%s "$src_semi") B; $(took "$t0"))"
}

# The CJK font (Droid Sans Fallback: ideographs, kana and Hangul in one small file), cut down to
# CJK_UNICODES. The web build copies it next to the page, not into the first load's .data.
step_fonts_cjk() {
    local step="fonts (CJK)" out=$DEPS/fonts t0
    local src=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
    local dst=$out/DroidSansFallback-CJK.ttf
    [[ -f $src ]] || die "$step" "$src missing (fonts-droid-fallback)"
    local opts=("--unicodes=$CJK_UNICODES" "--layout-features=" "--no-hinting"
        "--name-IDs=0,1,2,3,4,5,6,13,14" "--name-languages=0x409" "--drop-tables+=DSIG")
    local key; key="$(sha256sum "$src" | cut -c1-16) ${opts[*]}"
    if [[ -f $dst && -f $out/.stamp-cjk && "$(cat "$out/.stamp-cjk")" == "$key" ]]; then
        say "$step" "already present ($(basename "$dst") $(stat -c%s "$dst") B)"
        return
    fi
    t0=$(now)
    mkdir -p "$out"
    pyftsubset "$src" "${opts[@]}" --output-file="$dst.tmp" >"$out/pyftsubset-cjk.log" 2>&1 \
        || die "$step" "pyftsubset $src failed (see $out/pyftsubset-cjk.log)"
    mv -f "$dst.tmp" "$dst"
    cp -f /usr/share/doc/fonts-droid-fallback/copyright "$out/fonts-droid-fallback.copyright" 2>/dev/null || true
    printf '%s\n' "$key" >"$out/.stamp-cjk"
    say "$step" "installed ($(basename "$dst") $(stat -c%s "$dst") B from $(stat -c%s "$src") B; $(took "$t0"))"
}

# ---------------------------------------------------------------------------
# 6. npm: playwright-core (no browser download) + headless chromium WebGL2 check
# ---------------------------------------------------------------------------
step_npm() {
    local step="npm" t0 want have
    [[ -f web/package.json ]] || die "$step" "web/package.json missing"
    want=$(node -p 'require("./web/package.json").devDependencies["playwright-core"]') \
        || die "$step" "cannot read web/package.json"
    have=$(node -p 'require("./web/node_modules/playwright-core/package.json").version' 2>/dev/null || true)
    if [[ -n $have && $have == "$want" ]]; then
        say "$step" "already present (playwright-core $have)"
    else
        t0=$(now)
        if [[ -f web/package-lock.json ]]; then
            npm ci --prefix web --ignore-scripts --no-audit --no-fund >"$LOGS/npm.log" 2>&1 \
                || die "$step" "npm ci --prefix web failed (see $LOGS/npm.log)"
        else
            npm install --prefix web --ignore-scripts --no-audit --no-fund >"$LOGS/npm.log" 2>&1 \
                || die "$step" "npm install --prefix web failed (see $LOGS/npm.log)"
        fi
        have=$(node -p 'require("./web/node_modules/playwright-core/package.json").version' 2>/dev/null || true)
        [[ $have == "$want" ]] || die "$step" "playwright-core $want not installed (have '${have:-none}')"
        say "$step" "installed (playwright-core $have; $(took "$t0"))"
    fi

    local step2="chromium webgl2" stamp=$DEPS/webgl2-check.stamp key
    [[ -x $CHROMIUM ]] || die "$step2" "$CHROMIUM missing"
    key="$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || "$CHROMIUM" --version)|playwright-core $have"
    if [[ -f $stamp && "$(cat "$stamp")" == "$key" ]]; then
        say "$step2" "already present (verified: WebGL2 true; $key)"
        return
    fi
    t0=$(now)
    local tmp=$SCRATCH/pw; mkdir -p "$tmp"
    cat >"$tmp/webgl2.mjs" <<'EOF'
import { createRequire } from 'node:module';
const [, , webDir, chromium, profile] = process.argv;
const { chromium: pw } = createRequire(webDir + '/')('playwright-core');
const ctx = await pw.launchPersistentContext(profile, {
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto("data:text/html,<canvas id=c></canvas><script>document.title=!!document.getElementById('c').getContext('webgl2')</script>");
  console.log(await page.title());
} finally {
  await ctx.close();
}
EOF
    local res
    res=$(timeout 120 node "$tmp/webgl2.mjs" "$ROOT/web" "$CHROMIUM" "$tmp/profile" 2>&1) \
        || { rm -rf "$tmp"; die "$step2" "headless chromium via playwright-core failed: $res"; }
    rm -rf "$tmp"
    [[ $res == true ]] || die "$step2" "WebGL2 not available in headless chromium (got: $res)"
    printf '%s\n' "$key" >"$stamp"
    say "$step2" "installed (verified: WebGL2 true; $key; $(took "$t0"))"
}

# ---------------------------------------------------------------------------
# 7. Sources for the offline sandbox (Debian source tarballs, sha256-verified) and a header
#    folder for em++ naming only Boost, spdlog and fmt (never /usr/include itself)
# ---------------------------------------------------------------------------
# fetch_source STEP NAME URL SHA256 DIR: downloads NAME once into .deps/sources, verifies it and
# unpacks it (one top folder stripped) into DIR, unless DIR holds that verified version already.
fetch_source() {
    local step=$1 name=$2 url=$3 sha=$4 dst=$5 stamp=$5/.orgdesk-source.stamp
    if [[ -f $stamp ]] && grep -qx "$sha" "$stamp"; then
        say "$step" "already present ($name, sha256 verified)"
        return
    fi
    local t0; t0=$(now)
    local tarball=$DEPS/sources/$name
    mkdir -p "$DEPS/sources"
    if [[ ! -f $tarball ]] || [[ "$(sha256sum "$tarball" | cut -d' ' -f1)" != "$sha" ]]; then
        curl -fsSL --retry 3 -o "$tarball.tmp" "$url" || die "$step" "cannot download $url"
        mv -f "$tarball.tmp" "$tarball"
    fi
    local got; got=$(sha256sum "$tarball" | cut -d' ' -f1)
    [[ $got == "$sha" ]] || die "$step" "$name sha256 is $got, expected $sha"
    local un; un=$(mktemp -d "$DEPS/source.unpack.XXXXXX")
    tar -xf "$tarball" -C "$un" --strip-components=1 --no-same-owner --no-same-permissions \
        || { rm -rf "$un"; die "$step" "cannot unpack $tarball"; }
    printf '%s\n%s\n' "$sha" "$name (Debian source, $url)" >"$un/.orgdesk-source.stamp"
    rm -rf "$dst"
    mv "$un" "$dst"
    chmod 755 "$dst"
    say "$step" "installed ($name, sha256 verified, $(took "$t0"))"
}

step_wasm_sources() {
    fetch_source "sqlitecpp source" "$SQLITECPP_ORIG" "$SQLITECPP_URL" "$SQLITECPP_SHA256" "$DEPS/sqlitecpp"
    [[ -f $DEPS/sqlitecpp/sqlite3/sqlite3.c ]] || die "sqlitecpp source" "sqlite3/sqlite3.c missing"
    fetch_source "libsodium source" "$SODIUM_ORIG" "$SODIUM_URL" "$SODIUM_SHA256" "$DEPS/libsodium"
    local step="wasm-include" dir=$DEPS/wasm-include h changed=0
    mkdir -p "$dir"
    for h in boost spdlog fmt; do
        [[ -d /usr/include/$h ]] || die "$step" "/usr/include/$h missing (libboost-dev, libspdlog-dev, libfmt-dev)"
        if [[ "$(readlink "$dir/$h" 2>/dev/null || true)" != "/usr/include/$h" ]]; then
            rm -rf "${dir:?}/$h"
            ln -s "/usr/include/$h" "$dir/$h"
            changed=1
        fi
    done
    if [[ $changed -eq 0 ]]; then say "$step" "already present (boost, spdlog, fmt)"; else say "$step" "installed (links to /usr/include/{boost,spdlog,fmt})"; fi
}

T_START=$(now)
step_apt
step_emscripten
step_imgui
step_json_include
step_fonts
step_fonts_cjk
step_npm
step_wasm_sources
say "done" "all steps OK in $(took "$T_START"); use: source $DEPS/env.sh"
