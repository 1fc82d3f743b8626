#!/usr/bin/env bash
# Builds the installable G2D2 Workbench: a trimmed Java runtime (jlink) and, with jpackage,
#   target/installer/g2d2-<version>-linux-x64.tar.gz   a portable app-image
#   target/installer/g2d2_<version>_amd64.deb           a Debian package (needs fakeroot, dpkg-deb)
# Usage: installer/build.sh [app-image] [deb]   (default: both). Set SKIP_MAVEN=1 to reuse target/.
set -euo pipefail
cd "$(dirname "$0")/.."

types=("$@")
[ ${#types[@]} -eq 0 ] && types=(app-image deb)

if [ "${SKIP_MAVEN:-0}" != 1 ]; then
  mvn -q -B package -DskipTests
fi
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
out=target/installer
rm -rf "$out"
mkdir -p "$out/input"

# the application: its jar, its libraries (JavaFX and the PyTorch native library among them), the packs
cp target/g2d2.jar "$out/input/"
cp -r target/lib "$out/input/lib"
mkdir -p "$out/input/models"
for pack in models/*/; do
  cp -r "$pack" "$out/input/models/"
done
# styles, icons and sample images, which the workbench finds beside its jar
cp -r assets "$out/input/assets"

icon=assets/icons/g2d2.png
icon_args=()
[ -f "$icon" ] && icon_args=(--icon "$icon")

# a runtime with just the modules the program uses
jlink --add-modules java.base,java.desktop,java.logging,java.prefs,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.zipfs,jdk.jfr,jdk.management \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

common=(--name g2d2 --app-version "$version" --vendor "G2D2 Workbench developers"
  --description "Image restoration with a discrete diffusion prior (G2D2)"
  --input "$out/input" --main-jar g2d2.jar --main-class org.g2d2.Main
  --runtime-image "$out/runtime" --java-options "-Xmx6g" --java-options "-Dg2d2.installed=true"
  "${icon_args[@]}")

for type in "${types[@]}"; do
  case "$type" in
    app-image)
      jpackage --type app-image --dest "$out/image" "${common[@]}"
      tar -C "$out/image" -czf "$out/g2d2-$version-linux-x64.tar.gz" g2d2
      ;;
    deb)
      jpackage --type deb --dest "$out" "${common[@]}" \
        --linux-package-name g2d2 --linux-shortcut --linux-menu-group "Graphics" \
        --linux-app-category graphics --install-dir /opt \
        --resource-dir installer/linux
      ;;
    *) echo "unknown package type '$type'; allowed: app-image, deb" >&2; exit 2 ;;
  esac
done
ls -la "$out" | grep -E '\.(deb|tar\.gz)$' || true
