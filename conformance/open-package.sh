#!/bin/sh
# Opens and checks an mlat package with openssl, unzip, sha256sum and jq only (plus the base tools
# of every POSIX system: sh, head, tail, od, tr, cut, wc, sed, grep, date, mktemp). docs/FORMAT.md,
# "Opening with OpenSSL"; docs/CONFORMANCE.md, "The OpenSSL-only scripts".
#
# usage: open-package.sh PACKAGE HEADER_SIGNER_ROOT_CA.pem RECIPIENT_CERT.pem RECIPIENT_KEY.pem OUTDIR [ISSUER_ROOT_CA.pem]
#   HEADER_SIGNER_ROOT_CA  the trust anchor(s) of the header sender's jurisdiction; when the file also
#                          holds CRLs (PEM), every certificate's revocation is checked against them
#   RECIPIENT_CERT         the reader's encryption certificate; its organizationIdentifier (the reader's
#                          party, docs/TRUST.md) must be the header's recipient
#   ISSUER_ROOT_CA         the same for the issuing authority's jurisdiction (default: the same file;
#                          differs for a relayed package)
# environment (optional):
#   MLAT_VERIFY_AT         the instant to verify at (ISO-8601 UTC, for example the conformance vectors'
#                          2026-12-01T00:00:00Z) instead of now: certificates, CRLs, expiry
#   MLAT_TRUST_DIR         a trust directory (docs/TRUST.md): the signers must be registered in
#                          <J>/authorities.json with the sign role (a relay with the relay role)
# Package format version 2 only. Writes OUTDIR/message.json, OUTDIR/message.p7s and
# OUTDIR/attachments/<id>, and prints the header digest (SHA-256 of header.json: the package's
# identity, which receipts name as headerSha256). Exits non-zero at the first failed rule, naming
# it. Not checked here (a full reader does): the exact CAdES profile of the signatures
# (docs/CMS.md), the ZIP profile beyond entry order, storage and CRC-32, strict JSON (types,
# duplicate keys), the resend rule, the lifecycle message's validation and its references.
set -euf   # -f: no pathname expansion (entry names are split unquoted only after stage 1 checked them)
pkg=$1; header_ca=$2; cert=$3; key=$4; out=$5; issuer_ca=${6:-$2}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
fail() { echo "open-package: $*" >&2; exit 1; }
hex() { od -An -v -tx1 | tr -d ' \n'; }
epoch() { date -u -d "$1" +%s; }
if [ -n "${MLAT_VERIFY_AT:-}" ]; then
  now=$(epoch "$MLAT_VERIFY_AT") || fail "MLAT_VERIFY_AT is not a date: $MLAT_VERIFY_AT"
  attime="-attime $now"
else
  now=$(date -u +%s); attime=""
fi
crls() { if grep -q 'BEGIN X509 CRL' "$1"; then echo "-crl_check_all"; fi; }
subject() { openssl x509 -in "$1" -noout -subject -nameopt RFC2253 | sed 's/^subject=//'; }
rdn() { subject "$1" | tr ',' '\n' | sed -n "s/^$2=//p" | head -n 1; }
registered() { # party role: the party is registered with the role in MLAT_TRUST_DIR (when given)
  [ -z "${MLAT_TRUST_DIR:-}" ] && return 0
  jq -e --arg id "$1" --arg role "$2" '.authorities[] | select(.id == $id) | .roles | index($role)' \
    "$MLAT_TRUST_DIR/${1%%:*}/authorities.json" > /dev/null 2>&1
}

# 1. structure: entry order (unzip lists the central directory in order)
unzip -Z1 "$pkg" > "$w/names" || fail "not a ZIP file"
[ "$(head -n 1 "$w/names")" = mimetype ] || fail "mimetype is not the first entry"
[ "$(unzip -p "$pkg" mimetype)" = application/vnd.mlat.package+zip ] || fail "wrong mimetype"
[ "$(tail -n 3 "$w/names" | tr '\n' ' ')" = "message.p7m header.json header.p7s " ] || fail "the last entries are not message.p7m header.json header.p7s"
n=1   # between mimetype and message.p7m: attachments/1, attachments/2, ... in order
for name in $(sed '1d' "$w/names" | sed '$d' | sed '$d' | sed '$d'); do
  [ "$name" = "attachments/$n" ] || fail "unexpected entry $name (expected attachments/$n)"
  n=$((n + 1))
done
unzip -Z -v "$pkg" | grep "compression method:" | grep -qv "compression method: *none (stored)" && fail "entries must be stored"

# 2. header and its detached signature by the sending authority
unzip -p "$pkg" header.json > "$w/header.json" 2> "$w/err" || { cat "$w/err" >&2; fail "header.json cannot be read (or does not match its CRC-32)"; }
unzip -p "$pkg" header.p7s > "$w/header.p7s" 2> "$w/err" || { cat "$w/err" >&2; fail "header.p7s cannot be read (or does not match its CRC-32)"; }
# shellcheck disable=SC2046,SC2086
openssl cms -verify -binary -inform DER -in "$w/header.p7s" -content "$w/header.json" -CAfile "$header_ca" $(crls "$header_ca") \
  $attime -signer "$w/header-signer.pem" -out /dev/null 2> "$w/err" || { cat "$w/err" >&2; fail "header.p7s does not verify"; }
