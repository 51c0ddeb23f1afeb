#!/usr/bin/env bash
# make bench: Tale against Hugo on the same synthetic libraries, timed side by side in one run,
# alternating the two tools, several runs each; prints medians and Tale/Hugo ratios.
#   RUNS=3 SIZES="100 1000" W=/tmp/tale-bench bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=${SIZES:-"100 1000"}
W=${W:-/tmp/tale-bench}
CORPUS=../shared/bench/make_corpus.py
[ -f "$CORPUS" ] || { echo "bench: $CORPUS not found (the shared folder sits beside the repository)"; exit 1; }

missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
.ci/install-deps build
# Built as a release is shipped: with Swift's standard library and Foundation linked in, which
# halves the start of every run (about 10 ms) against loading them from shared libraries.
swift build -c release --product tale --static-swift-stdlib --scratch-path .build-bench >/dev/null
TALE=$PWD/.build-bench/release/tale
mkdir -p "$W"

# measure NAME COMMAND...: appends "seconds peak_kb processor_seconds" to $W/NAME. Earlier writes
# are flushed first (sync), so a build does not pay for the one before it; the time is taken to the
# millisecond around /usr/bin/time, which gives the peak memory and the user and system time.
measure() {
    local name=$1; shift
    sync
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M %U %S" -o "$W/time.txt" "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }') $(awk '{ printf "%d %.2f", $1, $2 + $3 }' "$W/time.txt")" >> "$W/$name"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-" } else if (NR % 2) { print v[(NR + 1) / 2] } else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }

