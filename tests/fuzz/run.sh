#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs one of them.
#   tests/fuzz/run.sh TARGET [SECONDS]     TARGET: edtf_fuzz, loader_fuzz, snapshot_fuzz or render_fuzz
# New inputs that add coverage go to build-fuzz/corpus/TARGET (the seed corpus
# under tests/fuzz/corpus/ is copied there first); crashes are written to
# build-fuzz/crash-* and each one found must become a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: tests/fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-60}
seed_dir=tests/fuzz/corpus/${target%_fuzz}
# Rendering lays out every loaded graph with Graphviz: small inputs keep
# each run short enough for the fuzzer to make progress.
max_len=8192
[ "$target" = render_fuzz ] && max_len=4096

CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DEVENTGRAPH_BUILD_FUZZ=ON -DEVENTGRAPH_BUILD_TESTS=OFF -DEVENTGRAPH_BUILD_EXAMPLES=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fsanitize=fuzzer-no-link" >/dev/null
cmake --build build-fuzz --target "$target" -j 2

work=build-fuzz/corpus/${target%_fuzz}
mkdir -p "$work"
cp -n "$seed_dir"/* "$work"/ 2>/dev/null || true
cd build-fuzz
# Graphviz and fontconfig leak by themselves (see tests/lsan.supp).
export LSAN_OPTIONS=suppressions=../tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
dict=()
[ -f "../tests/fuzz/${target%_fuzz}.dict" ] && dict=(-dict="../tests/fuzz/${target%_fuzz}.dict")
exec "tests/fuzz/$target" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len="$max_len" -print_final_stats=1 "corpus/${target%_fuzz}"
