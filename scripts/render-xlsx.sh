#!/usr/bin/env bash
# Render an .xlsx with LibreOffice (headless) to PDF, one page per sheet, then one PNG per page, for eyeballing
# highlights, notes and charts. Notes are shown (in a temporary copy; the input is not changed) so they appear
# in the picture. Dev tool, not a test.   Usage: scripts/render-xlsx.sh <in.xlsx> <out-dir>
# Needs libreoffice-calc, poppler-utils and python3 (apt-get install libreoffice-calc poppler-utils).
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <in.xlsx> <out-dir>" >&2
  exit 2
fi
in="$1"
out="$2"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
name="$(basename "${in%.*}")"
copy="$work/$name.xlsx"
python3 - "$in" "$copy" <<'PY'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename.lower().endswith('.vml'):
            data = data.replace(b'visibility:hidden', b'visibility:visible')
            data = data.replace(b'<x:ClientData ObjectType="Note">', b'<x:ClientData ObjectType="Note"><x:Visible/>')
        dst.writestr(info, data)
PY
# A private profile so a running LibreOffice (or another render) does not block this one.
filter='pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
libreoffice -env:UserInstallation="file://$work/profile" --headless --convert-to "$filter" --outdir "$out" "$copy" >/dev/null 2>&1
pdftoppm -png -r 70 "$out/$name.pdf" "$out/$name"
ls "$out"
