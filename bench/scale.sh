#!/usr/bin/env bash
# make bench, second part: how Tale grows past one machine.
#  1. Peak memory and time of a first and a full build at each of SCALE_SIZES books (one run each).
#  2. On the SHARD_SIZE-book library: one machine's build against SHARDS shard processes started
#     side by side (`tale build --shard K/N --cache DIR`, each in a checkout of its own, as the jobs
#     of a CI matrix are), then the build that assembles the site from the cache on a fresh checkout.
# Every process here shares this machine's cores, so the shards measure what sharding costs in
# total, not what N machines would save.
#   SCALE_SIZES="1000 4000 10000" SHARDS=4 SHARD_SIZE=1000 W=/tmp/tale-bench bash bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE_SIZES=${SCALE_SIZES:-"1000 4000 10000"}
SHARDS=${SHARDS:-4}
SHARD_SIZE=${SHARD_SIZE:-1000}
W=${W:-/tmp/tale-bench}
CORPUS=../shared/bench/make_corpus.py
[ -f "$CORPUS" ] || { echo "bench: $CORPUS not found (the shared folder sits beside the repository)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (bench/run.sh installs it)"; exit 1; }
if [ -z "${TALE:-}" ]; then
    .ci/install-deps build
    swift build -c release --product tale --static-swift-stdlib --scratch-path .build-bench >/dev/null
    TALE=$PWD/.build-bench/release/tale
fi
mkdir -p "$W"

# timed NAME COMMAND...: runs it, writes "seconds peak_kb" to $W/NAME.scale.
timed() {
    local name=$1; shift
    sync
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$W/$name.mem" "$@" >"$W/$name.log" 2>&1
    end=$(date +%s%N)
    echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }') $(tail -1 "$W/$name.mem")" > "$W/$name.scale"
}
seconds() { awk '{print $1}' "$W/$1.scale"; }
mib() { awk '{ printf "%d", $2 / 1024 }' "$W/$1.scale"; }

for n in $SCALE_SIZES; do
    rm -rf "$W/scale-$n" "$W/scale-hugo-$n"
    python3 "$CORPUS" --books "$n" --scenes 12 --seed 1 --out "$W/scale-hugo-$n" --tale "$W/scale-$n" >/dev/null
    rm -rf "$W/scale-hugo-$n"
    timed "first-$n" "$TALE" build --quiet --source "$W/scale-$n"
    # Every book rendered and every file written: the output, its twin and the index gone, the derived files kept.
    rm -rf "$W/scale-$n/public" "$W/scale-$n/.public.tale-shadow" "$W/scale-$n"/.tale-cache/build-index-*
    timed "full-$n" "$TALE" build --quiet --source "$W/scale-$n"
done

# A checkout as another machine has it: the sources and generated files, the derived files, no output or index.
checkout() {
    rm -rf "$2"
    mkdir -p "$2"
    cp -a "$1/content" "$2/"
    [ -d "$1/.tale-cache/derived" ] && mkdir -p "$2/.tale-cache" && cp -a "$1/.tale-cache/derived" "$2/.tale-cache/"
    return 0
}
n=$SHARD_SIZE
[ -d "$W/scale-$n/content" ] || {
    python3 "$CORPUS" --books "$n" --scenes 12 --seed 1 --out "$W/scale-hugo-$n" --tale "$W/scale-$n" >/dev/null
    "$TALE" build --quiet --source "$W/scale-$n"
}
checkout "$W/scale-$n" "$W/one-$n"
timed "one-machine-$n" "$TALE" build --quiet --source "$W/one-$n"
rm -rf "$W/shared-$n"
for k in $(seq "$SHARDS"); do checkout "$W/scale-$n" "$W/shard-$k-$n"; done
sync
start=$(date +%s%N)
for k in $(seq "$SHARDS"); do
    /usr/bin/time -f "%M" -o "$W/shard-$k.mem" "$TALE" build --quiet --shard "$k/$SHARDS" --cache "$W/shared-$n" \
        --source "$W/shard-$k-$n" >"$W/shard-$k.log" 2>&1 &
done
wait
end=$(date +%s%N)
shards_seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')
shards_peak=$(cat "$W"/shard-*.mem | sort -n | tail -1 | awk '{ printf "%d", $1 / 1024 }')
checkout "$W/scale-$n" "$W/assemble-$n"
timed "assemble-$n" "$TALE" build --quiet --cache "$W/shared-$n" --source "$W/assemble-$n"
if diff -r -q "$W/one-$n/public" "$W/assemble-$n/public" >/dev/null; then same="byte for byte the same"; else same="DIFFERENT"; fi

printf "\nTale past one machine, on %s cores (%s)\n\n" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf "| books | first build | its peak memory | full build | its peak memory |\n| ---: | ---: | ---: | ---: | ---: |\n"
for n in $SCALE_SIZES; do
    printf "| %s | %s s | %s MiB | %s s | %s MiB |\n" "$n" "$(seconds "first-$n")" "$(mib "first-$n")" "$(seconds "full-$n")" "$(mib "full-$n")"
done
set -- $SCALE_SIZES
if [ "$#" -gt 1 ]; then
    printf "\nPeak memory of a full build against %s books': " "$1"
    for n in "${@:2}"; do printf "%s books × %s  " "$n" "$(awk -v a="$(awk '{print $2}' "$W/full-$n.scale")" -v b="$(awk '{print $2}' "$W/full-$1.scale")" 'BEGIN { printf "%.2f", a / b }')"; done
    printf "\n"
fi
n=$SHARD_SIZE
one=$(seconds "one-machine-$n"); asm=$(seconds "assemble-$n")
printf "\n| %s books, every book rendered and written | time | peak memory |\n| --- | ---: | ---: |\n" "$n"
printf "| one machine: \`tale build\` | %s s | %s MiB |\n" "$one" "$(mib "one-machine-$n")"
printf "| %s shard processes side by side: \`tale build --shard K/%s --cache DIR\` | %s s | %s MiB (the largest) |\n" "$SHARDS" "$SHARDS" "$shards_seconds" "$shards_peak"
printf "| then the assemble: \`tale build --cache DIR\` on a fresh checkout | %s s | %s MiB |\n" "$asm" "$(mib "assemble-$n")"
printf "| shards and assemble together, against one machine | %s | |\n" "$(awk -v a="$shards_seconds" -v b="$asm" -v o="$one" 'BEGIN { printf "%.2f", (a + b) / o }')"
printf "\nThe assembled site and the one machine's are %s.\n" "$same"
