#!/usr/bin/env bash
# Regenerate the skill icons (108 and 512 px PNGs, as Alexa requires) from their SVG source.
# Commit the PNGs. Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin); nothing
# at run time or in the tests uses it. The SVG stays out of skill-package/, which the ASK CLI
# uploads as the skill package.
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 108 512; do
  rsvg-convert --width "$size" --height "$size" --format png docs/assets/back-relief-icon.svg \
    >"skill-package/assets/images/back-relief-$size.png"
done
ls -l skill-package/assets/images/back-relief-*.png
