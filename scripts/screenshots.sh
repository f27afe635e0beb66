#!/usr/bin/env bash
# Makes the README's screenshots with the studio itself (--screenshot), each in a fresh
# settings folder so that the theme and language are the ones asked for, not the user's.
# Usage: scripts/screenshots.sh [OUTPUT_DIR]   (default: resources/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
studio=build/bin/nimbus-studio
[ -x "$studio" ] || { echo "build first: scripts/setup.sh test" >&2; exit 2; }
out=${1:-resources/screenshots}
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# shoot NAME THEME LANGUAGE ARGS...: one PNG of the window at its default size.
shoot() {
    local name=$1 theme=$2 language=$3
    shift 3
    local home="$scratch/$name"
    mkdir -p "$home/.config/Nimbus"
    printf '[preferences]\ntheme=%s\nlanguage=%s\n' "$theme" "$language" >"$home/.config/Nimbus/Nimbus Studio.conf"
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
        QT_QPA_PLATFORM=offscreen NIMBUS_DATA_DIR="$PWD/build/share/nimbus-studio" \
        timeout 120 "$studio" --example shop "$@" --screenshot "$out/$name.png"
    echo "$out/$name.png"
}

shoot studio light en --select createOrder
shoot studio-dark dark en --select createOrder
shoot studio-fr light fr --select createOrder
shoot studio-dark-fr dark fr --select createOrder
shoot canvas light en --select orders
shoot function-studio light en --open-code createOrder --invoke
shoot cost light en --cost 5000000
shoot cost-dark dark en --cost 5000000
shoot export light en --export aws-sam
order='{"customerId": "c-42", "email": "ana@example.com", "items": [{"itemId": "book", "quantity": 2, "unitPrice": 12.5}]}'
shoot local-cloud light en --local-cloud --select createOrderRoute --send "$order"
shoot local-cloud-dark dark en --local-cloud --select createOrderRoute --send "$order"
