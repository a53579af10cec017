#!/usr/bin/env bash
# Screenshots of the workbench window as a person sees it: the window runs under Xvfb (a real
# X server, no window manager), invokes the example's function a few times and saves the screen.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default build/release; build it first)
# Writes docs/screenshots/*.png; SWB_SHOTS="german dark-theme" takes only those.
# Needs xvfb (scripts/setup.sh installs it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build/release}"
APP="$BUILD/app/serverless-workbench"
[[ -x "$APP" ]] || { echo "screenshots: $APP is not built (cmake --build $BUILD)" >&2; exit 1; }
OUT="$ROOT/docs/screenshots"
mkdir -p "$OUT"
# A settings file of its own, so the user's window layout and recent list are not touched.
export XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
shoot() { # NAME WORKSPACE INVOCATIONS [PANELS] [THEME] [LANGUAGE]
    [[ -z "${SWB_SHOTS:-}" || " $SWB_SHOTS " == *" $1 "* ]] || return 0
    # Each shot starts from the first-start layout (nothing kept from the shot before).
    rm -rf "${XDG_CONFIG_HOME:?}/ServerlessWorkbench"
    xvfb-run -a -s "-screen 0 1400x900x24" \
        "$APP" "$2" --screenshot "$OUT/$1.png" --invoke "$3" --raise "${4:-}" \
        --theme "${5:-system}" --language "${6:-en}" -platform xcb
    echo "screenshots: $OUT/$1.png"
}
shoot main-window "$ROOT/examples/hello-python" 4
shoot metrics-and-cost "$ROOT/examples/hello-python" 12 Metrics,Cost
shoot dark-theme "$ROOT/examples/hello-python" 8 Metrics dark
shoot german "$ROOT/examples/hello-python" 4 "" system de
