#!/usr/bin/env python3
"""bench/results/<stamp>-growth.txt (bench/growth.sh) as a markdown table."""
import re, sys
print("| attachments | each | op | load | round 1 (fresh JVM) s | round 2 (warm) s | warm MB/s | process CPU s (warm round) | peak heap MiB (-Xmx128m) | peak RSS MiB | package bytes |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for line in open(sys.argv[1]):
    if not line.startswith("growth "):
        continue
    head, tail = line.split("|", 1)
    h = dict(re.findall(r"(\w+)=([^\s|]+)", head))
    rounds = [dict(re.findall(r"(\w+)=([^\s]+)", r)) for r in re.split(r"(?=round=)", tail) if r.strip().startswith("round=")]
    if not rounds:
        print(f"| {h['attachments']} | {h['each']} | {h['op']} | {h['load']} | failed | | | | | {h['rssMiB']} | |")
        continue
    r1 = rounds[0]; rw = rounds[-1]
    each = int(h["each"])
    label = f"{each >> 20} MiB" if each >= 1 << 20 else f"{each >> 10} KiB"
    if each >= 1 << 30:
        label = f"{each >> 30} GiB"
    warm = f"{float(rw['seconds']):.3f}" if len(rounds) > 1 else "(one round)"
    heap = max(int(r["heapPeakMiB"]) for r in rounds)
    print(f"| {h['attachments']} | {label} | {h['op']} | {h['load']} | {float(r1['seconds']):.3f} | {warm} | {float(rw['MBps']):.0f} | {float(rw['cpuSeconds']):.2f} | {heap} | {h['rssMiB']} | {h['package']} |")
