#!/usr/bin/env bash
# Reads a .docx with independent tools, not our writer: LibreOffice (headless)
# converts it to PDF, poppler's pdftotext takes the text out, pdfimages counts
# the pictures, and pdftoppm draws every page to look at.
# Usage: read-docx.sh file.docx outdir  → outdir/report.pdf, report.txt, images.txt, page-*.png
set -euo pipefail
file=$1
mkdir -p "$2"
out=$(cd "$2" && pwd)
mkdir -p "$out"
cp "$file" "$out/report.docx"
# Its own profile, so a LibreOffice already running (or a first start) does not interfere.
timeout 90 soffice -env:UserInstallation="file://$out/lo-profile" --headless --norestore \
  --convert-to pdf --outdir "$out" "$out/report.docx" >"$out/soffice.log" 2>&1
pdftotext -layout "$out/report.pdf" "$out/report.txt"
pdfimages -list "$out/report.pdf" | tail -n +3 >"$out/images.txt"
pdfinfo "$out/report.pdf" >"$out/info.txt"
pdftoppm -png -r 60 "$out/report.pdf" "$out/page"
