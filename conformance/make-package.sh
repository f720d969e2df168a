#!/bin/sh
# Produces an mlat package with openssl, zip, sha256sum and jq only (plus the base tools of every
# POSIX system: sh, head, tail, od, tr, cut, wc, split, basename, grep, date, mktemp). docs/FORMAT.md,
# "Producing with OpenSSL"; docs/CONFORMANCE.md, "The OpenSSL-only scripts".
#
# usage: make-package.sh MESSAGE.json SIGNER_CERT.pem SIGNER_KEY.pem SIGNER_CHAIN.pem RECIPIENT_CERT.pem OUT.mlat [ID=FILE=MEDIA/TYPE ...]
#   MESSAGE.json     the lifecycle message as mlat's JSON ({"schemaVersion":"1.0","message":{...}}); its
#                    attachment references (if its type has any) must describe the files given
#   SIGNER_*         the issuing authority's signing certificate, key and issuing CA(s); it also signs the header
#   RECIPIENT_CERT   the recipient's encryption certificate: EC (ECDH with the SHA-256 KDF) or RSA
#                    (RSA-OAEP with SHA-256 and MGF1-SHA-256); OpenSSL's defaults for both are refused
# environment (optional):
#   MLAT_CREATED     the header's creation time (ISO-8601 UTC, whole seconds) instead of now
# Validity: 30 days from the creation time. Segments of 256 KiB. Package format version 2. Prints the
# header digest (SHA-256 of header.json, the package's identity that receipts name).
set -eu
msg=$1; scert=$2; skey=$3; schain=$4; rcert=$5; out=$6; shift 6
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
hex() { od -An -v -tx1 | tr -d ' \n'; }
seg=262144
mkdir -p "$w/pkg/attachments"
printf '%s' application/vnd.mlat.package+zip > "$w/pkg/mimetype"
echo '[]' > "$w/manifest.json"
i=0
for spec in "$@"; do
  id=${spec%%=*}; rest=${spec#*=}; file=${rest%=*}; media=${rest##*=}
  i=$((i + 1)); entry="attachments/$i"
  k=$(openssl rand -hex 32); kid=$(openssl rand -hex 16)
  rm -f "$w"/part.*
  if [ -s "$file" ]; then split -b "$seg" -a 6 "$file" "$w/part."; else : > "$w/part.000000"; fi
  : > "$w/pkg/$entry"; tags=""
  for p in "$w"/part.*; do
    openssl cms -encrypt -binary -aes-256-gcm -secretkey "$k" -secretkeyid "$kid" -aes256-wrap -outform DER \
      -in "$p" -out "$w/seg"
    tags="$tags$(tail -c 16 "$w/seg" | hex)"
    cat "$w/seg" >> "$w/pkg/$entry"
  done
  jq --arg id "$id" --arg entry "$entry" --arg name "$(basename "$file")" --arg media "$media" \
     --argjson size "$(wc -c < "$file" | tr -d ' ')" --arg sha "$(sha256sum < "$file" | cut -d' ' -f1)" \
     --arg kid "$kid" --arg k "$k" --argjson seg "$seg" --arg tags "$tags" \
     '. + [{id: $id, entry: $entry, name: $name, mediaType: $media, size: $size, sha256: $sha,
            segments: {keyId: $kid, key: $k, segmentSize: $seg, tags: $tags}}]' "$w/manifest.json" > "$w/m2"
  mv "$w/m2" "$w/manifest.json"
done
jq -n --slurpfile m "$msg" --slurpfile a "$w/manifest.json" \
  '{format: "mlat-message", formatVersion: 1, message: $m[0], attachments: $a[0]}' > "$w/message.json"
sender=$(jq -r .message.header.sender "$msg"); recipient=$(jq -r .message.header.recipient "$msg")
id=$(jq -r .message.header.messageId "$msg"); request=$(jq -r .message.header.requestId "$msg")
type=$(jq -r .message.messageType "$msg")
# SealedContent ::= SEQUENCE { version INTEGER (1), sender, recipient, messageId UTF8String, payload OCTET STRING }
cat > "$w/content.cnf" <<CNF
asn1 = SEQUENCE:sealed
[sealed]
version = INTEGER:1
sender = UTF8:$sender
recipient = UTF8:$recipient
messageId = UTF8:$id
payload = FORMAT:HEX,OCTETSTRING:$(hex < "$w/message.json")
CNF
openssl asn1parse -genconf "$w/content.cnf" -noout -out "$w/content.der"
openssl cms -sign -cades -nosmimecap -md sha256 -binary -nodetach -in "$w/content.der" \
  -signer "$scert" -inkey "$skey" -certfile "$schain" -outform DER -out "$w/signed.p7s"
if openssl x509 -in "$rcert" -noout -text | grep -q 'Public Key Algorithm: rsaEncryption'; then
  set -- -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256 -keyopt rsa_mgf1_md:sha256
else
  set -- -keyopt ecdh_kdf_md:sha256
fi
openssl cms -encrypt -aes-256-gcm -binary -in "$w/signed.p7s" -outform DER -out "$w/pkg/message.p7m" -recip "$rcert" "$@"
if [ -n "${MLAT_CREATED:-}" ]; then
  start=$(date -u -d "$MLAT_CREATED" +%s)
else
  start=$(date -u +%s)
fi
created=$(date -u -d "@$start" +%Y-%m-%dT%H:%M:%SZ)
expires=$(date -u -d "@$((start + 30 * 86400))" +%Y-%m-%dT%H:%M:%SZ)
names=""; n=1; while [ "$n" -le "$i" ]; do names="$names attachments/$n"; n=$((n + 1)); done
# entries (format version 2): each attachment by name and size (its segments' tags and plaintext
# SHA-256 are in the signed manifest), message.p7m by name, size and SHA-256
entries='[]'
for name in $names; do
  entries=$(echo "$entries" | jq --arg n "$name" --argjson s "$(wc -c < "$w/pkg/$name" | tr -d ' ')" '. + [{name: $n, size: $s}]')
done
entries=$(echo "$entries" | jq --argjson s "$(wc -c < "$w/pkg/message.p7m" | tr -d ' ')" \
  --arg h "$(sha256sum < "$w/pkg/message.p7m" | cut -d' ' -f1)" '. + [{name: "message.p7m", size: $s, sha256: $h}]')
jq -n --arg id "$id" --arg type "$type" --arg request "$request" --arg sender "$sender" --arg recipient "$recipient" \
  --arg created "$created" --arg expires "$expires" --argjson entries "$entries" \
  '{format: "mlat-package", formatVersion: 2, messageId: $id, messageType: $type, requestId: $request,
    sender: $sender, recipient: $recipient, created: $created, expires: $expires, entries: $entries}' > "$w/pkg/header.json"
openssl cms -sign -cades -nosmimecap -md sha256 -binary -in "$w/pkg/header.json" \
  -signer "$scert" -inkey "$skey" -certfile "$schain" -outform DER -out "$w/pkg/header.p7s"
rm -f "$out"
(cd "$w/pkg" && zip -q -X -0 -D "$w/out.zip" mimetype $names message.p7m header.json header.p7s)
mv "$w/out.zip" "$out"
# the package's identity (receipts name it): the SHA-256 of header.json's exact bytes
digest=$(sha256sum < "$w/pkg/header.json" | cut -d' ' -f1)
echo "make-package: $out ($type $id from $sender to $recipient, $i attachments, header SHA-256 $digest)"
