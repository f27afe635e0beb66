#!/usr/bin/env bash
# Installs what Nimbus Studio needs on Debian 12, builds it, and then either starts
# the studio on the bundled example (run) or runs every test (test).
#
#   scripts/setup.sh run        install, build, start the studio on the shop example
#   scripts/setup.sh test       install, build, run all tests
#   scripts/setup.sh sanitize   install, build core + its tests with ASan/UBSan, run them
set -euo pipefail

cd "$(dirname "$0")/.."
action="${1:-}"
case "$action" in run|test|sanitize) ;; *)
    echo "usage: scripts/setup.sh run|test|sanitize" >&2; exit 2 ;;
esac

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libgl-dev libegl-dev libxkbcommon-dev libvulkan-dev
    qt6-svg-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-qpa-plugins libqt6sql6-sqlite
    libqscintilla2-qt6-dev libsqlite3-dev libcurl4-openssl-dev libyaml-cpp-dev libssl-dev qt6-translations-l10n
    qtkeychain-qt6-dev
    nodejs python3 python3-boto3 openssl
)
# What the tests use besides: yamllint checks exported YAML, wrk drives the gateway
# benchmark, desktop-file-validate and appstreamcli check the installed desktop files,
# clang-format checks the house style (.clang-format), Xvfb and xdotool give the canvas
# gesture tests a real X display; Go and curl build and run the functions of the custom
# runtime tests (a Go program, AWS's tutorial bootstrap), the JDK the Java function tests
# compile and run on; xmllint checks nimbus test's JUnit reports against the schema CI
# servers read.
[ "$action" = test ] && packages+=(yamllint wrk desktop-file-utils appstream clang-format-14 xvfb xdotool golang-go curl xz-utils libxml2-utils openjdk-17-jdk-headless)
# The sanitizer build is clang's, for libFuzzer (its runtime is in libclang-rt-14-dev).
[ "$action" = sanitize ] && packages+=(clang-14 libclang-rt-14-dev)
# npm comes with some Node.js builds (NodeSource's) and separately with Debian's.
command -v npm >/dev/null 2>&1 || packages+=(npm)

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

jobs=$(nproc 2>/dev/null || echo 2)

build() { # build-dir, extra cmake arguments...
    local dir="$1"; shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNIMBUS_WERROR=ON "$@"
    cmake --build "$dir" --parallel "$jobs"
}

# Every npm folder is installed from its package-lock.json (npm ci): each machine gets
# the versions CI last passed with, not what the registry has published since (the AWS
# SDK's releases after early January 2027 need Node.js 22, for one). To move a folder on,
# run `npm install --package-lock-only` in its source folder, then the tests.
# A build tree's folder is installed again when it lacks the module named or was installed
# from another lock than the source tree's (a copy of the lock it was installed from is
# kept in its node_modules: CMake copies the runtime SDK's package files on its own).
install_npm_folder() { # source-folder build-folder module [npm ci options]
    local source="$1" target="$2" module="$3"; shift 3
    local installed="$target/node_modules/.nimbus-installed-lock.json"
    mkdir -p "$target"
    if [ ! -d "$target/node_modules/$module" ] || ! cmp -s "$source/package-lock.json" "$installed"; then
        cp "$source/package.json" "$source/package-lock.json" "$target/"
        npm ci --no-audit --no-fund "$@" --prefix "$target" >/dev/null
        cp "$source/package-lock.json" "$installed"
    fi
}

# The AWS SDK for JavaScript v3 that Lambda bundles, where the studio's Node.js workers
# find it (resources/runtime/sdk/package.json lists the clients).
install_sdk() { # build-dir
    install_npm_folder resources/runtime/sdk "$1/share/nimbus-studio/runtime/sdk" @aws-sdk/client-dynamodb --omit=dev
}

# The third-party validators of exported manifests (tests/export/tools/package.json):
# cfn-lint, Serverless Framework v3, Knative models, yaml, HashiCorp's HCL parser.
install_validators() { # build-dir
    install_npm_folder tests/export/tools "$1/export-tools" serverless
}

# What the gateway benchmark compares with (tests/bench/tools/package.json).
install_bench_tools() { # build-dir
    install_npm_folder tests/bench/tools "$1/bench-tools" serverless-offline
}

# The official MCP client SDK that drives `nimbus mcp` in tests/mcp (tests/mcp/package.json).
install_mcp_client() { # build-dir
    install_npm_folder tests/mcp "$1/mcp-client" @modelcontextprotocol/sdk
}

# The libraries applications build on the AWS SDK that tst_libraries runs against the local
# cloud (tests/runtime/libs/package.json: dynamoose, sqs-consumer); boto3's transfer manager
# comes with Debian's python3-boto3.
install_test_libraries() { # build-dir
    install_npm_folder tests/runtime/libs "$1/test-libraries" dynamoose
}

# The official Node.js runtime interface client that the custom runtime tests and the
# Runtime API benchmark run handlers under (tests/runtime/ric/package.json).
install_ric_client() { # build-dir
    # It compiles curl and aws-lambda-cpp as it installs: should that fail on a machine,
    # the tests that run handlers under it say so and skip, the others still run.
    install_npm_folder tests/runtime/ric "$1/ric-client" aws-lambda-ric ||
        echo "warning: aws-lambda-ric could not be built; the runtime interface client's test rows are skipped" >&2
}

# The house style is mechanical: a C++ file that clang-format would change fails the tests.
check_format() {
    local files
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        files=$(git ls-files 'core/*.cpp' 'core/*.h' 'app/*.cpp' 'app/*.h' 'plugins/*.cpp' 'plugins/*.h' 'tests/*.cpp' 'tests/*.h')
    else
        files=$(find core app plugins tests -name '*.cpp' -o -name '*.h')
    fi
    # shellcheck disable=SC2086
    if ! clang-format-14 --dry-run --Werror --style=file $files; then
        echo "Some files are not in the house style: run clang-format-14 -i on them (see .clang-format)." >&2
        return 1
    fi
}

install_packages
case "$action" in
run)
    build build
    install_sdk build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: rendering the studio to build/nimbus-studio.png instead of opening a window."
        exec env QT_QPA_PLATFORM=offscreen build/bin/nimbus-studio --example shop --screenshot build/nimbus-studio.png
    fi
    exec build/bin/nimbus-studio --example shop
    ;;
test)
    check_format
    build build
    install_sdk build
    install_validators build
    install_bench_tools build
    install_mcp_client build
    install_test_libraries build
    install_ric_client build
    QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure --parallel "$jobs"
    ;;
sanitize)
    # One tree: the core and its tests under ASan and UBSan, built by clang so that the
    # same tree has the fuzz targets (tests/fuzz), which ctest runs for
    # NIMBUS_FUZZ_SECONDS each. A tree configured by another compiler starts afresh.
    if [ -f build-asan/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++-14$' build-asan/CMakeCache.txt; then
        rm -rf build-asan/CMakeCache.txt build-asan/CMakeFiles
    fi
    build build-asan -DNIMBUS_CORE_ONLY=ON -DNIMBUS_SANITIZE=ON -DNIMBUS_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_COMPILER=clang++-14 -DNIMBUS_FUZZ_SECONDS="${NIMBUS_FUZZ_SECONDS:-60}"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
        QT_QPA_PLATFORM=offscreen ctest --test-dir build-asan --output-on-failure --parallel "$jobs"
    ;;
esac
