#!/bin/sh
# The shop example's scenarios end to end through `nimbus test` (target: the example's
# scenarios under 5 s together on 2 cores), and in the same run the bare limit: the same
# scenarios with only their actions (requests, items, clock moves), no expectation waiting
# for the cloud to settle, so the ratio shows what checking costs on top of doing. The
# 100-run property scenario is timed on its own. Reports figures and ratios; asserts
# nothing about time. Usage: bench_scenarios.sh BUILD_DIR
set -eu
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$build/share/nimbus-studio/examples/shop" "$work/shop"
cd "$work/shop"
mkdir -p "$work/actions"
# The actions alone: each scenario without its expect- steps and invariants.
python3 - "$work/actions" scenarios/*.yaml <<'PY'
import os, re, sys
out = sys.argv[1]
for path in sys.argv[2:]:
    if path.endswith("payment-retries.yaml"):
        continue
    kept, skipping = [], False
    for line in open(path, encoding="utf-8"):
        if re.match(r"^invariants:", line):
            break
        if re.match(r"^  - ", line):
            skipping = line.startswith("  - expect-")
        if not skipping:
            kept.append(line)
    open(os.path.join(out, os.path.basename(path)), "w", encoding="utf-8").write("".join(kept))
PY
seconds() { python3 -c 'import sys, time; print(f"{time.time():.3f}")'; }
examples=$(ls scenarios/*.yaml | grep -v payment-retries)
count=$(echo "$examples" | wc -w)
t0=$(seconds); "$build/bin/nimbus" test shop.nimbus $examples > "$work/full.txt"; t1=$(seconds)
# A step that needs what an expectation waited for (staff-only reads the order stored)
# can fail without it: the bare pass is a floor, its failures reported, not fatal.
"$build/bin/nimbus" test shop.nimbus "$work"/actions/*.yaml > "$work/bare.txt" || true; t2=$(seconds)
"$build/bin/nimbus" test shop.nimbus scenarios/payment-retries.yaml > "$work/property.txt"; t3=$(seconds)
python3 - "$t0" "$t1" "$t2" "$t3" "$(nproc)" "$count" <<'PY'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5])
count = int(sys.argv[6])
full, bare, prop = t1 - t0, t2 - t1, t3 - t2
print(f"nimbus test, the shop example's scenarios, {sys.argv[5]} cores:")
print(f"  {count} scenarios with their expectations:  {full:6.2f} s (target: under 5 s)")
print(f"  the same actions, no expectations:   {bare:6.2f} s (the bare limit, same run)")
print(f"  expectations cost {full / bare:.2f}x the bare actions")
print(f"  the property scenario, 100 seeded runs: {prop:6.2f} s ({prop * 10:.0f} ms a run)")
PY
grep -hE "^[0-9]+ scenario" "$work/full.txt" "$work/bare.txt" "$work/property.txt"
