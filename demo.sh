#!/usr/bin/env bash
# Kept for old instructions: the README's main job is now `./mlat demo` (the two-country demo:
# France and the United States exchange a request, receipts, an acknowledgement and evidence over
# HTTPS with mutual TLS on loopback). Needs only a JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")"
exec ./mlat demo "$@"
