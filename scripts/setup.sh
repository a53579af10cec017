#!/usr/bin/env bash
# Shared by scripts/run and scripts/test: install what the build needs (only what is missing,
# saying what), then configure and build one CMake preset with Ninja on two jobs.
# Usage: source scripts/setup.sh; swb_setup PRESET
set -euo pipefail

SWB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian 12 package names. Keep in step with README.md and docs/building.md.
SWB_APT_PACKAGES=(
    build-essential cmake pkg-config
    qt6-base-dev qt6-base-dev-tools libqscintilla2-qt6-dev libgit2-dev nlohmann-json3-dev
    qt6-tools-dev qt6-l10n-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    libqt6sql6-sqlite qt6-svg-dev libzip-dev libyaml-cpp-dev libgl-dev
    ninja-build ccache python3 nodejs xvfb imagemagick git curl
    desktop-file-utils appstream  # tests: validate the installed .desktop file and metainfo
    awscli  # tests: the AWS CLI must work against swb serve
    postgresql python3-psycopg2  # workspace "resources": a real PostgreSQL, and its tests' driver
)

swb_install_packages() {
    local missing=() p
    for p in "${SWB_APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if ((${#missing[@]} == 0)); then
        echo "setup: all ${#SWB_APT_PACKAGES[@]} packages are installed."
        return 0
    fi
    echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if ! command -v sudo >/dev/null; then
            echo "setup: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
}

swb_build() {
    local preset="$1"
    cd "$SWB_ROOT"
    cmake --preset "$preset"
    cmake --build --preset "$preset"
}

swb_setup() {
    swb_install_packages
    swb_build "$1"
}
