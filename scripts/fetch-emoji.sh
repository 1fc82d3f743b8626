#!/usr/bin/env bash
# Fetches the emoji pack's training data: the npm package emoji-datasource-google 16.0.0 (Noto
# Emoji images, Apache-2.0), checks the tarball against the pinned SHA-256 and unpacks its 64×64
# PNGs. The data stays outside the repository, in $G2D2_EMOJI_DATA (default below); the product
# never downloads anything, this script is run once by hand before training (docs/TRAINING.md,
# "Emoji pack").
#
#   scripts/fetch-emoji.sh            # prints the PNG folder on success
set -euo pipefail

PACKAGE=emoji-datasource-google
VERSION=16.0.0
SHA256=fb5fd131b362aab7a55542d2a147a79708cce0a8b1c1bbacd470172708b5c438
DIR=${G2D2_EMOJI_DATA:-$HOME/.cache/g2d2-data/emoji}
TGZ="$DIR/$PACKAGE-$VERSION.tgz"
PNG="$DIR/img/google/64"

mkdir -p "$DIR"
if [ ! -f "$TGZ" ]; then
  (cd "$DIR" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
fi
found=$(sha256sum "$TGZ" | cut -d' ' -f1)
if [ "$found" != "$SHA256" ]; then
  echo "error: $TGZ has SHA-256 $found; expected $SHA256 (delete it to fetch again)" >&2
  exit 2
fi
if [ ! -d "$PNG" ] || [ "$(find "$PNG" -name '*.png' | wc -l)" -lt 3786 ]; then
  rm -rf "$DIR/img.new" && mkdir -p "$DIR/img.new"
  tar -xzf "$TGZ" -C "$DIR/img.new" --strip-components=1 package/img/google/64 package/LICENSE
  mv "$DIR/img.new/LICENSE" "$DIR/LICENSE" 2>/dev/null || true
  rm -rf "$DIR/img" && mv "$DIR/img.new/img" "$DIR/img" && rm -rf "$DIR/img.new"
fi
echo "$PNG"
