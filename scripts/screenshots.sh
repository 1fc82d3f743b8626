#!/usr/bin/env bash
# Screenshots of the real workbench window under Xvfb, for the README:
#   docs/screenshots/workbench-running.png  mid-run (Live tab: x̂0 with the token map, A(x̂) | y | residual, losses)
#   docs/screenshots/workbench-done.png     after the run (Live tab, full loss curves, timeline filled)
#   docs/screenshots/workbench-compare.png  before/after compare slider with PSNR / SSIM / residual
# and, with a colour photo over the pixel limit (COLOUR=<image>; default: scikit-image's astronaut when installed, COLOUR= skips):
#   docs/screenshots/workbench-limit.png    the photo over the pixel limit: the warning bar with its Fit button
#   docs/screenshots/workbench-colour.png   the photo fitted within the limit, restored at that size in colour
# Needs: xvfb (xvfb-run), libgtk-3-0, imagemagick (import). Debian:
#   apt-get install -y --no-install-recommends xvfb libgtk-3-0 imagemagick
# Environment: PACK=<pack folder> (default: the bundled default pack), THEME=light|dark, OUT=<folder>,
# PREFIX=<file name prefix> (default workbench; e.g. PACK=models/emoji PREFIX=workbench-emoji COLOUR= for
# the emoji pack's first gallery sample restored in colour),
# WAIT_S=<seconds to wait for each stop of the colour run> (default 3600: it is a large image).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in xvfb-run import java; do
    command -v "$tool" >/dev/null || { echo "error: $tool is missing (see the header of $0)" >&2; exit 2; }
done
if [ ! -f target/g2d2.jar ]; then
    mvn -q -o package -DskipTests
fi
out=${OUT:-docs/screenshots}
prefix=${PREFIX:-workbench}
mkdir -p "$out"
astronaut=/usr/lib/python3/dist-packages/skimage/data/astronaut.png
colour=${COLOUR-$( [ -f "$astronaut" ] && echo "$astronaut" || true )}

# one window: run it with the extra java properties, and at each stop NAME take FILE ('-': no picture)
shoot_window() {  # WAIT_SECONDS "NAME:FILE ..." JAVA_PROPS...
    local wait_s=$1 stops=$2
    shift 2
    local sig
    sig=$(mktemp -d)
    mkdir -p "$sig/config"
    if [ "${THEME:-light}" = dark ]; then echo '{"theme":"dark"}' > "$sig/config/workbench.json"; fi
    local props=(-Dg2d2.autorun="$sig" -Dg2d2.config.dir="$sig/config" -Dg2d2.logPauses=true)
    if [ -n "${PACK:-}" ]; then props+=(-Dg2d2.pack="$PACK"); fi
    OUT_DIR="$out" SIG="$sig" WAIT_S="$wait_s" STOPS="$stops" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        set -euo pipefail
        java "$@" -jar target/g2d2.jar > "$SIG/app.log" 2>&1 &
        app=$!
        for stop in $STOPS; do  # wait for NAME.ready, take the picture, then let the app go on
            name=${stop%%:*}
            file=${stop#*:}
            for _ in $(seq 1 $((WAIT_S * 10))); do
                [ -f "$SIG/$name.ready" ] && break
                kill -0 $app 2>/dev/null || { echo "error: the workbench quit early:" >&2; cat "$SIG/app.log" >&2; exit 1; }
                sleep 0.1
            done
            [ -f "$SIG/$name.ready" ] || { echo "error: no $name stop within $WAIT_S s" >&2; kill $app; exit 1; }
            if [ "$file" != - ]; then
                sleep 0.3
                import -window root "$OUT_DIR/$file"
                echo "wrote $OUT_DIR/$file"
            fi
            touch "$SIG/$name.go"
        done
        wait $app
    ' _ "${props[@]}" "$@"
    grep -h "largest FX-thread pause" "$sig/app.log" || true
    rm -rf "$sig"
}

shoot_window "${WAIT_S:-600}" "running:$prefix-running.png done:$prefix-done.png compare:$prefix-compare.png"
if [ -n "$colour" ]; then
    shoot_window "${WAIT_S:-3600}" "warning:$prefix-limit.png running:- done:$prefix-colour.png compare:-" \
        -Dg2d2.autorun.input="$colour"
fi
