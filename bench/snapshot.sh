#!/usr/bin/env bash
# Copies the built module jars and bench classes (after bench/build.sh) into DIR, with a classpath
# file DIR/cp that points at the copies: a fixed build to compare against while the tree changes.
#   bench/snapshot.sh DIR
set -euo pipefail
cd "$(dirname "$0")"
dir=$(realpath -m "$1")
root=$(realpath ..)
mkdir -p "$dir"
rm -rf "$dir/bench-classes"
cp -r target/classes "$dir/bench-classes"
cp=""
for entry in $(tr ':' '\n' < target/classpath.txt); do
  case $entry in
    "$root"/*) cp "$entry" "$dir/"; entry="$dir/$(basename "$entry")" ;;
  esac
  cp="$cp:$entry"
done
echo "$dir/bench-classes$cp" > "$dir/cp"
echo "snapshot of $(git -C "$root" log -1 --format=%h) in $dir"
