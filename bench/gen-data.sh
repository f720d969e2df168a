#!/usr/bin/env bash
# Writes the benchmark inputs under bench/data/ (git-ignored): incompressible files of 16 MiB,
# 256 MiB and 1 GiB (AES-CTR keystream of zeros: fast and random-looking). Existing files are kept.
#   bench/gen-data.sh            all three
#   bench/gen-data.sh 16MiB      one of them
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p data
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(16MiB 256MiB 1GiB)
for size in "${sizes[@]}"; do
  case "$size" in
    16MiB) mib=16 ;;
    256MiB) mib=256 ;;
    1GiB) mib=1024 ;;
    *) echo "gen-data.sh: unknown size $size (16MiB, 256MiB, 1GiB)" >&2; exit 2 ;;
  esac
  file="data/attachment-$size.bin"
  if [ -f "$file" ] && [ "$(stat -c %s "$file")" -eq $((mib * 1048576)) ]; then
    echo "$file exists"
    continue
  fi
  head -c $((mib * 1048576)) /dev/zero \
    | openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f -iv 00000000000000000000000000000000 \
    > "$file.tmp"
  mv "$file.tmp" "$file"
  echo "$file written"
done
