#!/bin/bash
# One side-by-side measurement of the rate adapters against the peers and the machine's limits, in the order of
# bench/README.md (sessions G–I): FMA limits, then per rule the fastest peer and our epochs on 2 and 1 threads in
# turn (session O), then Figure 12's GFLOP/s. Prints every run and the medians. Run nothing else meanwhile (the
# two-thread runs are the most sensitive to other load).
# Usage: bash bench/measure-rate.sh [runs per configuration, default 5] [timed epochs per round, default 3]
#        (from the repository root; ~10 min with the defaults, ~7 min with one timed epoch per round)
# Needs the peers of ../shared/peers (see its README): python3 with numpy/torch, gcc for the limits.
set -euo pipefail
runs=${1:-5}
epochs=${2:-3}
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="${PEERS:-$root/../shared/peers}"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
dotnet publish "$root/src/Host" -c Release -o "$bin" -v q > /dev/null
neurolc() { "$bin/neurolc" "$@"; }
field() { python3 -c "import json,sys; print(round(json.load(sys.stdin)['$1'], 4))"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }

echo "== $(date -u +%FT%TZ) commit $(git -C "$root" rev-parse --short HEAD) load $(cut -d' ' -f1-3 /proc/loadavg)"
gcc -O3 -march=native -fopenmp -o "$bin/limits" "$peers/limits.c"
"$bin/limits" | grep fma_avx512
# Where the hypervisor has put the two vCPUs (bench/core_trip.c): one line's round trip between them, ~80 ns on one
# CCD and ~360 ns on two, where every layer one lane rewrites and the other reads crosses between the L3s.
gcc -O3 -march=native -pthread -o "$bin/core_trip" "$root/bench/core_trip.c"
trip() { "$bin/core_trip" | awk '/round_trip/ {print $2}'; }
# And what a 40 KB layer costs the second core: read after the first rewrote it, rewritten after both read it (4× and
# more far: bench/README.md, session T).
echo "core placement: $("$bin/core_trip" | tr '\n' ' ')"
# Figure 7: the peers and ours in turn, round by round (each round: peer_epoch.sh, the median of $epochs timed epochs
# after its warm-up epoch, then ours on two threads and on one thread, each also the median of $epochs timed epochs
# after a warm-up epoch: --repeats), so a host whose load moves within minutes weighs on both sides alike and with
# the same statistic; the ratio of each round and the medians are printed.
for rule in bp rbp srbp; do
  echo "== $rule"
  bests=""; twos=""; ones=""; ratios=""
  for r in $(seq 1 "$runs"); do
    peer=$(bash "$peers/peer_epoch.sh" "$rule" "$epochs" 2>&1)
    numpy=$(echo "$peer" | awk '/^numpy/ {print $2}')
    torch=$(echo "$peer" | awk '/^torch/ {print $2}')
    best=$(echo "$peer" | awk '/^best/ {print $2}')
    two=$(neurolc bench rate --network fig7 --algorithm "$rule" --examples 60000 --threads 2 --repeats "$epochs" --json | field seconds)
    one=$(neurolc bench rate --network fig7 --algorithm "$rule" --examples 60000 --threads 1 --repeats "$epochs" --json | field seconds)
    ratio=$(python3 -c "print(round($best / $two, 2))")
    echo "fig7 $rule round $r: numpy $numpy torch $torch best $best | ours 2 threads $two, 1 thread $one | best peer / ours ${ratio}x (core round trip $(trip) ns)"
    bests="$bests $best"; twos="$twos $two"; ones="$ones $one"; ratios="$ratios $ratio"
  done
  echo "peer $rule best s/epoch: median $(echo "$bests" | median) runs [$bests ]"
  echo "ours $rule threads 2 s/epoch: median $(echo "$twos" | median) runs [$twos ]"
  echo "ours $rule threads 1 s/epoch: median $(echo "$ones" | median) runs [$ones ]"
  echo "fig7 $rule best peer / ours (2 threads) per round: median $(echo "$ratios" | median) runs [$ratios ]"
done
# Figure 12: each run is bracketed by a short two-core FMA reading of limits.c, and also reads the same threads' FMA
# peak in-process for 15 ms after every 10 steps (--peak, not timed), so a run on this shared VM is set against the
# peak of its own moments (the host's load moves the peak by up to half within minutes).
# Each bracket also reads the two-thread read bandwidth of limits.c's readsum over a 12 MB array (the shared cache
# and memory: the host's contention there, which the FMA reading does not see), printed beside each run.
limit2() { "$bin/limits" 200000000 1000000 2 | awk '/fma_avx512_2t/ {f=$2} /readsum_2t_best/ {r=$2} END {print f, r}'; }
for rule in bp rbp srbp; do
  all=""
  shares=""
  inner=""
  for r in $(seq 1 "$runs"); do
    read -r before read_before <<< "$(limit2)"
    out=$(neurolc bench rate --network fig12 --algorithm "$rule" --examples 20000 --threads 2 --peak --json)
    read -r after read_after <<< "$(limit2)"
    gflops=$(echo "$out" | field gflops)
    peak=$(echo "$out" | field peak_gflops)
    within=$(echo "$out" | python3 -c "import json,sys; print(round(100 * json.load(sys.stdin)['share_of_peak'], 1))")
    share=$(python3 -c "print(round(100 * $gflops / (($before + $after) / 2), 1))")
    echo "fig12 $rule run $r: $gflops GFLOP/s between two-core FMA limits $before and $after: $share %; in-process peak between slices $peak: $within % (read bandwidth $read_before / $read_after GB/s; core round trip $(trip) ns)"
    all="$all $gflops"
    shares="$shares $share"
    inner="$inner $within"
  done
  echo "ours fig12 $rule threads 2 GFLOP/s: median $(echo "$all" | median) runs [$all ]"
  echo "ours fig12 $rule share of the bracketing two-core FMA limit (%): median $(echo "$shares" | median) runs [$shares ]"
  echo "ours fig12 $rule share of the in-process peak between slices (%): median $(echo "$inner" | median) runs [$inner ]"
done
# SGEMM at the shapes of Figures 7 and 12 against OpenBLAS in the same process, trials in turn.
# The peer's configuration of ../shared/peers (peer_epoch.sh, sgemm_bench.py): SkylakeX kernels, the library's own L2
# size. Some machines here export OPENBLAS_CORETYPE=Haswell (AVX2, half the rate), which the peer would otherwise keep.
for threads in 1 2; do env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX "$bin/neurolc" bench sgemm --threads "$threads" --peer openblas; done
echo "== end $(date -u +%TZ)"
