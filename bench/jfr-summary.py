#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 64 FILE.jfr` output: the
share of samples spent in public-key operations and in other named areas (a sample counts for an
area when any frame of its stack matches), the top self frames, and the top inclusive methods.
    jfr print --events jdk.ExecutionSample --stack-depth 64 x.jfr | bench/jfr-summary.py [thread-substring]
SKIP=0.5 in the environment drops the samples of the first half of the recording (JIT warm-up).
"""
import re, sys, collections, signal
signal.signal(signal.SIGPIPE, signal.SIG_DFL)

AREAS = [  # first match wins for the exclusive split; inclusive counts are independent
    ("public-key (EC math, ECDSA, ECDH)", r"org\.bouncycastle\.math\.ec|org\.bouncycastle\.crypto\.signers\.ECDSA|ECDHBasicAgreement|ECDHCBasicAgreement|sun\.security\.ec\.|org\.bouncycastle\.math\.raw"),
    ("certificate path / CRL / trust", r"CertPath|PKIX|dev\.mlat\.crypto\.trust\.|X509CRL|Revocation"),
    ("JSON (Jackson) and validation", r"com\.fasterxml\.jackson|org\.hibernate\.validator|jakarta\.validation|dev\.mlat\.core\.validation"),
    ("ZIP (commons-compress)", r"org\.apache\.commons\.compress"),
    ("file system (open, move, delete, mkdir)", r"sun\.nio\.fs|java\.nio\.file\.Files|FileDispatcherImpl|FileChannelImpl|RandomAccessFile|FileOutputStream|FileInputStream"),
    ("SecureRandom", r"SecureRandom|NativePRNG|DRBG"),
    ("ASN.1 / CMS structures (BouncyCastle)", r"org\.bouncycastle\.asn1|org\.bouncycastle\.cms|org\.bouncycastle\.cert"),
    ("SHA / AES / HMAC", r"sun\.security\.provider\.(SHA|Digest)|com\.sun\.crypto\.provider|org\.bouncycastle\.crypto\.(digests|engines|modes)"),
    ("provider / JCA lookup, class loading", r"java\.security\.Provider|sun\.security\.jca|GetInstance|ClassLoader|java\.lang\.Class\.forName"),
]

thread_filter = sys.argv[1] if len(sys.argv) > 1 else None
import os
SKIP = float(os.environ.get("SKIP", "0"))
samples = []
times = []
stack = None
thread = ""
t = 0.0
for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.") and s.endswith("{"):
        stack = []
        thread = ""
    elif s.startswith("sampledThread"):
        thread = s
    elif s.startswith("startTime"):
        m = re.search(r"(\d+):(\d+):(\d+(?:\.\d+)?)", s)
        if m:
            t = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    elif s.startswith("stackTrace = ["):
        pass
    elif stack is not None and re.match(r"^[\w$.<>/]+\(.*\)(\s+line:.*)?$", s):
        stack.append(s.split("  ")[0].split(" line:")[0])
    elif s == "]" and stack is not None:
        pass
    elif s == "}" and stack is not None:
        if stack and (thread_filter is None or thread_filter in thread):
            samples.append(stack)
            times.append(t)
        stack = None
if SKIP and times:
    cut = min(times) + SKIP * (max(times) - min(times))
    samples = [st for st, tt in zip(samples, times) if tt >= cut]
total = len(samples)
if total == 0:
    print("no samples"); sys.exit(0)
print(f"{total} samples")
excl = collections.Counter()
for st in samples:
    joined = "\n".join(st)
    for name, rx in AREAS:
        if re.search(rx, joined):
            excl[name] += 1
            break
    else:
        excl["other"] += 1
print("areas (a sample counts once, for the first area in this order that any of its frames matches):")
for name, _ in AREAS + [("other", None)]:
    print(f"  {100.0*excl[name]/total:5.1f}%  {name}")
selfc = collections.Counter(st[0] for st in samples)
print("top self frames:")
for f, c in selfc.most_common(15):
    print(f"  {100.0*c/total:5.1f}%  {f}")
inc = collections.Counter()
for st in samples:
    for f in set(st):
        if f.startswith("dev.mlat.") and not f.startswith("dev.mlat.bench"):
            inc[f] += 1
print("top inclusive mlat methods:")
for f, c in inc.most_common(25):
    print(f"  {100.0*c/total:5.1f}%  {f}")
