#!/usr/bin/env python3
"""Turns bench/results/<stamp>-compare.txt (bench/compare.sh) into the markdown tables of
docs/PERFORMANCE.md.   bench/compare-table.py bench/results/<stamp>-compare.txt"""
import re, sys, statistics, collections

def kv(text):
    return dict(re.findall(r"(\w+)=([^\s|]+)", text))

def rounds(tail, key="round"):
    """the command's own lines: list of dicts, one per round"""
    out = []
    for m in re.finditer(r"((?:ceiling |naive-bc )?(?:what=\S+ |op=\S+ )?round=\d+ [^|]*?)(?=(?:ceiling |naive-bc )?(?:what=\S+ |op=\S+ )?round=|$)", tail):
        out.append(kv(m.group(1)))
    return out

lines = open(sys.argv[1]).read().splitlines()
sizes = []
data = collections.defaultdict(list)
for line in lines:
    if line.startswith("## "):
        sizes.append(line.split()[1])
    if "|" not in line or not line.startswith("what="):
        continue
    head, tail = line.split("|", 1)
    h = kv(head)
    h["rounds"] = rounds(tail)
    h["wall"] = float(h["wall"].rstrip("s"))
    data[(h["what"], h.get("size"))].append(h)

def mbps(b, s):
    return b / s / 1e6

for size in sizes:
    print(f"\n#### {size}\n")
    ceil = {}
    for h in data[("ceiling", size)]:
        for what in ("read", "sha256", "aes256gcm"):
            r = [float(x["MBps"]) for x in h["rounds"] if x.get("what") == what and int(x["round"]) > 1]
            if r:
                ceil[(h["jdk"], what)] = max(r)
    cps = sorted(h["wall"] for h in data[("cp", size)])
    nbytes = int(next(iter(data[("cp", size)]))["bytes"]) if cps else None
    cp_mbps = mbps(nbytes, statistics.median(cps)) if cps else None
    jdks = sorted({j for (j, _) in ceil}, key=lambda v: int(v.split(".")[0]))
    print("| ceiling (warm, one thread, page cache) | " + " | ".join(f"JDK {j}" for j in jdks) + " |")
    print("|---|" + "---|" * len(jdks))
    for what, label in (("read", "read the file"), ("sha256", "SHA-256"), ("aes256gcm", "AES-256-GCM (16 KiB calls)")):
        print(f"| {label} | " + " | ".join(f"{ceil.get((j, what), 0):.0f} MB/s" for j in jdks) + " |")
    combined = {}
    for j in jdks:
        combined[j] = 1 / (1 / ceil[(j, "sha256")] + 1 / ceil[(j, "aes256gcm")] + 1 / cp_mbps)
    print(f"| `cp` (median of {len(cps)}, wall) | " + " | ".join(f"{cp_mbps:.0f} MB/s ({statistics.median(cps):.2f} s)" for j in jdks) + " |")
    print("| **one-pass ceiling** = 1/(1/SHA + 1/GCM + 1/cp), one core | " + " | ".join(f"**{combined[j]:.0f} MB/s**" for j in jdks) + " |")
    best = max(combined.values())
    ossl = {}
    rows = []
    for op in ("seal", "open"):
        hs = [h for h in data[("openssl", size)] if h["op"] == op]
        if hs:
            h = min(hs, key=lambda h: h["wall"])
            ossl[op] = mbps(int(h["bytes"]), h["wall"])
            rows.append((f"OpenSSL `cms` pipeline, {op} (best of {len(hs)})", "-", ossl[op], h["rssMiB"], "-", h["load"], "-"))
    for h in data[("naive-bc", size)]:
        for r in h["rounds"]:
            rows.append((f"naive BouncyCastle CMS (BC provider), {r['op']}, in-process", h["jdk"], float(r["MBps"]), f"{h['rssMiB']} (both ops)", "-", h["load"], "-"))
    for h in data[("mlat", size)]:
        rs = h["rounds"]
        heap = max(int(r["heapPeakMiB"]) for r in rs)
        opt = h.get("options") or ""
        optl = f" `{opt.replace('+', ' ')}`" if opt else ""
        gib = int(h["bytes"]) / (1 << 30)
        if h["mode"] == "fresh":
            rows.append((f"mlat package {h['op']}, fresh process{optl} (process wall)", h["jdk"], mbps(int(h["bytes"]), h["wall"]), h["rssMiB"], heap, h["load"], "-"))
            rows.append((f"mlat package {h['op']}, fresh process{optl} (the operation alone)", h["jdk"], float(rs[0]["MBps"]), h["rssMiB"], heap, h["load"],
                         f"{float(rs[0]['cpuSeconds']) / gib:.2f} / {float(rs[0]['mainThreadCpuSeconds']) / gib:.2f}"))
        else:
            warm = [float(r["MBps"]) for r in rs[1:]]
            cpu = statistics.median(float(r["cpuSeconds"]) for r in rs[1:]) / gib
            main = statistics.median(float(r["mainThreadCpuSeconds"]) for r in rs[1:]) / gib
            rows.append((f"mlat package {h['op']}, warm{optl} (median of rounds 2-{len(rs)}, max {max(warm):.0f})", h["jdk"], statistics.median(warm), h["rssMiB"], heap, h["load"],
                         f"{cpu:.2f} / {main:.2f}"))
    print()
    print("| what | JDK | MB/s | / one-pass ceiling | / OpenSSL | peak RSS MiB | peak heap MiB (-Xmx128m) | load | CPU s per GiB: process / main thread |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, jdk, v, rss, heap, l, cpu in rows:
        op = "seal" if "seal" in label else "open"
        ref = ossl.get(op)
        print(f"| {label} | {jdk} | {v:.0f} | {v / best:.2f} | {v / ref:.2f} | {rss} | {heap} | {l} | {cpu} |" if ref else
              f"| {label} | {jdk} | {v:.0f} | {v / best:.2f} | - | {rss} | {heap} | {l} | {cpu} |")