h() { jq -r "$1" "$w/header.json"; }
[ "$(h .format)" = mlat-package ] && [ "$(h .formatVersion)" = 2 ] || fail "not an mlat package of format version 2"
jq -e 'type == "object" and (keys - ["originalSender"]) == (["format", "formatVersion", "messageId", "messageType", "requestId",
  "sender", "recipient", "created", "expires", "entries"] | sort)' "$w/header.json" > /dev/null || fail "header.json has unknown or missing fields"
# format version 2: an attachment entry is {name, size}, message.p7m is {name, size, sha256}
jq -e '.entries | type == "array" and all(.[]; if .name == "message.p7m" then keys == ["name", "sha256", "size"]
  else keys == ["name", "size"] end)' "$w/header.json" > /dev/null || fail "header.json's entries are not those of format version 2"
relayed=$(h '.originalSender // empty')
signer=$(rdn "$w/header-signer.pem" organizationIdentifier)
[ "$(rdn "$w/header-signer.pem" C)" = "$(h .sender | cut -d: -f1)" ] || fail "header.p7s is signed by $signer, not by an authority of the sender's jurisdiction"
if [ -n "$relayed" ]; then
  [ "$signer" = "$(h .sender)" ] || fail "a relayed package's header must be signed by the relay $(h .sender), not $signer"
  [ "$(h .sender | cut -d: -f1)" = "$(h .recipient | cut -d: -f1)" ] || fail "the relay $(h .sender) forwards to another jurisdiction"
  registered "$signer" relay || fail "$signer is not registered as a relay"
else
  registered "$signer" sign || fail "$signer is not registered to sign"
fi

# 3. the reader (RECIPIENT_CERT's organizationIdentifier) is the recipient; the entries are the header's list, each with its size, message.p7m with its SHA-256, every
#    entry's bytes with its ZIP CRC-32 (unzip -t: the CRC of the local header); expiry.
#    The attachments' content is checked at 6, by the signed manifest (segment tags, plaintext SHA-256).
reader=$(rdn "$cert" organizationIdentifier)
[ "$reader" = "$(h .recipient)" ] || fail "the package is for $(h .recipient), not for the reader ${reader:-(no organizationIdentifier in RECIPIENT_CERT)}"
{ jq -r '.entries[].name' "$w/header.json"; printf 'header.json\nheader.p7s\n'; } > "$w/listed"
[ "$(sed '1d' "$w/names")" = "$(cat "$w/listed")" ] || fail "the entries are not the header's list"
jq -r '.entries[] | "\(.name) \(.size) \(.sha256 // "-")"' "$w/header.json" > "$w/entries"
while read -r name size sha; do
  [ "$(unzip -p "$pkg" "$name" | wc -c | tr -d ' ')" = "$size" ] || fail "$name: size differs from the header"
  if [ "$name" = message.p7m ]; then
    [ "$(unzip -p "$pkg" message.p7m | sha256sum | cut -d' ' -f1)" = "$sha" ] || fail "message.p7m: SHA-256 differs from the header"
  fi
done < "$w/entries"
for name in $(cat "$w/names"); do
  unzip -tqq "$pkg" "$name" > /dev/null 2>&1 || fail "$name: bytes do not match the entry's CRC-32"
done
[ "$(epoch "$(h .created)")" -le $((now + 300)) ] || fail "created $(h .created), in the future"
[ "$now" -lt "$(epoch "$(h .expires)")" ] || fail "expired at $(h .expires)"

# 4. decrypt (AES-256-GCM, tag checked by openssl) and verify the issuing authority's signature
unzip -p "$pkg" message.p7m > "$w/message.p7m" || fail "message.p7m cannot be read"
openssl cms -decrypt -binary -inform DER -in "$w/message.p7m" -recip "$cert" -inkey "$key" -out "$w/signed.p7s" \
  2> "$w/err" || { cat "$w/err" >&2; fail "message.p7m does not decrypt"; }
# shellcheck disable=SC2046,SC2086
openssl cms -verify -binary -inform DER -in "$w/signed.p7s" -CAfile "$issuer_ca" $(crls "$issuer_ca") $attime \
  -signer "$w/issuer.pem" -out "$w/content.der" 2> "$w/err" || { cat "$w/err" >&2; fail "the issuing authority's signature does not verify"; }

# 5. the signed binding (SealedContent: version, sender, recipient, message id, payload) against the header
openssl asn1parse -inform DER -in "$w/content.der" > "$w/asn1"
field() { sed -n "$1p" "$w/asn1" | sed 's/^[^:]*:[^:]*:[^:]*://'; }
[ "$(sed -n 2p "$w/asn1" | sed 's/.*INTEGER *://')" = 01 ] || fail "SealedContent version is not 1"
inner_sender=$(field 3); inner_recipient=$(field 4); inner_id=$(field 5)
if [ -z "$relayed" ]; then
  want_sender=$(h .sender); want_recipient=$(h .recipient)
