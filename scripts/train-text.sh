#!/usr/bin/env bash
# Trains the printed-text pack: text tokenizer, held-out check, text prior, then the pack.
# Every stage resumes from its checkpoint, so rerunning this script after a stop (or a reboot)
# continues where it left off. Meant for the background on a shared machine:
#
#   nohup nice -n 19 scripts/train-text.sh > ~/.cache/g2d2-train/text/train.log 2>&1 &
#
# The code is pinned: the first run copies target/classes and the dependency classpath under
# $RUN/app, so rebuilding the working tree does not change a running or resumed training.
# Pass --refresh to pin the current build instead (the checkpoints stay valid while the
# networks' shapes do not change). Settings: docs/TRAINING.md, "Printed text".
set -euo pipefail
cd "$(dirname "$0")/.."

RUN=${G2D2_TEXT_RUN:-$HOME/.cache/g2d2-train/text}
# $RUN/settings.env (optional, shell assignments) is read again before every stage, so the prior's
# shape can still be changed while the tokenizer trains, without restarting this script.
settings() {
  if [ -f "$RUN/settings.env" ]; then . "$RUN/settings.env"; fi
  TOK_STEPS=${TOK_STEPS:-12000}
  PRIOR_STEPS=${PRIOR_STEPS:-20000}
  # provisional prior shape (not measured yet; 256 tokens a context)
  PRIOR_DIM=${PRIOR_DIM:-128} PRIOR_LAYERS=${PRIOR_LAYERS:-4} PRIOR_HEADS=${PRIOR_HEADS:-4}
  PRIOR_BATCH=${PRIOR_BATCH:-16}
  OUT_PACK=${OUT_PACK:-$RUN/pack}
}
mkdir -p "$RUN"

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
echo "== $(date -u +%FT%TZ) text tokenizer ($TOK_STEPS steps) in $RUN/tokenizer"
g2d2 train text-tokenizer --out "$RUN/tokenizer" --steps "$TOK_STEPS" --batch 16 --lr 2e-3 \
     --side 64 --codes 1024 --dim 32 --full 32 --half 64 --quarter 128 --seed 1 --checkpoint-seconds 300

echo "== $(date -u +%FT%TZ) held-out check"
g2d2 train text-check --tokenizer "$RUN/tokenizer" --samples 256 --ocr-pages 32 | tee -a "$RUN/check.txt"

settings
echo "== $(date -u +%FT%TZ) text prior ($PRIOR_STEPS steps) in $RUN/prior"
g2d2 train text-prior --tokenizer "$RUN/tokenizer" --out "$RUN/prior" --steps "$PRIOR_STEPS" \
     --batch "$PRIOR_BATCH" --lr 1e-3 --dim "$PRIOR_DIM" --layers "$PRIOR_LAYERS" --heads "$PRIOR_HEADS" --images 100000 --seed 2 --checkpoint-seconds 300

settings
echo "== $(date -u +%FT%TZ) pack into $OUT_PACK"
g2d2 train text-pack --tokenizer "$RUN/tokenizer" --prior "$RUN/prior" --out "$OUT_PACK" --samples 512
echo "== $(date -u +%FT%TZ) done"
