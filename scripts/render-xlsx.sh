#!/usr/bin/env bash
# Render an .xlsx with LibreOffice (headless) to PDF, then one PNG per page, for eyeballing highlights, notes,
# charts and print layout. Dev tool, not a test.
#
#   scripts/render-xlsx.sh [--print] [--sheet NAME] <in.xlsx> <out-dir>
#
# Default: one page per sheet, notes shown (in a temporary copy; the input is not changed).
# --print: pages as the workbook's own page setup prints them (paper, orientation, fit to width, print titles).
# --sheet NAME: only that sheet (the others are left out of the copy).
# RENDER_DPI=110 for sharper pages. Needs libreoffice-calc, poppler-utils and python3 (apt-get install libreoffice-calc poppler-utils).
set -euo pipefail
print=0
sheet=""
while [ $# -gt 2 ]; do
  case "$1" in
    --print) print=1; shift ;;
    --sheet) sheet="$2"; shift 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 2 ]; then
  echo "usage: $0 [--print] [--sheet NAME] <in.xlsx> <out-dir>" >&2
  exit 2
fi
in="$1"
out="$2"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
name="$(basename "${in%.*}")"
copy="$work/$name.xlsx"
python3 - "$in" "$copy" "$print" "$sheet" <<'PY'
import re, sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
printing, only = sys.argv[3] == '1', sys.argv[4]
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename.lower().endswith('.vml') and not printing:
            data = data.replace(b'visibility:hidden', b'visibility:visible')
            data = data.replace(b'<x:ClientData ObjectType="Note">', b'<x:ClientData ObjectType="Note"><x:Visible/>')
        if only and info.filename == 'xl/workbook.xml':
            # keep only that sheet (LibreOffice prints hidden sheets too); its sheet-scoped names move to 0
            text = data.decode('utf-8')
            tags = re.findall(r'<sheet\b[^>]*/>', text)
            want = only.replace('&', '&amp;')
            keep = [i for i, t in enumerate(tags) if re.search(r'\bname="([^"]*)"', t).group(1) == want]
            if not keep:
                sys.exit('no sheet named ' + only)
            text = text.replace(''.join(tags), re.sub(r'\sstate="[^"]*"', '', tags[keep[0]]))
            def scope(m):
                return m.group(0).replace(m.group(1), '0') if m.group(1) == str(keep[0]) else ''
            text = re.sub(r'<definedName\b[^>]*\blocalSheetId="(\d+)"[^>]*>.*?</definedName>', scope, text)
            text = re.sub(r'\sactiveTab="\d+"', '', text)
            data = text.encode('utf-8')
        dst.writestr(info, data)
PY
if [ "$print" = 1 ]; then
  filter='pdf'
else
  filter='pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
fi
# A private profile so a running LibreOffice (or another render) does not block this one.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to "$filter" --outdir "$out" "$copy" >/dev/null 2>&1
rm -f "$out/$name"-*.png
pdftoppm -png -r "${RENDER_DPI:-70}" "$out/$name.pdf" "$out/$name"
ls "$out"
