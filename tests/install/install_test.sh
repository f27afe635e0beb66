#!/bin/sh
# Installs the build into a temporary prefix and runs the installed programs from there,
# with nothing pointing them at the build tree: the files land in the usual places, the
# desktop entry and AppStream metainfo validate, the CLI finds its plugins and exports
# the installed example, both programs speak French to a French user, and the studio
# starts on its example. Usage: install_test.sh BUILD_DIR
set -eu
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" > "$work/install.log" || fail "cmake --install: $(cat "$work/install.log")"
for f in bin/nimbus-studio bin/nimbus lib/libnimbus-core.so.0 \
         lib/nimbus-studio/plugins/libnimbus-aws-sam.so lib/nimbus-studio/plugins/libnimbus-scaleway.so \
         share/applications/org.nimbusstudio.NimbusStudio.desktop \
         share/metainfo/org.nimbusstudio.NimbusStudio.metainfo.xml \
         share/icons/hicolor/scalable/apps/org.nimbusstudio.NimbusStudio.svg \
         share/mime/packages/application-x-nimbus-project.xml \
         share/nimbus-studio/translations/nimbus_fr.qm share/nimbus-studio/runtime/bootstrap.py \
         share/nimbus-studio/examples/shop/shop.nimbus; do
    [ -e "$prefix/$f" ] || fail "$f is not installed"
done
echo "installed files: ok"

desktop-file-validate "$prefix/share/applications/org.nimbusstudio.NimbusStudio.desktop" || fail "desktop entry"
appstreamcli validate --no-net "$prefix/share/metainfo/org.nimbusstudio.NimbusStudio.metainfo.xml" || fail "metainfo"
grep -q "<svg" "$prefix/share/icons/hicolor/scalable/apps/org.nimbusstudio.NimbusStudio.svg" || fail "icon is not SVG"
echo "desktop entry, metainfo, icon: ok"

# Only the installed tree: no build-tree overrides, a fresh home.
run() { env -u NIMBUS_DATA_DIR -u NIMBUS_PLUGIN_DIR HOME="$work/home" XDG_DATA_HOME="$work/home/data" \
            XDG_CONFIG_HOME="$work/home/config" QT_QPA_PLATFORM=offscreen "$@"; }
mkdir -p "$work/home"
run "$prefix/bin/nimbus" export --list-targets > "$work/targets.txt" 2>&1 || fail "list targets: $(cat "$work/targets.txt")"
for target in sam serverless terraform knative openfaas azure cloudrun scaleway; do
    grep -q "^$target " "$work/targets.txt" || fail "the installed CLI has no $target target: $(cat "$work/targets.txt")"
done
run "$prefix/bin/nimbus" export "$prefix/share/nimbus-studio/examples/shop/shop.nimbus" --target sam -o "$work/sam" \
    > "$work/export.log" 2>&1 || fail "export: $(cat "$work/export.log")"
[ -s "$work/sam/template.yaml" ] || fail "no template.yaml exported"
echo "installed CLI with its plugins: ok"

french() { run env LANGUAGE=fr LC_ALL=fr_FR.UTF-8 LANG=fr_FR.UTF-8 "$@"; }
french "$prefix/bin/nimbus" --help > "$work/aide.txt" 2>&1 || true
grep -q "Commandes :" "$work/aide.txt" || fail "the CLI is not in French: $(head -3 "$work/aide.txt")"
french "$prefix/bin/nimbus-studio" --help > "$work/aide-studio.txt" 2>&1 || true
grep -q "Ouvrir une copie de travail" "$work/aide-studio.txt" || fail "the studio is not in French: $(cat "$work/aide-studio.txt")"
echo "French: ok"

run "$prefix/bin/nimbus-studio" --example shop --screenshot "$work/studio.png" > "$work/studio.log" 2>&1 \
    || fail "the installed studio did not start: $(cat "$work/studio.log")"
[ -s "$work/studio.png" ] || fail "no screenshot"
echo "installed studio on its example: ok"
