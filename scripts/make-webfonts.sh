#!/usr/bin/env bash
# Makes the web fonts in Portal/wwwroot/fonts from the full Sarabun TrueType files the PDF printer embeds
# (Portal/Printing/Fonts): WOFF2, cut to the Latin, Thai and punctuation ranges the portal shows, so that a
# phone downloads ~4 times fewer bytes. Run it again only when the fonts or the ranges change; its output is
# committed. Needs Debian's python3-fonttools and python3-brotli.
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep in step with unicode-range in Portal/wwwroot/fonts.css.
ranges="U+0000-017F,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0E00-0E7F,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+25CC,U+FEFF,U+FFFD"

for ttf in Portal/Printing/Fonts/*.ttf; do
  name="$(basename "$ttf" .ttf)"
  /usr/bin/python3 -m fontTools.subset "$ttf" --unicodes="$ranges" --layout-features='*' --flavor=woff2 \
    --output-file="Portal/wwwroot/fonts/$name.woff2"
  echo "$name.woff2: $(stat -c %s "Portal/wwwroot/fonts/$name.woff2") bytes (TrueType $(stat -c %s "$ttf"))"
done
