#!/usr/bin/env python3
"""Builds ReportSans.ttf: Droid Sans Fallback (CJK) with the Latin of DejaVu Sans.

Why: Droid Sans Fallback has no Latin letters or digits, and neither SkiaSharp's plain text drawing
nor ScottPlot falls back to a second font per character; with one merged typeface every string
(Chinese, digits, 2024年, 12.5%) draws in one font, in the reports and in the charts alike.

What: every glyph of Droid Sans Fallback Full, scaled from 256 to 2048 units per em (exact: x8),
plus the DejaVu Sans glyphs (and their composite components) for Latin, Greek and Cyrillic (below
U+0500) and for the symbols of U+2000-U+2BFF that Droid does not map (≤ ≥ ‰ …). Hinting instructions, layout tables (GSUB/GPOS) and vertical
metrics are dropped: the font is only drawn by Skia and embedded (subset) into PDFs.
Licences: Apache 2.0 (Droid) and the Bitstream Vera licence (DejaVu), which requires a renamed
font: the result is called "Analytics Report Sans". See README.md.

Usage: python3 merge-fonts.py DroidSansFallbackFull.ttf DejaVuSans.ttf ReportSans.ttf
Only the Python standard library is needed.
"""
import struct
import sys

SCALE = 8          # 256 -> 2048 units per em
FAMILY = "Analytics Report Sans"
PS_NAME = "AnalyticsReportSans"


class Font:
    def __init__(self, path):
        self.data = open(path, "rb").read()
        n = struct.unpack(">H", self.data[4:6])[0]
        self.tables = {}
        for i in range(n):
            tag, _, off, ln = struct.unpack(">4sIII", self.data[12 + 16 * i:28 + 16 * i])
            self.tables[tag.decode("latin-1")] = self.data[off:off + ln]
        head = self.tables["head"]
        self.upm = struct.unpack(">H", head[18:20])[0]
        self.loc_long = struct.unpack(">h", head[50:52])[0] == 1
        self.num_glyphs = struct.unpack(">H", self.tables["maxp"][4:6])[0]
        self.num_hmetrics = struct.unpack(">H", self.tables["hhea"][34:36])[0]
        self.cmap = self._read_cmap()

    def loca(self, gid):
        t = self.tables["loca"]
        if self.loc_long:
            a, b = struct.unpack(">II", t[4 * gid:4 * gid + 8])
        else:
            a, b = struct.unpack(">HH", t[2 * gid:2 * gid + 4])
            a, b = 2 * a, 2 * b
        return self.tables["glyf"][a:b]

    def hmetric(self, gid):
        t = self.tables["hmtx"]
        if gid < self.num_hmetrics:
            return struct.unpack(">Hh", t[4 * gid:4 * gid + 4])
        adv = struct.unpack(">H", t[4 * (self.num_hmetrics - 1):4 * (self.num_hmetrics - 1) + 2])[0]
        off = 4 * self.num_hmetrics + 2 * (gid - self.num_hmetrics)
        return adv, struct.unpack(">h", t[off:off + 2])[0]

    def _read_cmap(self):
        t = self.tables["cmap"]
        n = struct.unpack(">H", t[2:4])[0]
        best = None
        for i in range(n):
            pid, eid, off = struct.unpack(">HHI", t[4 + 8 * i:12 + 8 * i])
            fmt = struct.unpack(">H", t[off:off + 2])[0]
            if pid == 3 and eid == 10 and fmt == 12:
                best = (12, off)
            elif pid in (0, 3) and fmt == 4 and best is None:
                best = (4, off)
        fmt, off = best
        m = {}
        if fmt == 12:
            count = struct.unpack(">I", t[off + 12:off + 16])[0]
            for g in range(count):
                s, e, gid = struct.unpack(">III", t[off + 16 + 12 * g:off + 28 + 12 * g])
                for cp in range(s, e + 1):
                    m[cp] = gid + cp - s
            return m
        segx2 = struct.unpack(">H", t[off + 6:off + 8])[0]
        seg = segx2 // 2
        ends = struct.unpack(">%dH" % seg, t[off + 14:off + 14 + segx2])
        starts = struct.unpack(">%dH" % seg, t[off + 16 + segx2:off + 16 + 2 * segx2])
        deltas = struct.unpack(">%dh" % seg, t[off + 16 + 2 * segx2:off + 16 + 3 * segx2])
        ro_pos = off + 16 + 3 * segx2
        ranges = struct.unpack(">%dH" % seg, t[ro_pos:ro_pos + segx2])
        for i in range(seg):
            for cp in range(starts[i], ends[i] + 1):
                if cp == 0xFFFF:
                    continue
                if ranges[i] == 0:
                    gid = (cp + deltas[i]) & 0xFFFF
                else:
                    p = ro_pos + 2 * i + ranges[i] + 2 * (cp - starts[i])
                    gid = struct.unpack(">H", t[p:p + 2])[0]
                    if gid:
                        gid = (gid + deltas[i]) & 0xFFFF
                if gid:
                    m[cp] = gid
        return m


