#!/usr/bin/env bash
# Tunes the sampler presets of a pack on the TRAINING split (never the test split): the training
# files are presented to `eval` as its test set, so every run below restores training images.
# Usage: scripts/tune-presets.sh [PACK] [IMAGES] [TASKS]   (default models/fashion-mnist, 8 images,
#        TASKS "blur sr4 sr2"; FASHION_MNIST names the IDX folder when it is not installed system-wide)
# Prints one summary line per setting; pick the best and write it into the pack's model.json.
set -euo pipefail
cd "$(dirname "$0")/.."
pack=${1:-models/fashion-mnist}
images=${2:-8}
tasks=${3:-blur sr4 sr2}
data=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
train_as_test=$(mktemp -d)
trap 'rm -rf "$train_as_test"' EXIT
for kind in images-idx3 labels-idx1; do
  ln -s "$data/train-$kind-ubyte.gz" "$train_as_test/t10k-$kind-ubyte.gz"
  ln -s "$data/train-$kind-ubyte.gz" "$train_as_test/train-$kind-ubyte.gz"
done
run() {  # task label options...
  local task=$1 label=$2; shift 2
  local line
  line=$(java -jar target/g2d2.jar eval --model "$pack" --dataset "$train_as_test" --task "$task" \
      --images "$images" --methods g2d2-star --tune-images 0 --out "$train_as_test/out" "$@" 2>/dev/null | tail -1)
  echo "$task $label: $line"
}
if [[ " $tasks " == *" blur "* ]]; then
# blur: the paper's blur settings, then fewer steps and other learning rates / KL weights
run blur "N50 M20 kl3e-4 lr15 w1"  --steps 50 --iterations 20 --kl 3e-4 --lr 15 --lr-decay 1
run blur "N50 M20 kl3e-4 lr5 w1"   --steps 50 --iterations 20 --kl 3e-4 --lr 5 --lr-decay 1
run blur "N50 M20 kl1e-3 lr15 w1"  --steps 50 --iterations 20 --kl 1e-3 --lr 15 --lr-decay 1
run blur "N20 M20 kl3e-4 lr15 w1"  --steps 20 --iterations 20 --kl 3e-4 --lr 15 --lr-decay 1
run blur "N15 M20 kl3e-4 lr10 w1"  --steps 15 --iterations 20 --kl 3e-4 --lr 10 --lr-decay 1
run blur "N20 M15 kl3e-4 lr10 w1"  --steps 20 --iterations 15 --kl 3e-4 --lr 10 --lr-decay 1
fi
if [[ " $tasks " == *" sr4 "* ]]; then
# sr x4: the paper's SR settings, then stronger KL weights (y has 16x fewer values than x)
run sr "N50 M20 kl3e-4 lr10 w2"    --steps 50 --iterations 20 --kl 3e-4 --lr 10 --lr-decay 2
run sr "N50 M20 kl3e-3 lr10 w2"    --steps 50 --iterations 20 --kl 3e-3 --lr 10 --lr-decay 2
run sr "N50 M20 kl1e-2 lr10 w2"    --steps 50 --iterations 20 --kl 1e-2 --lr 10 --lr-decay 2
run sr "N50 M20 kl3e-3 lr5 w1"     --steps 50 --iterations 20 --kl 3e-3 --lr 5 --lr-decay 1
run sr "N20 M20 kl3e-3 lr10 w2"    --steps 20 --iterations 20 --kl 3e-3 --lr 10 --lr-decay 2
run sr "N20 M20 kl1e-2 lr10 w2"    --steps 20 --iterations 20 --kl 1e-2 --lr 10 --lr-decay 2
run sr "N50 M20 kl1e-4 lr10 w2"    --steps 50 --iterations 20 --kl 1e-4 --lr 10 --lr-decay 2
run sr "N50 M20 kl3e-4 lr5 w2"     --steps 50 --iterations 20 --kl 3e-4 --lr 5 --lr-decay 2
run sr "N50 M20 kl3e-4 lr20 w2"    --steps 50 --iterations 20 --kl 3e-4 --lr 20 --lr-decay 2
fi
if [[ " $tasks " == *" sr2 "* ]]; then
# sr x2: y has 4x fewer values than x; the sr4 settings, then gentler early learning rates
run sr "x2 N50 M20 kl3e-4 lr10 w2" --scale 2 --steps 50 --iterations 20 --kl 3e-4 --lr 10 --lr-decay 2
run sr "x2 N50 M20 kl3e-4 lr5 w1"  --scale 2 --steps 50 --iterations 20 --kl 3e-4 --lr 5 --lr-decay 1
run sr "x2 N50 M20 kl3e-4 lr10 w1" --scale 2 --steps 50 --iterations 20 --kl 3e-4 --lr 10 --lr-decay 1
run sr "x2 N50 M20 kl1e-3 lr5 w1"  --scale 2 --steps 50 --iterations 20 --kl 1e-3 --lr 5 --lr-decay 1
run sr "x2 N50 M20 kl3e-4 lr3 w1"  --scale 2 --steps 50 --iterations 20 --kl 3e-4 --lr 3 --lr-decay 1
fi
