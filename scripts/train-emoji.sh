#!/usr/bin/env bash
# Trains the colour emoji pack: emoji tokenizer, held-out check, emoji prior, then the pack. Every
# stage resumes from its checkpoint, so rerunning this script after a stop (or a reboot) continues
# where it left off. Meant for the background on a shared machine:
#
#   mkdir -p ~/.cache/g2d2-train/emoji
#   nohup nice -n 19 scripts/train-emoji.sh >> ~/.cache/g2d2-train/emoji/train.log 2>&1 &
#
# The code is pinned: the first run copies target/classes and the dependency classpath under
# $RUN/app, so rebuilding the working tree does not change a running or resumed training.
# Pass --refresh to pin the current build instead (the checkpoints stay valid while the
# networks' shapes do not change). Settings and figures: docs/TRAINING.md, "Emoji pack".
set -euo pipefail
cd "$(dirname "$0")/.."

RUN=${G2D2_EMOJI_RUN:-$HOME/.cache/g2d2-train/emoji}
# $RUN/settings.env (optional, shell assignments) is read again before every stage, so the prior's
# length and shape can still be changed while the tokenizer trains, without restarting this script.
settings() {
  if [ -f "$RUN/settings.env" ]; then . "$RUN/settings.env"; fi
  TOK_STEPS=${TOK_STEPS:-12000}
  PRIOR_STEPS=${PRIOR_STEPS:-20000}
  PRIOR_DIM=${PRIOR_DIM:-192} PRIOR_LAYERS=${PRIOR_LAYERS:-6} PRIOR_HEADS=${PRIOR_HEADS:-6}
  PRIOR_BATCH=${PRIOR_BATCH:-32}
  OUT_PACK=${OUT_PACK:-$RUN/pack}
}
mkdir -p "$RUN"

DATA=$(scripts/fetch-emoji.sh)

if [ "${1:-}" = "--refresh" ] || [ ! -f "$RUN/app/classpath.txt" ]; then
  [ -d target/classes ] || mvn -B -q -o compile
  rm -rf "$RUN/app.new" && mkdir -p "$RUN/app.new"
  cp -r target/classes "$RUN/app.new/classes"
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$RUN/app.new/deps.txt" >/dev/null
  echo "$RUN/app/classes:$(cat "$RUN/app.new/deps.txt")" > "$RUN/app.new/classpath.txt"
  git rev-parse HEAD > "$RUN/app.new/commit.txt" 2>/dev/null || true
  rm -rf "$RUN/app" && mv "$RUN/app.new" "$RUN/app"
fi

export MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=68719476736 ONEDNN_MAX_CPU_ISA=AVX2
g2d2() {
  java -Xmx3g -Dai.djl.pytorch.num_threads=1 -Dai.djl.offline=true -cp "$(cat "$RUN/app/classpath.txt")" \
       org.g2d2.Main "$@"
}

settings
echo "== $(date -u +%FT%TZ) emoji tokenizer ($TOK_STEPS steps) in $RUN/tokenizer"
g2d2 train emoji-tokenizer --data "$DATA" --out "$RUN/tokenizer" --steps "$TOK_STEPS" --batch 16 --lr 2e-3 \
     --codes 512 --dim 16 --full 32 --half 64 --quarter 128 --variants 200 --seed 1 --checkpoint-seconds 300

echo "== $(date -u +%FT%TZ) held-out check"
g2d2 train emoji-check --data "$DATA" --tokenizer "$RUN/tokenizer" | tee -a "$RUN/check.txt"

settings
echo "== $(date -u +%FT%TZ) emoji prior ($PRIOR_STEPS steps) in $RUN/prior"
g2d2 train emoji-prior --data "$DATA" --tokenizer "$RUN/tokenizer" --out "$RUN/prior" --steps "$PRIOR_STEPS" \
     --batch "$PRIOR_BATCH" --lr 1e-3 --dim "$PRIOR_DIM" --layers "$PRIOR_LAYERS" --heads "$PRIOR_HEADS" --variants 16 --seed 2 --checkpoint-seconds 300

settings
echo "== $(date -u +%FT%TZ) pack into $OUT_PACK"
g2d2 train emoji-pack --data "$DATA" --tokenizer "$RUN/tokenizer" --prior "$RUN/prior" --out "$OUT_PACK"
echo "== $(date -u +%FT%TZ) done"
