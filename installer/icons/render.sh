#!/usr/bin/env bash
# Renders the hicolor PNG sizes from serverless-workbench.svg (run after editing the SVG; the
# PNGs are committed so a build needs no SVG renderer). Needs ImageMagick's convert.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 16 24 32 48 64 128 256; do
    convert -background none -density 384 serverless-workbench.svg -resize "${size}x${size}" \
        -define png:exclude-chunks=date,time "serverless-workbench-${size}.png"
done
# Windows' installer icon (NSIS), from the same sizes.
convert serverless-workbench-16.png serverless-workbench-24.png serverless-workbench-32.png \
    serverless-workbench-48.png serverless-workbench-64.png serverless-workbench-256.png \
    serverless-workbench.ico
