#!/usr/bin/env bash
# Rebuilds the four faces of the GB/T 9704 documents (Fonts/README.md, "The official faces") from Debian's packages:
#   apt-get install fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-microhei python3-fonttools
# Each face is cut down to GB 2312 (6,763 hanzi and 682 symbols), ASCII, Latin-1 and the punctuation of the
# reports with fontTools' subsetter (the standard tool), hinting and layout tables dropped: the PDF draws glyphs by
# id and never shapes. The output is deterministic for a given fontTools version (4.38.0 here).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
py=/usr/bin/python3
unicodes="$(mktemp)"
trap 'rm -f "$unicodes"' EXIT
"$py" - "$unicodes" <<'PY'
import sys
cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            cps.add(ord(bytes([hi, lo]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
cps |= {ord(c) for c in "〔〕—–−…·×÷±≤≥%‰（）【】《》“”‘’、，。：；？！•→①②③④⑤⑥⑦⑧⑨⑩"}
open(sys.argv[1], "w").write("\n".join("U+%04X" % c for c in sorted(cps)) + "\n")
PY
subset() { # SOURCE FONT-NUMBER OUTPUT
  "$py" -m fontTools.subset "$1" --font-number="$2" --unicodes-file="$unicodes" --output-file="$here/$3" \
    --no-hinting --layout-features='' --drop-tables+=DSIG,vhea,vmtx,kern,hdmx,LTSH,VDMX --name-IDs='*' --name-languages='*' --notdef-outline
}
subset /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf 0 OfficialSong.ttf
subset /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf 0 OfficialKai.ttf
subset /usr/share/fonts/truetype/wqy/wqy-microhei.ttc 0 OfficialHei.ttf
sha256sum "$here"/Official*.ttf
