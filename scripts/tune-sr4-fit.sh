#!/usr/bin/env bash
# Retunes the sr4 preset so that it stops fitting the noise: each candidate restores the first
# IMAGES images of the TRAINING split (presented to `eval` as its test set, as tune-presets.sh
# does) and prints the g2d2-star row of eval's summary: PSNR, SSIM, accuracy, feature distance,
# residual ratio (the goal: 0.9 to 1.3) and seconds per restore.
# Usage: scripts/tune-sr4-fit.sh [PACK] [IMAGES] [JAR]   (default models/fashion-mnist, 4, target/g2d2.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
pack=${1:-models/fashion-mnist}
images=${2:-4}
jar=${3:-target/g2d2.jar}
data=${FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
train_as_test=$(mktemp -d)
trap 'rm -rf "$train_as_test"' EXIT
for kind in images-idx3 labels-idx1; do
  ln -s "$data/train-$kind-ubyte.gz" "$train_as_test/t10k-$kind-ubyte.gz"
  ln -s "$data/train-$kind-ubyte.gz" "$train_as_test/train-$kind-ubyte.gz"
done
run() {  # label options...
  local label=$1; shift
  java -jar "$jar" eval --model "$pack" --dataset "$train_as_test" --task sr --scale 4 --images "$images" \
      --methods g2d2-star --tune-images 0 --out "$train_as_test/out" "$@" >/dev/null 2>&1
  echo "$label: $(grep '^| g2d2-star' "$train_as_test/out/summary.md")"
}
# the shipped sr4 is lr 10 with w_lr 2 (lr 100 at the first step, 1 at the last); ratio 0.57 on
# the test images. Candidates that leave more of y's noise unexplained: a lower learning rate
# throughout, a stronger KL weight, fewer optimiser iterations per step. With SHIPPED=1 in the
# environment the shipped setting runs first, as a reference; FROM=k starts at the k-th candidate.
n=0
candidate() {  # label options...: runs unless before FROM
  n=$((n + 1))
  if (( n >= ${FROM:-1} )); then run "$@"; fi
}
[[ ${SHIPPED:-0} == 1 ]] && run "N50 M20 kl3e-4 lr10 w2 (shipped)" --steps 50 --iterations 20 --kl 3e-4 --lr 10 --lr-decay 2
candidate "N50 M20 kl3e-4 lr3 w2"      --steps 50 --iterations 20 --kl 3e-4 --lr 3 --lr-decay 2
candidate "N50 M20 kl1e-3 lr10 w2"     --steps 50 --iterations 20 --kl 1e-3 --lr 10 --lr-decay 2
candidate "N50 M20 kl3e-4 lr1 w2"      --steps 50 --iterations 20 --kl 3e-4 --lr 1 --lr-decay 2
candidate "N50 M20 kl1e-3 lr3 w2"      --steps 50 --iterations 20 --kl 1e-3 --lr 3 --lr-decay 2
candidate "N50 M20 kl3e-4 lr2 w2"      --steps 50 --iterations 20 --kl 3e-4 --lr 2 --lr-decay 2
candidate "N50 M10 kl3e-4 lr3 w2"      --steps 50 --iterations 10 --kl 3e-4 --lr 3 --lr-decay 2
