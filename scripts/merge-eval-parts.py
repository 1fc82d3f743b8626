#!/usr/bin/env python3
"""Merges the per-image CSVs of an evaluation split with `eval --skip` into one table.

Usage: scripts/merge-eval-parts.py OUT_DIR_1 OUT_DIR_2 ...   (each holding a per-image.csv)
Prints, per method, the mean and the half-width of the 95 % Student-t interval over images of
PSNR, SSIM, OCR CER (%) and seconds per restore — the figures `eval` prints for one part, over
all parts together. Each image's seeds are averaged first, as eval does.
"""
import csv
import math
import sys
from collections import defaultdict

# two-sided 97.5 % quantiles of Student's t, df 1..30; beyond that the normal's 1.96 is within 2 %
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
        2.045, 2.042]


def interval(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    t = T975[n - 2] if n - 1 <= len(T975) else 1.96
    return mean, t * sd / math.sqrt(n)


def main(dirs):
    per = defaultdict(lambda: defaultdict(list))  # (method, column) -> image key -> values over seeds
    order = []
    for part, d in enumerate(dirs):
        with open(f"{d}/per-image.csv", newline="") as f:
            for row in csv.DictReader(f):
                method = row["method"]
                if method not in order:
                    order.append(method)
                for column in ("psnr", "ssim", "ocr_cer", "seconds"):
                    if row.get(column):
                        per[(method, column)][(part, row["image"])].append(float(row[column]))
    print("| method | images | PSNR (dB) | SSIM | OCR CER (%) | s / restore |")
    print("|---|---:|---:|---:|---:|---:|")
    for method in order:
        cells = []
        images = 0
        for column, scale, digits in (("psnr", 1, 2), ("ssim", 1, 3), ("ocr_cer", 100, 1), ("seconds", 1, 1)):
            groups = per[(method, column)]
            if not groups:
                cells.append("–")
                continue
            values = [scale * sum(v) / len(v) for v in groups.values()]
            images = len(values)
            mean, half = interval(values)
            cells.append(f"{mean:.{digits}f} ± {half:.{digits}f}")
        print(f"| {method} | {images} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
