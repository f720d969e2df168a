#!/usr/bin/env python3
"""bench/results/<stamp>-options.txt (bench/options.sh) as a markdown table."""
import re, sys
print("| JDK | options | op | load | process wall | MB/s (1 GiB / wall) | main to ready: wall s (main-thread CPU s: keys + trust + sealer/opener) | operation s | peak RSS MiB | peak heap MiB |")
print("|---|---|---|---|---|---|---|---|---|---|")
for line in open(sys.argv[1]):
    if not line.startswith("options "):
        continue
    head = line.split("|", 1)[0]
    kv = dict(re.findall(r"(\w+)=([^\s|]+)", line))
    kv.update(dict(re.findall(r"(\w+)=([^\s|]+)", head)))
    ph = re.findall(r"(keys|trust|sealer|opener)=([\d.]+)/([\d.]+)", line)
    cpu = sum(float(c) for _, _, c in ph)
    opt = kv["set"].replace("+-", " -").replace("cds+", "cds ").replace("-Dbench.early=true", "early start").replace("cds", "AppCDS")
    print(f"| {kv['jdk']} | {opt} | {kv['op']} | {kv['load']} | {kv['wall']} | {kv['MBps']} | {kv['mainToReady']} ({cpu:.2f}) | {kv['seconds']} | {kv['rssMiB']} | {kv['heapPeakMiB']} |")