for n in $SIZES; do
    rm -rf "$W/hugo-$n" "$W/tale-$n" "$W/hout-$n"
    python3 "$CORPUS" --books "$n" --scenes 12 --seed 1 --out "$W/hugo-$n" --tale "$W/tale-$n" >/dev/null
    rm -f "$W"/*-"$n".times
    # The Markdown of every book, front matter left out, in one file: what the parse floor reads.
    find "$W/hugo-$n/content/books" -name index.md | sort | while read -r f; do
        awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$f"; echo
    done > "$W/markdown-$n.md"
    edit_hugo=$(ls -d "$W/hugo-$n"/content/books/*/ | sort | sed -n "$((n / 2))p")index.md
    edit_tale=$(ls -d "$W/tale-$n"/content/*/ | sort | sed -n "$((n / 2))p")index.md
    for run in $(seq "$RUNS"); do
        # First build: nothing kept from an earlier one (Hugo's resources/_gen, Tale's .tale-cache and twin).
        rm -rf "$W/hout-$n" "$W/hugo-$n/resources/_gen"; sync
        measure "hugo-first-$n.times" hugo --quiet --source "$W/hugo-$n" --destination "$W/hout-$n"
        rm -rf "$W/tale-$n/public" "$W/tale-$n/.public.tale-shadow" "$W/tale-$n/.tale-cache"; sync
        measure "tale-first-$n.times" "$TALE" build --quiet --source "$W/tale-$n"
        # Full build: the output deleted, the caches kept.
        rm -rf "$W/hout-$n"; sync
        measure "hugo-full-$n.times" hugo --quiet --source "$W/hugo-$n" --destination "$W/hout-$n"
        rm -rf "$W/tale-$n/public"; sync
        measure "tale-full-$n.times" "$TALE" build --quiet --source "$W/tale-$n"
        measure "hugo-noop-$n.times" hugo --quiet --source "$W/hugo-$n" --destination "$W/hout-$n"
        measure "tale-noop-$n.times" "$TALE" build --quiet --source "$W/tale-$n"
        # One edit: a sentence added to one book's last scene, the same in both.
        echo "The wind changed again, $run." >> "$edit_hugo"
        measure "hugo-edit-$n.times" hugo --quiet --source "$W/hugo-$n" --destination "$W/hout-$n"
        echo "The wind changed again, $run." >> "$edit_tale"
        measure "tale-edit-$n.times" "$TALE" build --quiet --source "$W/tale-$n"
        # Floors, the least any full build of this library can cost: cmark-gfm parsing all of its
        # Markdown on one core, and hard-linking Tale's output files into a fresh folder.
        measure "floor-parse-$n.times" cmark-gfm -e table -e strikethrough -e autolink "$W/markdown-$n.md"
        rm -rf "$W/links-$n"; sync
        measure "floor-links-$n.times" cp -al "$W/tale-$n/public" "$W/links-$n"
        rm -rf "$W/links-$n"
    done
    # Watch mode: the time from writing a file to the line that says the rebuild is done, read
    # from the log every 5 ms. waited NAME LOG PATTERN FILE TEXT appends the seconds to $W/NAME.
    waited() {
        local before start
        before=$(grep -c "$3" "$2" || true)
        start=$(date +%s.%N)
        echo "$5" >> "$4"
        for _ in $(seq 6000); do
            [ "$(grep -c "$3" "$2" || true)" -gt "$before" ] && break
            sleep 0.005
        done
        awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f\n", e - s }' >> "$W/$1"
        sleep 0.3
    }
    # A page template the project overrides (a copy of the bundled one), edited below.
    mkdir -p "$W/tale-$n/themes/storybook/templates"
    cp themes/storybook/templates/head.mustache "$W/tale-$n/themes/storybook/templates/head.mustache"
    # tale serve: a book edited, then the page template; each rebuild sends the reload message.
    "$TALE" serve --port 0 --source "$W/tale-$n" > "$W/serve-$n.log" 2>&1 &
    serve_pid=$!
    for _ in $(seq 600); do grep -q "Serving" "$W/serve-$n.log" && break; sleep 0.1; done
    rm -f "$W/serve-$n.times" "$W/tale-template-$n.times" "$W/hugo-template-$n.times"
    for run in $(seq "$RUNS"); do waited "serve-$n.times" "$W/serve-$n.log" "^Rebuilt in" "$edit_tale" "The wind turned, $run."; done
    for run in $(seq "$RUNS"); do
        waited "tale-template-$n.times" "$W/serve-$n.log" "^Rebuilt in" "$W/tale-$n/themes/storybook/templates/head.mustache" "<!-- edit $run -->"
    done
    kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
    # hugo server, rendering every page again on a change (--disableFastRender: its fast mode
    # renders only the pages a browser has open, and none is): its page layout edited.
    hugo server --source "$W/hugo-$n" --renderToDisk --disableLiveReload --disableFastRender --bind 127.0.0.1 \
        --port 1414 --destination "$W/hserve-$n" > "$W/hugo-serve-$n.log" 2>&1 &
    hugo_pid=$!
    for _ in $(seq 600); do grep -q "Web Server is available" "$W/hugo-serve-$n.log" && break; sleep 0.1; done
    for run in $(seq "$RUNS"); do
        waited "hugo-template-$n.times" "$W/hugo-serve-$n.log" "Total in" "$W/hugo-$n/layouts/_default/single.html" "<!-- edit $run -->"
    done
    kill "$hugo_pid"; wait "$hugo_pid" 2>/dev/null || true
    rm -rf "$W/hserve-$n"
done

printf "\nTale against Hugo %s, %s runs each, alternating, on %s cores (%s)\n\n" \
    "$(hugo version | awk '{print $2}')" "$RUNS" "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf "| books | measurement | Hugo (median) | Tale (median) | Tale / Hugo |\n| ---: | --- | ---: | ---: | ---: |\n"
for n in $SIZES; do
    for kind in first full noop edit; do
        h=$(awk '{print $1}' "$W/hugo-$kind-$n.times" | median)
        t=$(awk '{print $1}' "$W/tale-$kind-$n.times" | median)
        case $kind in
            first) label="first build, nothing kept" ;;
            full) label="full build, output deleted, caches kept" ;;
            noop) label="rebuild, nothing changed" ;;
            *) label="rebuild after one edit" ;;
        esac
        printf "| %s | %s | %s s | %s s | %s |\n" "$n" "$label" "$h" "$t" "$(awk -v t="$t" -v h="$h" 'BEGIN { printf "%.2f", t / h }')"
    done
    for kind in first full; do
        h=$(awk '{print $2}' "$W/hugo-$kind-$n.times" | median)
        t=$(awk '{print $2}' "$W/tale-$kind-$n.times" | median)
        printf "| %s | peak memory, %s build | %d MiB | %d MiB | %s |\n" "$n" "$kind" "$((h / 1024))" "$((t / 1024))" "$(awk -v t="$t" -v h="$h" 'BEGIN { printf "%.2f", t / h }')"
    done
    h=$(awk '{print $3}' "$W/hugo-full-$n.times" | median)
    t=$(awk '{print $3}' "$W/tale-full-$n.times" | median)
    printf "| %s | processor time (user + system), full build | %s s | %s s | %s |\n" "$n" "$h" "$t" "$(awk -v t="$t" -v h="$h" 'BEGIN { printf "%.2f", t / h }')"
    printf "| %s | watch mode, a book edited: file write to reload message | – | %s s | – |\n" "$n" "$(median < "$W/serve-$n.times")"
    h=$(median < "$W/hugo-template-$n.times")
    t=$(median < "$W/tale-template-$n.times")
    printf "| %s | watch mode, a page template edited: file write to rebuilt | %s s | %s s | %s |\n" "$n" "$h" "$t" "$(awk -v t="$t" -v h="$h" 'BEGIN { printf "%.2f", t / h }')"
done

printf "\nFloors, in the same run: what any full build of the library costs at least, against half of\n"
printf "Hugo's full build (the target). The parse runs on one core; two cores at best halve it.\n\n"
printf "| books | floor | median | half of Hugo's full build | files, bytes |\n| ---: | --- | ---: | ---: | --- |\n"
for n in $SIZES; do
    half=$(awk '{print $1}' "$W/hugo-full-$n.times" | median | awk '{ printf "%.3f", $1 / 2 }')
    printf "| %s | cmark-gfm parses the Markdown (front matter left out) | %s s | %s s | 1 file, %s bytes |\n" \
        "$n" "$(awk '{print $1}' "$W/floor-parse-$n.times" | median)" "$half" "$(wc -c < "$W/markdown-$n.md")"
    printf "| %s | \`cp -al\` links Tale's output into a fresh folder | %s s | %s s | %s files, %s bytes |\n" \
        "$n" "$(awk '{print $1}' "$W/floor-links-$n.times" | median)" "$half" \
        "$(find "$W/tale-$n/public" -type f | wc -l)" "$(du -sb "$W/tale-$n/public" | cut -f1)"
done

# How Tale grows past one machine: 1000 to 10,000 books, and shards meeting in a shared cache.
TALE=$TALE W=$W bash bench/scale.sh