else
  want_sender=$relayed; want_recipient=$(h .sender)   # relayed: signed by the original issuer for the relay
fi
[ "$inner_sender" = "$want_sender" ] || fail "signed sender $inner_sender is not $want_sender"
issuer=$(rdn "$w/issuer.pem" organizationIdentifier)
[ "$issuer" = "$inner_sender" ] || fail "the message is signed by $issuer, not by its signed sender $inner_sender"
[ "$(rdn "$w/issuer.pem" C)" = "$(echo "$inner_sender" | cut -d: -f1)" ] || fail "the issuer's certificate is not of $inner_sender's jurisdiction"
registered "$issuer" sign || fail "$issuer is not registered to sign"
[ "$inner_recipient" = "$want_recipient" ] || fail "signed recipient $inner_recipient is not $want_recipient"
[ "$inner_id" = "$(h .messageId)" ] || fail "signed message id differs from the header"
payload=$(sed -n 6p "$w/asn1")
off=$(echo "$payload" | sed -E 's/^ *([0-9]+):.*/\1/')
hl=$(echo "$payload" | sed -E 's/.*hl= *([0-9]+).*/\1/')
len=$(echo "$payload" | sed -E 's/.*l= *([0-9]+) .*/\1/')
mkdir -p "$out/attachments"
tail -c +$((off + hl + 1)) "$w/content.der" | head -c "$len" > "$out/message.json"
cp "$w/signed.p7s" "$out/message.p7s"
m() { jq -r "$1" "$out/message.json"; }
[ "$(m .format)" = mlat-message ] || fail "message.json is not an mlat-message"
[ "$(m .message.message.header.messageId)" = "$(h .messageId)" ] || fail "message.json's message id differs"
[ "$(m .message.message.header.requestId)" = "$(h .requestId)" ] || fail "message.json's request id differs"
[ "$(m .message.message.messageType)" = "$(h .messageType)" ] || fail "message.json's type differs"
[ "$(m .message.message.header.sender)" = "$want_sender" ] || fail "message.json's sender differs"
[ "$(m .message.message.header.recipient)" = "$want_recipient" ] || fail "message.json's recipient differs"

# 6. attachments: segments (each an AuthEnvelopedData under the attachment key), tags in order, length, SHA-256
count=$(m '.attachments | length')
[ "$count" = "$(grep -c '^attachments/' "$w/names")" ] || fail "the manifest lists $count attachments, the package holds $(grep -c '^attachments/' "$w/names")"
i=0
while [ "$i" -lt "$count" ]; do
  a() { jq -r ".attachments[$i].$1" "$out/message.json"; }
  id=$(a id)
  case "$id" in */*|.*|"") fail "bad attachment id";; esac
  [ "$(a entry)" = "attachments/$((i + 1))" ] || fail "$id: entry $(a entry), not attachments/$((i + 1))"
  unzip -p "$pkg" "$(a entry)" > "$w/segments" || fail "$id: $(a entry) cannot be read"
  total=$(wc -c < "$w/segments" | tr -d ' ')
  first=$(openssl asn1parse -inform DER -in "$w/segments" | head -n 1)
  e=$(( $(echo "$first" | sed -E 's/.*hl= *([0-9]+).*/\1/') + $(echo "$first" | sed -E 's/.*l= *([0-9]+) .*/\1/') ))
  tags=$(a segments.tags); k=$(a segments.key); kid=$(a segments.keyId)
  : > "$w/plain"; offset=0; n=0
  while [ "$offset" -lt "$total" ]; do
    tail -c +$((offset + 1)) "$w/segments" | head -c "$e" > "$w/seg"
    tag=$(tail -c 16 "$w/seg" | hex)
    [ "$tag" = "$(echo "$tags" | cut -c $((n * 32 + 1))-$((n * 32 + 32)))" ] || fail "$id: segment $n is not the one the manifest lists there"
    openssl cms -decrypt -binary -inform DER -in "$w/seg" -secretkey "$k" -secretkeyid "$kid" -out "$w/part" \
      2> "$w/err" || { cat "$w/err" >&2; fail "$id: segment $n does not decrypt"; }
    cat "$w/part" >> "$w/plain"
    offset=$((offset + e)); n=$((n + 1))
  done
  [ "$((n * 32))" -eq "${#tags}" ] || fail "$id: $n segments, the manifest lists $(( ${#tags} / 32 ))"
  [ "$(wc -c < "$w/plain" | tr -d ' ')" = "$(a size)" ] || fail "$id: length differs from the manifest"
  [ "$(sha256sum < "$w/plain" | cut -d' ' -f1)" = "$(a sha256)" ] || fail "$id: SHA-256 differs from the manifest"
  mv "$w/plain" "$out/attachments/$id"
  i=$((i + 1))
done
echo "open-package: OK $(h .messageType) $(h .messageId) from $(h .sender) to $(h .recipient), $count attachments, header SHA-256 $(sha256sum < "$w/header.json" | cut -d' ' -f1)"