def components(glyph):
    """Glyph ids a composite glyph refers to."""
    if len(glyph) < 10 or struct.unpack(">h", glyph[0:2])[0] >= 0:
        return []
    out, p = [], 10
    while True:
        flags, gid = struct.unpack(">HH", glyph[p:p + 4])
        out.append(gid)
        p += 4 + (4 if flags & 1 else 2)
        p += 2 if flags & 8 else 4 if flags & 0x40 else 8 if flags & 0x80 else 0
        if not flags & 0x20:
            return out


def rewrite_glyph(glyph, scale, remap):
    """The glyph without instructions, coordinates multiplied by scale, components renumbered."""
    if len(glyph) == 0:
        return b""
    nc, xmin, ymin, xmax, ymax = struct.unpack(">hhhhh", glyph[0:10])
    head = struct.pack(">hhhhh", nc, xmin * scale, ymin * scale, xmax * scale, ymax * scale)
    if nc >= 0:
        ends = struct.unpack(">%dH" % nc, glyph[10:10 + 2 * nc])
        npts = ends[-1] + 1 if nc else 0
        p = 10 + 2 * nc
        ilen = struct.unpack(">H", glyph[p:p + 2])[0]
        p += 2 + ilen
        flags = []
        while len(flags) < npts:
            f = glyph[p]
            p += 1
            flags.append(f)
            if f & 8:
                r = glyph[p]
                p += 1
                flags.extend([f] * r)
        flags = flags[:npts]
        xs, ys = [], []
        for coords, short, same in ((xs, 2, 16), (ys, 4, 32)):
            v = 0
            for f in flags:
                if f & short:
                    d = glyph[p]
                    p += 1
                    v += d if f & same else -d
                elif not f & same:
                    v += struct.unpack(">h", glyph[p:p + 2])[0]
                    p += 2
                coords.append(v)
        out = bytearray(head)
        out += struct.pack(">%dH" % nc, *ends)
        out += struct.pack(">H", 0)
        nflags, xb, yb = bytearray(), bytearray(), bytearray()
        px = py = 0
        for f, x, y in zip(flags, xs, ys):
            nf = f & 1
            dx, dy = x * scale - px, y * scale - py
            px, py = x * scale, y * scale
            for d, short, same, buf in ((dx, 2, 16, xb), (dy, 4, 32, yb)):
                if d == 0:
                    nf |= same
                elif -255 <= d <= 255:
                    nf |= short | (same if d > 0 else 0)
                    buf.append(abs(d))
                else:
                    buf += struct.pack(">h", d)
            nflags.append(nf)
        out += nflags + xb + yb
        return bytes(out)
    out = bytearray(head)
    p = 10
    while True:
        flags, gid = struct.unpack(">HH", glyph[p:p + 4])
        p += 4
        if flags & 1:
            a1, a2 = struct.unpack(">hh" if flags & 2 else ">HH", glyph[p:p + 4])
            p += 4
        else:
            a1, a2 = struct.unpack(">bb" if flags & 2 else ">BB", glyph[p:p + 2])
            p += 2
        if flags & 2:
            a1, a2 = a1 * scale, a2 * scale
        n = 2 if flags & 8 else 4 if flags & 0x40 else 8 if flags & 0x80 else 0
        xform = glyph[p:p + n]
        p += n
        more = flags & 0x20
        nf = (flags | 1) & ~0x100  # always word arguments; instructions dropped
        out += struct.pack(">HH", nf, remap[gid])
        out += struct.pack(">hh" if flags & 2 else ">HH", a1, a2)
        out += xform
        if not more:
            return bytes(out)


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def checksum(b):
    b = pad4(b)
    return sum(struct.unpack(">%dI" % (len(b) // 4), b)) & 0xFFFFFFFF


def cmap_table(mapping):
    cps = sorted(mapping)
    # format 4 for the BMP: runs of consecutive code points with a constant glyph delta
    segs = []
    for cp in (c for c in cps if c < 0xFFFF):
        d = (mapping[cp] - cp) & 0xFFFF
        if segs and segs[-1][1] == cp - 1 and segs[-1][2] == d:
            segs[-1][1] = cp
        else:
            segs.append([cp, cp, d])
    segs.append([0xFFFF, 0xFFFF, 1])
    n = len(segs)
    sr = 2 * (1 << (n.bit_length() - 1))
    f4 = struct.pack(">HHHHHHH", 4, 0, 0, 2 * n, sr, (n.bit_length() - 1), 2 * n - sr)
    f4 += struct.pack(">%dH" % n, *[s[1] for s in segs]) + b"\0\0"
    f4 += struct.pack(">%dH" % n, *[s[0] for s in segs])
    f4 += struct.pack(">%dH" % n, *[s[2] for s in segs])
    f4 += b"\0\0" * n
    assert len(f4) < 65536, "format 4 subtable too large"
    f4 = f4[:2] + struct.pack(">H", len(f4)) + f4[4:]
    # format 12 for everything
    groups = []
    for cp in cps:
        g = mapping[cp]
        if groups and groups[-1][1] == cp - 1 and groups[-1][2] + (cp - groups[-1][0]) == g:
            groups[-1][1] = cp
        else:
            groups.append([cp, cp, g])
    f12 = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    f12 += b"".join(struct.pack(">III", *g) for g in groups)
    header = struct.pack(">HH", 0, 2)
    off4 = 4 + 16
    off12 = off4 + len(f4)
    header += struct.pack(">HHI", 3, 1, off4) + struct.pack(">HHI", 3, 10, off12)
    return header + f4 + f12


def name_table(copyright_text, licence):
    records = [(0, copyright_text), (1, FAMILY), (2, "Regular"), (3, FAMILY + " Regular"),
               (4, FAMILY), (5, "Version 1.0"), (6, PS_NAME), (13, licence)]
    strings = b""
    recs = b""
    for nid, text in records:
        s = text.encode("utf-16-be")
        recs += struct.pack(">HHHHHH", 3, 1, 0x409, nid, len(s), len(strings))
        strings += s
    return struct.pack(">HHH", 0, len(records), 6 + 12 * len(records)) + recs + strings


def main(droid_path, dejavu_path, out_path):
    cjk = Font(droid_path)
    lat = Font(dejavu_path)
    assert cjk.upm * SCALE == lat.upm, (cjk.upm, lat.upm)

    # DejaVu glyphs to take: Latin, Greek and Cyrillic (below U+0500), and the punctuation and
    # symbols of U+2000-U+2BFF that Droid lacks; plus the components of composites, transitively.
    take = {cp: g for cp, g in lat.cmap.items() if cp < 0x500 or (0x2000 <= cp < 0x2C00 and cp not in cjk.cmap)}
    need = sorted(set(take.values()))
    seen = set(need)
    i = 0
    while i < len(need):
        for c in components(lat.loca(need[i])):
            if c not in seen:
                seen.add(c)
                need.append(c)
        i += 1
    lat_remap = {g: cjk.num_glyphs + k for k, g in enumerate(need)}
    identity = {g: g for g in range(cjk.num_glyphs)}

    glyphs, metrics = [], []
    for g in range(cjk.num_glyphs):
        glyphs.append(rewrite_glyph(cjk.loca(g), SCALE, identity))
        adv, lsb = cjk.hmetric(g)
        metrics.append((adv * SCALE, lsb * SCALE))
    for g in need:
        glyphs.append(rewrite_glyph(lat.loca(g), 1, lat_remap))
        metrics.append(lat.hmetric(g))
    total = len(glyphs)
    assert total < 65536

    mapping = dict(cjk.cmap)
    for cp, g in take.items():
        mapping[cp] = lat_remap[g]

    glyf, loca = bytearray(), []
    for gdata in glyphs:
        loca.append(len(glyf))
        glyf += pad4(gdata)
    loca.append(len(glyf))

    head = bytearray(cjk.tables["head"][:54])
    struct.pack_into(">I", head, 8, 0)
    struct.pack_into(">H", head, 18, lat.upm)
    bbox = struct.unpack(">hhhh", cjk.tables["head"][36:44])
    lbox = struct.unpack(">hhhh", lat.tables["head"][36:44])
    struct.pack_into(">hhhh", head, 36, min(bbox[0] * SCALE, lbox[0]), min(bbox[1] * SCALE, lbox[1]),
                     max(bbox[2] * SCALE, lbox[2]), max(bbox[3] * SCALE, lbox[3]))
    struct.pack_into(">h", head, 50, 1)

    hhea = bytearray(cjk.tables["hhea"][:36])
    asc, desc, gap = struct.unpack(">hhh", hhea[4:10])
    struct.pack_into(">hhhH", hhea, 4, asc * SCALE, desc * SCALE, gap * SCALE, max(a for a, _ in metrics))
    struct.pack_into(">hhh", hhea, 12, min(l for _, l in metrics), 0, max(struct.unpack(">h", head[40:42])[0], 0))
    struct.pack_into(">H", hhea, 34, total)

    maxp_c = struct.unpack(">14H", cjk.tables["maxp"][4:32])
    maxp_l = struct.unpack(">14H", lat.tables["maxp"][4:32])
    maxp = struct.pack(">I", 0x00010000) + struct.pack(
        ">14H", total, max(maxp_c[1], maxp_l[1]), max(maxp_c[2], maxp_l[2]), max(maxp_c[3], maxp_l[3]),
        max(maxp_c[4], maxp_l[4]), 1, 0, 0, 0, 0, 0, 0, max(maxp_c[12], maxp_l[12]), max(maxp_c[13], maxp_l[13]))

    os2 = bytearray(cjk.tables["OS/2"])
    version = struct.unpack(">H", os2[0:2])[0]
    fields = [2] + list(range(10, 30, 2)) + [68, 70, 72, 74, 76] + ([86, 88] if version >= 2 else [])
    for off in fields:
        fmt = ">H" if off in (74, 76) else ">h"
        struct.pack_into(fmt, os2, off, struct.unpack(fmt, os2[off:off + 2])[0] * SCALE)
    lat_os2 = lat.tables["OS/2"]
    for k in range(4):
        a = struct.unpack(">I", os2[42 + 4 * k:46 + 4 * k])[0]
        b = struct.unpack(">I", lat_os2[42 + 4 * k:46 + 4 * k])[0]
        struct.pack_into(">I", os2, 42 + 4 * k, a | b)
    struct.pack_into(">HH", os2, 64, min(mapping), min(max(mapping), 0xFFFF))
    os2[58:62] = b"ANLY"

    post_c = cjk.tables["post"]
    up, ut = struct.unpack(">hh", post_c[8:12])
    post = struct.pack(">IIhhIIIII", 0x00030000, 0, up * SCALE, ut * SCALE, 0, 0, 0, 0, 0)

    hmtx = b"".join(struct.pack(">Hh", a, l) for a, l in metrics)
    loca_b = struct.pack(">%dI" % len(loca), *loca)
    name = name_table(
        "Droid Sans Fallback: Copyright (c) 2006-2010 Google Corp. (Apache License 2.0). "
        "Latin from DejaVu Sans: Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. "
        "Bitstream Vera is a trademark of Bitstream, Inc. DejaVu changes are in public domain.",
        "Glyphs of Droid Sans Fallback under the Apache License 2.0; glyphs of DejaVu Sans under the "
        "Bitstream Vera license. See README.md next to this file.")

    tables = {"OS/2": bytes(os2), "cmap": cmap_table(mapping), "glyf": bytes(glyf), "head": bytes(head),
              "hhea": bytes(hhea), "hmtx": hmtx, "loca": loca_b, "maxp": maxp, "name": name, "post": post}
    tags = sorted(tables)
    n = len(tags)
    es = n.bit_length() - 1
    out = bytearray(struct.pack(">IHHHH", 0x00010000, n, 16 * (1 << es), es, 16 * n - 16 * (1 << es)))
    offset = 12 + 16 * n
    body = bytearray()
    for tag in tags:
        t = tables[tag]
        out += struct.pack(">4sIII", tag.encode("latin-1"), checksum(t), offset + len(body), len(t))
        body += pad4(t)
    out += body
    adj = (0xB1B0AFBA - checksum(bytes(out))) & 0xFFFFFFFF
    head_off = struct.unpack(">I", out[12 + 16 * tags.index("head") + 8:12 + 16 * tags.index("head") + 12])[0]
    struct.pack_into(">I", out, head_off + 8, adj)
    open(out_path, "wb").write(out)
    print(f"{out_path}: {total} glyphs ({cjk.num_glyphs} Droid + {len(need)} DejaVu), {len(mapping)} code points, {len(out)} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:4])
