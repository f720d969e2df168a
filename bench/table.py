#!/usr/bin/env python3
"""Turns fresh.sh output lines (stdin) into a Markdown table: fresh (round 1) and last-round MB/s."""
import re
import sys

print("| JDK | JVM options | size | segment | op | output | load | fresh MB/s (round 1) | rounds 2.. MB/s | process wall |")
print("|---|---|---|---|---|---|---|---|---|---|")
for line in sys.stdin:
    head = dict(re.findall(r"(\w+)=(\S+)", line.split("|")[0]))
    rounds = re.findall(r"round=(\d+) op=(\w+) .*?MBps=(\d+)", line.split("|", 1)[1]) if "|" in line else []
    if not rounds:
        continue
    op = rounds[0][1]
    first = rounds[0][2]
    rest = " ".join(r[2] for r in rounds[1:]) or "-"
    segment = int(head["segment"])
    seg = f"{segment // 1024} KiB" if segment < 1 << 20 else f"{segment >> 20} MiB"
    print(f"| {head['jdk']} | {head['jit'].replace('-XX:', '')} | {head['size']} | {seg} | {op} | {head.get('output', '')} | {head['load']} | {first} | {rest} | {head['processWall']} |")
