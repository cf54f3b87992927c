#!/usr/bin/env python3
"""Builds ReportSans.ttf: Droid Sans Fallback (CJK) with the Latin of DejaVu Sans, with fontTools.

Why: Droid Sans Fallback has no Latin letters or digits, and neither SkiaSharp's plain text drawing
nor ScottPlot falls back to a second font per character; with one merged typeface every string
(Chinese, digits, 2024年, 12.5%) draws in one font, in the reports and in the charts alike.

What (fontTools' own tools, no table written by hand):
- Droid Sans Fallback Full scaled from 256 to 2048 units per em (fontTools.ttLib.scaleUpem; exact, x8) and cut
  (fontTools.subset) to the characters it maps, less those DejaVu gives;
- DejaVu Sans cut to Latin, Greek and Cyrillic (below U+0500) and to the symbols of U+2000-U+2BFF that Droid
  does not map (≤ ≥ ‰ …), composite components included;
- both merged into one font (fontTools.merge), hinting, layout tables (GSUB/GPOS/GDEF …) and vertical metrics
  dropped: the font is only drawn by Skia and embedded (subset) into PDFs;
- Droid's vertical metrics (CJK text sets the line), the new names and the vendor id set on the result.
Licences: Apache 2.0 (Droid) and the Bitstream Vera licence (DejaVu), which requires a renamed
font: the result is called "Analytics Report Sans". See README.md.

Usage: python3 merge-fonts.py DroidSansFallbackFull.ttf DejaVuSans.ttf ReportSans.ttf
Needs fontTools (Debian's python3-fonttools, or `pip install fonttools`). The output is deterministic for a given
fontTools version: timestamps are Droid's, not the clock's.
"""
import io
import sys

from fontTools import merge, subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

UPM = 2048
FAMILY = "Analytics Report Sans"
PS_NAME = "AnalyticsReportSans"
COPYRIGHT = (
    "Droid Sans Fallback: Copyright (c) 2006-2010 Google Corp. (Apache License 2.0). "
    "Latin from DejaVu Sans: Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. "
    "Bitstream Vera is a trademark of Bitstream, Inc. DejaVu changes are in public domain.")
LICENCE = (
    "Glyphs of Droid Sans Fallback under the Apache License 2.0; glyphs of DejaVu Sans under the "
    "Bitstream Vera license. See README.md next to this file.")
# Tables a PDF viewer never reads (on top of hinting, which subset drops with hinting=False).
DROPPED = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "hdmx", "LTSH", "VDMX", "vhea", "vmtx",
           "DSIG", "FFTM", "gasp"]


def cut(font, unicodes):
    """The font cut to unicodes, without hinting or layout tables, as a new TTFont."""
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += DROPPED
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.prune_unicode_ranges = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return reloaded(font)


def reloaded(font):
    """font written and read back (fontTools.merge reads fonts as files)."""
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    buffer.seek(0)
    return buffer


def main(droid_path, dejavu_path, out_path):
    droid = TTFont(droid_path, recalcTimestamp=False)
    dejavu = TTFont(dejavu_path, recalcTimestamp=False)
    assert dejavu["head"].unitsPerEm == UPM, dejavu["head"].unitsPerEm
    scale_upem(droid, UPM)
    droid_cmap = droid.getBestCmap()
    latin = {cp for cp in dejavu.getBestCmap() if cp < 0x500 or (0x2000 <= cp < 0x2C00 and cp not in droid_cmap)}
    cjk = set(droid_cmap) - latin
    # The scaled Droid's vertical metrics, kept: the merge would take the larger of the two fonts'.
    hhea = {k: getattr(droid["hhea"], k) for k in ("ascent", "descent", "lineGap")}
    os2 = {k: getattr(droid["OS/2"], k) for k in (
        "sTypoAscender", "sTypoDescender", "sTypoLineGap", "usWinAscent", "usWinDescent")}
    created, modified = droid["head"].created, droid["head"].modified

    merger = merge.Merger()
    merged = merger.merge([cut(droid, cjk), cut(dejavu, latin)])

    for key, value in hhea.items():
        setattr(merged["hhea"], key, value)
    for key, value in os2.items():
        setattr(merged["OS/2"], key, value)
    merged["OS/2"].achVendID = "ANLY"
    merged["OS/2"].recalcUnicodeRanges(merged)
    merged["post"].formatType = 3.0
    merged["head"].created, merged["head"].modified = created, modified
    name = merged["name"]
    name.names = []
    for name_id, text in ((0, COPYRIGHT), (1, FAMILY), (2, "Regular"), (3, FAMILY + " Regular"), (4, FAMILY),
                          (5, "Version 2.0"), (6, PS_NAME), (13, LICENCE)):
        name.setName(text, name_id, 3, 1, 0x409)
    merged.recalcTimestamp = False
    merged.save(out_path, reorderTables=True)

    check = TTFont(out_path)
    cmap = check.getBestCmap()
    assert all(cp in cmap for cp in latin | cjk), "a character was lost in the merge"
    print(f"{out_path}: {len(check.getGlyphOrder())} glyphs, {len(cmap)} code points "
          f"({len(cjk)} from Droid, {len(latin)} from DejaVu)")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:4])
