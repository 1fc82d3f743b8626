#!/usr/bin/env bash
# Screenshots of the real workbench window under Xvfb, for the README:
#   docs/screenshots/workbench-running.png  mid-run (Live tab: x̂0 with the token map, A(x̂) | y | residual, losses)
#   docs/screenshots/workbench-done.png     after the run (Live tab, full loss curves, timeline filled)
#   docs/screenshots/workbench-compare.png  before/after compare slider with PSNR / SSIM / residual
# Needs: xvfb (xvfb-run), libgtk-3-0, imagemagick (import). Debian:
#   apt-get install -y --no-install-recommends xvfb libgtk-3-0 imagemagick
# Environment: PACK=<pack folder> (default: the bundled default pack), THEME=light|dark.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in xvfb-run import java; do
    command -v "$tool" >/dev/null || { echo "error: $tool is missing (see the header of $0)" >&2; exit 2; }
done
if [ ! -f target/g2d2.jar ]; then
    mvn -q -o package -DskipTests
fi
out=docs/screenshots
mkdir -p "$out"
sig=$(mktemp -d)
trap 'rm -rf "$sig"' EXIT
mkdir -p "$sig/config"
if [ "${THEME:-light}" = dark ]; then echo '{"theme":"dark"}' > "$sig/config/workbench.json"; fi
props=(-Dg2d2.autorun="$sig" -Dg2d2.config.dir="$sig/config" -Dg2d2.logPauses=true)
if [ -n "${PACK:-}" ]; then props+=(-Dg2d2.pack="$PACK"); fi

export OUT_DIR="$out" SIG="$sig"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    set -euo pipefail
    java "$@" -jar target/g2d2.jar > "$SIG/app.log" 2>&1 &
    app=$!
    shoot() {  # wait for NAME.ready, take the picture, then let the app go on
        for _ in $(seq 1 1200); do
            [ -f "$SIG/$1.ready" ] && break
            kill -0 $app 2>/dev/null || { echo "error: the workbench quit early:" >&2; cat "$SIG/app.log" >&2; exit 1; }
            sleep 0.1
        done
        [ -f "$SIG/$1.ready" ] || { echo "error: no $1 stop within 120 s" >&2; kill $app; exit 1; }
        sleep 0.3
        import -window root "$OUT_DIR/$2"
        touch "$SIG/$1.go"
        echo "wrote $OUT_DIR/$2"
    }
    shoot running workbench-running.png
    shoot done workbench-done.png
    shoot compare workbench-compare.png
    wait $app
' _ "${props[@]}"
grep -h "largest FX-thread pause" "$sig/app.log" || true
