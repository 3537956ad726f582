#!/usr/bin/env bash
# Whole-run timings on generated data, as reported in docs/PERFORMANCE.md.
#
# For each size it generates an input with `wkw generate` (emails N, meetings
# N/10, calls N/20, the generator's defaults otherwise; kept between runs in
# $WKW_BENCH_DATA, default bench/data), then times with /usr/bin/time -v:
#   scan  reading and decoding the same columns a run reads, nothing else
#   run   the whole nightly run, workbook included
# and prints wall time, CPU time, peak RSS, emails/s and the run's wall time
# as a multiple of the scan's, both measured in the same invocation.
#
# Usage: bench/run.sh [SIZES...]     (default: 1000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${WKW_BENCH_DATA:-bench/data}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
mkdir -p "$data"
go build -o "$data/wkw" ./cmd/wkw
wkw=$data/wkw

# measure LABEL CMD...: runs CMD under /usr/bin/time -v, reports one line on
# stderr and prints its wall seconds on stdout.
measure() {
	local label=$1 log
	shift
	log=$(mktemp)
	/usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
	awk -v label="$label" -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
		/User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
		END {
			printf "%-6s wall %7.2f s  cpu %7.2f s  peak RSS %6.0f MiB\n", label, wall, user + sys, rss / 1024 > "/dev/stderr"
			print wall
		}' "$log"
	rm -f "$log"
}

printf 'machine: %s cores, %s; go: %s\n' "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" "$(go env GOVERSION)"
for n in "${sizes[@]}"; do
	in=$data/emails-$n
	if [ ! -f "$in/.complete" ]; then
		rm -rf "$in"
		"$wkw" generate --out "$in" --emails "$n" --meetings $((n / 10)) --calls $((n / 20)) --as-of 2026-11-21 2>/dev/null
		touch "$in/.complete"
	fi
	echo "== $n emails, $((n / 10)) meetings, $((n / 20)) calls ($(du -sh "$in" | cut -f1) of Parquet)"
	scan=$(measure "scan" "$wkw" scan --input "$in")
	rm -rf "$data/out-$n"
	run=$(measure "run" "$wkw" run --input "$in" --out "$data/out-$n" --as-of 2026-11-21)
	awk -v n="$n" -v s="$scan" -v r="$run" 'BEGIN { printf "       %.0f emails/s; run wall = %.2f x scan wall\n", n / r, r / s }' >&2
done
