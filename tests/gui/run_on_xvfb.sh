#!/bin/sh
# Runs a GUI test on a real X server of its own: Xvfb, with the xcb platform, so that
# pointer events take the path a user's do (tst_canvasgestures_xvfb). ctest runs as root
# with no display; without Xvfb the test is run only to skip, saying why.
#   run_on_xvfb.sh TEST-BINARY [ARGUMENTS...]
test="$1"
shift
if ! command -v Xvfb >/dev/null 2>&1; then
    NIMBUS_NO_XVFB=1 QT_QPA_PLATFORM=offscreen exec "$test" "$@"
fi
dir=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
# -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
tries=0
while [ ! -s "$dir/display" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$xvfb" 2>/dev/null; then
        echo "Xvfb did not start:" >&2
        cat "$dir/xvfb.log" >&2
        exit 1
    fi
    sleep 0.1
done
DISPLAY=":$(cat "$dir/display")" QT_QPA_PLATFORM=xcb "$test" "$@"
