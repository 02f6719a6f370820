#!/usr/bin/env bash
# Regenerate the skill icons from their SVG source (commit the PNGs; Alexa wants 108 and 512 px).
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin); nothing at run time uses it.
set -euo pipefail
cd "$(dirname "$0")/../skill-package/assets/images"
for size in 108 512; do
  rsvg-convert --width "$size" --height "$size" --format png back-relief.svg >"back-relief-$size.png"
done
ls -l back-relief-*.png
