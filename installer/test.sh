#!/usr/bin/env bash
# Builds the app-image and the .deb, runs each (--version and a tiny headless restore), installs
# the .deb with dpkg, runs the installed launcher, then removes the package and checks it is gone.
# Needs root for dpkg; run by .ci/run after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_MAVEN=${SKIP_MAVEN:-0} installer/build.sh app-image deb

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=$(ls models/toy/samples/*.png | head -1)

check_launcher() {
  local launcher=$1 label=$2
  local version
  version=$("$launcher" --version)
  [[ "$version" == g2d2\ * ]] || { echo "$label: --version printed '$version'" >&2; exit 1; }
  HOME="$work/home" "$launcher" restore --input "$sample" --model "$PWD/models/toy" --steps 3 --iterations 2 \
      --out "$work/$label.png" >/dev/null 2>&1 || { echo "$label: restore failed" >&2; exit 1; }
  [ -s "$work/$label.png" ] && [ -s "$work/$label.json" ] || { echo "$label: restore wrote no output" >&2; exit 1; }
  echo "$label: $version, restore ok"
}

tar -C "$work" -xzf target/installer/g2d2-*-linux-x64.tar.gz
check_launcher "$work/g2d2/bin/g2d2" app-image

deb=$(ls target/installer/g2d2_*_amd64.deb)
# apt resolves the package's dependencies (xdg-utils for the menu entry, the X and sound libraries)
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$PWD/$deb" >/dev/null
check_launcher /usr/bin/g2d2 deb
[ -f /usr/share/applications/g2d2.desktop ] || { echo "deb: no desktop entry installed" >&2; exit 1; }
grep -q '^Exec=/opt/g2d2/bin/g2d2 %f$' /usr/share/applications/g2d2.desktop
grep -q '^Name=G2D2 Workbench$' /usr/share/applications/g2d2.desktop
grep -q '^MimeType=.*image/png;' /usr/share/applications/g2d2.desktop
dpkg -r g2d2 >/dev/null
if [ -e /opt/g2d2/bin/g2d2 ] || [ -e /usr/bin/g2d2 ] || [ -e /usr/share/applications/g2d2.desktop ] \
    || dpkg -s g2d2 2>/dev/null | grep -q '^Status: install'; then
  echo "deb: still installed after dpkg -r" >&2
  exit 1
fi
echo "deb: removed cleanly"
echo "sizes: $(du -h target/installer/g2d2-*-linux-x64.tar.gz | cut -f1) app-image tar.gz, $(du -h "$deb" | cut -f1) deb"
