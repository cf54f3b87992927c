using Analytics.Reports.Pdf.Model;
using SkiaSharp;

namespace Analytics.Reports.Pdf.Layout;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out on pages: the first of the two passes of
/// <see cref="PdfRenderer"/> (lay out and count, then draw). Everything about where things go on a
/// page lives here; sizes and colours come from the <see cref="Theme"/>.
/// </summary>
/// <remarks>
/// Flow rules: text, lists, notes and tables break between lines or rows and continue on the next
/// page; a table repeats its header row there (and its caption marked 续); a heading moves to the next
/// page when the start of the block after it would not fit under it; charts and tiles move whole.
/// </remarks>
internal sealed class PageComposer
{
    private readonly Theme _t;
    private readonly TextMeasurer _m;
    private readonly List<LaidOutPage> _pages = [];
    private LaidOutPage? _page;
    private float _y;

    public PageComposer(Theme theme, TextMeasurer measurer)
    {
        _t = theme;
        _m = measurer;
    }

    private float Top => _t.MarginTop;
    private float Left => _t.MarginLeft;
    private float Width => _t.ContentWidth;
    private float Bottom => _t.ContentBottom;
    private bool AtTop => _page is null || _y <= Top + 0.01f;
    private List<DrawOp> Ops => _page!.Ops;

    /// <summary>The pages of <paramref name="doc"/>: the cover (if any) first, then at least one body page.</summary>
    public List<LaidOutPage> Compose(ReportDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Cover is not null) ComposeCover(doc.Cover);
        _page = null;
        if (doc.Head is not null) PlaceHead(doc.Head);
        for (var i = 0; i < doc.Body.Count; i++)
            Place(doc.Body[i], i + 1 < doc.Body.Count ? doc.Body[i + 1] : null);
        if (_page is null) NewPage();
        if (doc.Imprint is not null) PlaceImprint(doc.Imprint);
        return _pages;
    }

    private void NewPage()
    {
        _page = new LaidOutPage(false);
        _pages.Add(_page);
        _y = Top;
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> still fits (or the page is empty anyway).</summary>
    private void EnsureSpace(float height)
    {
        if (_page is null) NewPage();
        else if (_y + height > Bottom + 0.01f && !AtTop) NewPage();
    }

    private float LineHeight(float size) => size * _t.LineSpacing;

    /// <summary>Baseline of text of <paramref name="size"/> centred in a line box from <paramref name="top"/>.</summary>
    /// <remarks>CJK glyphs sit about 0.88 em above and 0.12 em below the baseline, so their middle is 0.38 em up.</remarks>
    private static float Baseline(float top, float lineHeight, float size) => top + lineHeight / 2 + 0.38f * size;

    /// <summary>Text in <paramref name="face"/>, the body face when null.</summary>
    private void Text(float x, float baseline, string text, float size, bool bold, SKColor colour, FontFace? face = null)
    {
        if (text.Length > 0) Ops.Add(new TextOp(x, baseline, text, size, bold, colour, face ?? _t.BodyFace));
    }

    private float AlignedX(float left, float width, string text, float size, TextAlign align, FontFace? face = null) => align switch
    {
        TextAlign.Center => left + (width - _m.Width(text, size, face ?? _t.BodyFace)) / 2,
        TextAlign.Right => left + width - _m.Width(text, size, face ?? _t.BodyFace),
        _ => left,
    };

    private List<WrappedLine> Wrap(string text, float width, float size, float indent = 0, FontFace? face = null)
    {
        var f = face ?? _t.BodyFace;
        return LineBreaker.Wrap(text, width, c => _m.Advance(c, size, f), indent);
    }

    private void Place(Block block, Block? next)
    {
        switch (block)
        {
            case HeadingBlock h: PlaceHeading(h, next); break;
            case ParagraphBlock p: PlaceParagraph(p); break;
            case KeyValueBlock kv: PlaceKeyValues(kv); break;
            case ListBlock l: PlaceList(l); break;
            case NoteBlock n: PlaceNote(n); break;
            case TableBlock t: PlaceTable(t); break;
            case ChartBlock c: PlaceChart(c); break;
            case StatTilesBlock s: PlaceTiles(s); break;
            case SignOffBlock s: PlaceSignOff(s); break;
            case SpacerBlock s:
                if (_page is null) NewPage();
                if (!AtTop) _y = Math.Min(_y + s.Height, Bottom);
                break;
            case PageBreakBlock:
                if (!AtTop) NewPage();
                break;
            default:
                throw new NotSupportedException($"No layout for {block.GetType().Name}.");
        }
    }

    /// <summary>How much of <paramref name="next"/> must fit under a heading for the heading to stay on this page.</summary>
    private float MinStart(Block? next) => next switch
    {
        ParagraphBlock p => 2 * LineHeight(p.Small ? _t.SmallSize : _t.BodySize),
        ListBlock or KeyValueBlock or NoteBlock => 2 * LineHeight(_t.BodySize) + 12,
        TableBlock t => (t.Caption is null ? 0 : LineHeight(_t.SmallSize)) + 4 * _t.TableSize * _t.TableLineSpacing + 4 * _t.TableCellPadding,
        ChartBlock c => c.Height + (c.Caption is null ? 0 : LineHeight(_t.SmallSize)),
        StatTilesBlock => _t.TileHeight,
        HeadingBlock => LineHeight(_t.Heading2Size) + 2 * LineHeight(_t.BodySize),
        _ => 0,
    };

    private void PlaceHeading(HeadingBlock h, Block? next)
    {
        var (size, colour) = h.Level switch
        {
            1 => (_t.Heading1Size, _t.Accent),
            2 => (_t.Heading2Size, _t.Accent),
            _ => (_t.Heading3Size, _t.Text),
        };
        var face = _t.HeadingFace(h.Level);
        // GB/T 9704: 黑体 and 楷体 carry levels 1 and 2 by their face; level 3 is 仿宋 in bold. The plain theme bolds level 1.
        var bold = _t.IsOfficial ? h.Level >= 3 : h.Level == 1;
        // GB/T 9704 headings sit in the body's text column, indented two characters like a paragraph.
        var indent = _t.IsOfficial ? _t.ParagraphIndentEms * size : 0;
        var lh = LineHeight(size);
        var gap = h.Level == 1 ? _t.HeadingGapBefore * 1.5f : _t.HeadingGapBefore;
        var lines = Wrap(h.Text, Width, size, indent, face);
        var height = gap + lines.Count * lh + (h.Level == 1 && _t.HeadingRule ? 4 : 0);
        EnsureSpace(height + MinStart(next));
        if (!AtTop) _y += gap;
        foreach (var line in lines)
        {
            Text(Left + (line.FirstOfParagraph ? indent : 0), Baseline(_y, lh, size), line.Text, size, bold, colour, face);
            _y += lh;
        }
        if (h.Level == 1 && _t.HeadingRule)
        {
            Ops.Add(new LineOp(Left, _y + 1, Left + Width, _y + 1, _t.Rule, _t.RuleWidth));
            _y += 6;
        }
        else
        {
            _y += 2;
        }
    }

    private void PlaceParagraph(ParagraphBlock p)
    {
        var size = p.Small ? _t.SmallSize : _t.BodySize;
        var lh = LineHeight(size);
        var indent = p.Indent ? _t.ParagraphIndentEms * size : 0;
        var colour = _t.Colour(p.Tone);
        foreach (var line in Wrap(p.Text, Width, size, indent))
        {
            EnsureSpace(lh);
            var left = Left + (line.FirstOfParagraph ? indent : 0);
            var x = AlignedX(left, Left + Width - left, line.Text, size, p.Align);
            Text(x, Baseline(_y, lh, size), line.Text, size, p.Bold, colour);
            _y += lh;
        }
        _y += _t.BlockGap;
    }

    private void PlaceKeyValues(KeyValueBlock kv)
    {
        var size = _t.BodySize;
        var lh = LineHeight(size);
        var keyWidth = Width * kv.KeyShare;
        var valueWidth = Width - keyWidth - 8;
        foreach (var (key, value) in kv.Items)
        {
            var keys = Wrap(key, keyWidth, size);
            var values = Wrap(value, valueWidth, size);
            var rows = Math.Max(keys.Count, values.Count);
            EnsureSpace(Math.Min(rows, 2) * lh);
            for (var r = 0; r < rows; r++)
            {
                EnsureSpace(lh);
                var b = Baseline(_y, lh, size);
                if (r < keys.Count) Text(Left, b, keys[r].Text, size, false, _t.Muted);
                if (r < values.Count) Text(Left + keyWidth + 8, b, values[r].Text, size, false, _t.Text);
                _y += lh;
            }
        }
        _y += _t.BlockGap;
    }

    private void PlaceList(ListBlock l)
    {
        var size = _t.BodySize;
        var lh = LineHeight(size);
        var colour = _t.Colour(l.Tone);
        var markers = l.Items.Select((_, i) => l.Numbered ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1}.") : "•").ToArray();
        var hang = (markers.Length == 0 ? 0 : markers.Max(m => _m.Width(m, size, _t.BodyFace))) + size * 0.6f;
        var indent = _t.ParagraphIndentEms * size * 0.5f;
        for (var i = 0; i < l.Items.Count; i++)
        {
            var lines = Wrap(l.Items[i], Width - indent - hang, size);
            EnsureSpace(Math.Min(lines.Count, 2) * lh);
            for (var k = 0; k < lines.Count; k++)
            {
                EnsureSpace(lh);
                var b = Baseline(_y, lh, size);
                if (k == 0) Text(Left + indent, b, markers[i], size, false, colour);
                Text(Left + indent + hang, b, lines[k].Text, size, false, colour);
                _y += lh;
            }
            _y += 2;
        }
        _y += _t.BlockGap;
    }

    private void PlaceNote(NoteBlock n)
    {
        var pad = _t.NotePadding;
        var bar = _t.NoteBarWidth;
        var size = _t.BodySize;
        var lh = LineHeight(size);
        var inner = Width - 2 * pad - bar;
        var indent = _t.ParagraphIndentEms * size;
        var lines = new List<(string Text, bool Title, float Indent)>();
        lines.AddRange(Wrap(n.Title, inner, _t.SmallSize).Select(l => (l.Text, true, 0f)));
        lines.AddRange(Wrap(n.Text, inner, size, indent).Select(l => (l.Text, false, l.FirstOfParagraph ? indent : 0f)));
        EnsureSpace(2 * pad + Math.Min(lines.Count, 3) * lh);
        var segmentStart = Ops.Count;
        var segmentTop = _y;
        _y += pad;
        foreach (var (text, title, lineIndent) in lines)
        {
            if (_y + lh + pad > Bottom && _y > segmentTop + pad)
            {
                CloseNoteSegment(segmentStart, segmentTop, _y + pad, bar);
                NewPage();
                segmentStart = Ops.Count;
                segmentTop = _y;
                _y += pad;
            }
            var x = Left + bar + pad;
            if (title)
            {
                Text(x, Baseline(_y, lh, _t.SmallSize), text, _t.SmallSize, false, _t.Accent);
            }
            else
            {
                Text(x + lineIndent, Baseline(_y, lh, size), text, size, false, _t.Text);
            }
            _y += lh;
        }
        CloseNoteSegment(segmentStart, segmentTop, _y + pad, bar);
        _y += pad + _t.BlockGap;
    }

    private void CloseNoteSegment(int opIndex, float top, float bottom, float bar)
    {
        // The box goes under the text already placed, so it is inserted before it.
        Ops.Insert(opIndex, new RectOp(new SKRect(Left, top, Left + bar, bottom), _t.Accent, null));
        Ops.Insert(opIndex, new RectOp(new SKRect(Left, top, Left + Width, bottom), _t.NoteFill, null));
    }

    private void PlaceChart(ChartBlock c)
    {
        var captionHeight = c.Caption is null ? 0 : LineHeight(_t.SmallSize) + 2;
        EnsureSpace(c.Height + captionHeight);
        Ops.Add(new ChartOp(new SKRect(Left, _y, Left + Width, _y + c.Height), c.Plot));
        _y += c.Height + 2;
        if (c.Caption is not null)
        {
            var lh = LineHeight(_t.SmallSize);
            foreach (var line in Wrap(c.Caption, Width, _t.SmallSize))
            {
                Text(AlignedX(Left, Width, line.Text, _t.SmallSize, TextAlign.Center), Baseline(_y, lh, _t.SmallSize), line.Text, _t.SmallSize, false, _t.Muted);
                _y += lh;
            }
        }
        _y += _t.BlockGap;
    }


    private void PlaceTiles(StatTilesBlock s)
    {
        const int perRow = 4;
        const float gap = 8;
        for (var start = 0; start < s.Tiles.Count; start += perRow)
        {
            var row = s.Tiles.Skip(start).Take(perRow).ToList();
            var w = (Width - gap * (perRow - 1)) / perRow;
            EnsureSpace(_t.TileHeight);
            for (var i = 0; i < row.Count; i++)
            {
                var tile = row[i];
                var x = Left + i * (w + gap);
                Ops.Add(new RectOp(new SKRect(x, _y, x + w, _y + _t.TileHeight), _t.NoteFill, _t.Rule));
                var valueSize = _t.TileValueSize;
                var value = Fit(tile.Value, w - 8, valueSize);
                Text(AlignedX(x, w, value, valueSize, TextAlign.Center), _y + 24, value, valueSize, false, _t.Colour(tile.Tone));
                var label = Fit(tile.Label, w - 8, _t.SmallSize);
                Text(AlignedX(x, w, label, _t.SmallSize, TextAlign.Center), _y + 40, label, _t.SmallSize, false, _t.Text);
                if (tile.Note is not null)
                {
                    var note = Fit(tile.Note, w - 8, _t.TileNoteSize);
                    Text(AlignedX(x, w, note, _t.TileNoteSize, TextAlign.Center), _y + 51, note, _t.TileNoteSize, false, _t.Muted);
                }
            }
            _y += _t.TileHeight + gap;
        }
        _y += _t.BlockGap - gap;
    }

    /// <summary>The text, cut with … when wider than <paramref name="width"/> (tiles have one line).</summary>
    private string Fit(string text, float width, float size)
    {
        var face = _t.BodyFace;
        if (_m.Width(text, size, face) <= width) return text;
        var n = text.Length;
        while (n > 0 && _m.Width(text.AsSpan(0, n), size, face) + _m.Advance('…', size, face) > width) n--;
        return string.Concat(text.AsSpan(0, n), "…");
    }

    private void PlaceTable(TableBlock table) => new TableComposer(this, table).Place();

    /// <summary>A table cell's lines and the size they are set in.</summary>
    private sealed record CellLines(List<WrappedLine> Lines, float Size);

    /// <summary>The table part of the layout: rows, repeated headers, the grid per page segment.</summary>
    private sealed class TableComposer(PageComposer c, TableBlock table)
    {
        private readonly float _size = c._t.TableSize;
        private readonly FontFace _face = c._t.TableFace;
        private readonly float _lh = c._t.TableSize * c._t.TableLineSpacing;
        private readonly float _pad = c._t.TableCellPadding;
        private float[] _x = [];
        private float[] _w = [];
        private float _segmentTop;
        private float _headerBottom;

        public void Place()
        {
            if (table.Columns.Count == 0) throw new ArgumentException("A table needs at least one column.", nameof(table));
            var total = table.Columns.Sum(col => Math.Max(col.Weight, 0.01f));
            _w = table.Columns.Select(col => c.Width * Math.Max(col.Weight, 0.01f) / total).ToArray();
            _x = new float[_w.Length + 1];
            _x[0] = c.Left;
            for (var i = 0; i < _w.Length; i++) _x[i + 1] = _x[i] + _w[i];

            var header = table.Columns.Select((col, i) => WrapCell(col.Header, i)).ToArray();
            var headerHeight = RowHeight(header);
            var captionHeight = table.Caption is null ? 0 : c.LineHeight(c._t.SmallSize);

            var rows = table.Rows;
            var first = rows.Count == 0 ? _lh + 2 * _pad : RowHeight(Wrapped(rows[0]));
            c.EnsureSpace(captionHeight + headerHeight + first);
            StartSegment(header, headerHeight, continued: false);

            if (rows.Count == 0)
            {
                var height = _lh + 2 * _pad;
                var text = table.EmptyText;
                c.Text(c.AlignedX(c.Left, c.Width, text, _size, TextAlign.Center, _face), Baseline(c._y + _pad, _lh, _size), text, _size, false, c._t.Muted, _face);
                c._y += height;
                c.Ops.Add(new LineOp(c.Left, c._y, c.Left + c.Width, c._y, c._t.Rule));
                EndSegment(spanning: true);
            }
            else
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var cells = Wrapped(rows[r]);
                    var height = RowHeight(cells);
                    if (c._y + height > c.Bottom + 0.01f)
                    {
                        EndSegment(spanning: false);
                        c.NewPage();
                        StartSegment(header, headerHeight, continued: true);
                    }
                    DrawRow(rows[r], cells, height, stripe: r % 2 == 1);
                }
                EndSegment(spanning: false);
            }

            if (table.Footnote is not null)
            {
                c._y += 2;
                c.PlaceParagraph(new ParagraphBlock(table.Footnote) { Small = true, Indent = false, Tone = Tone.Muted });
            }
            else
            {
                c._y += c._t.BlockGap + 2;
            }
        }

        private CellLines[] Wrapped(TableRow row) =>
            table.Columns.Select((_, i) => WrapCell(i < row.Cells.Count ? row.Cells[i].Text : "", i)).ToArray();

        /// <summary>
        /// A cell's lines. A number never breaks inside (12,745/13,433, 100.0%): a cell whose widest unbreakable run
        /// (a number, a Latin word) does not fit its column is set smaller, down to <see cref="Theme.MinCellSize"/>.
        /// </summary>
        private CellLines WrapCell(string text, int column)
        {
            var width = _w[column] - 2 * _pad;
            var size = _size;
            while (size > c._t.MinCellSize && LineBreaker.WidestUnbreakable(text, ch => c._m.Advance(ch, size, _face)) > width)
                size = Math.Max(c._t.MinCellSize, size - 0.25f);
            return new CellLines(c.Wrap(text, width, size, 0, _face), size);
        }

        private float RowHeight(CellLines[] cells) => cells.Max(l => Math.Max(l.Lines.Count, 1)) * _lh + 2 * _pad;

        private void StartSegment(CellLines[] header, float headerHeight, bool continued)
        {
            if (table.Caption is not null)
            {
                var size = c._t.SmallSize;
                var lh = c.LineHeight(size);
                var caption = continued ? table.Caption + "（续）" : table.Caption;
                c.Text(c.AlignedX(c.Left, c.Width, caption, size, TextAlign.Center), Baseline(c._y, lh, size), caption, size, false, c._t.Accent);
                c._y += lh;
            }
            _segmentTop = c._y;
            c.Ops.Add(new RectOp(new SKRect(c.Left, c._y, c.Left + c.Width, c._y + headerHeight), c._t.TableHeaderFill, null));
            for (var i = 0; i < header.Length; i++)
                DrawLines(header[i], i, c._y, headerHeight, TextAlign.Center, bold: false, c._t.Accent);
            c._y += headerHeight;
            _headerBottom = c._y;
            c.Ops.Add(new LineOp(c.Left, c._y, c.Left + c.Width, c._y, c._t.Rule, c._t.RuleWidth));
        }

        private void DrawRow(TableRow row, CellLines[] cells, float height, bool stripe)
        {
            if (stripe) c.Ops.Add(new RectOp(new SKRect(c.Left, c._y, c.Left + c.Width, c._y + height), c._t.TableStripeFill, null));
            for (var i = 0; i < cells.Length; i++)
            {
                var tone = i < row.Cells.Count ? row.Cells[i].Tone : Tone.Normal;
                DrawLines(cells[i], i, c._y, height, table.Columns[i].Align, row.Emphasis, c._t.Colour(tone));
            }
            c._y += height;
            c.Ops.Add(new LineOp(c.Left, c._y, c.Left + c.Width, c._y, c._t.Rule, c._t.HairlineWidth));
        }

        private void DrawLines(CellLines cell, int column, float top, float height, TextAlign align, bool bold, SKColor colour)
        {
            // Vertically centred in the row, so a one-line cell sits level with a wrapped neighbour's middle.
            var size = cell.Size;
            var y = top + (height - cell.Lines.Count * _lh) / 2;
            foreach (var line in cell.Lines)
            {
                var x = c.AlignedX(_x[column] + _pad, _w[column] - 2 * _pad, line.Text, size, align, _face);
                c.Text(x, Baseline(y, _lh, size), line.Text, size, bold, colour, _face);
                y += _lh;
            }
        }

        /// <summary>The outer frame and the column rules of the part of the table on this page.</summary>
        private void EndSegment(bool spanning)
        {
            var bottom = c._y;
            c.Ops.Add(new RectOp(new SKRect(c.Left, _segmentTop, c.Left + c.Width, bottom), null, c._t.Rule, c._t.RuleWidth));
            for (var i = 1; i < _w.Length; i++)
            {
                // An empty-table row spans all columns: the rules stop at the header.
                var end = spanning ? _headerBottom : bottom;
                c.Ops.Add(new LineOp(_x[i], _segmentTop, _x[i], end, c._t.Rule, c._t.HairlineWidth));
            }
        }
    }

    /// <summary>The GB/T 9704 版头, title and 主送机关 at the top of the first body page (<see cref="OfficialHead"/>).</summary>
    private void PlaceHead(OfficialHead head)
    {
        NewPage();
        var body = _t.BodySize;
        var lh = LineHeight(body);
        // 发文机关标志: red, centred, its top edge 35 mm under the 版心's; as wide as suits eight characters.
        var markSize = Math.Min(_t.IssuerMarkMaxSize, Width / Math.Max(head.IssuerMark.Length, 1));
        var markTop = Top + 35 * Theme.Mm;
        var markBaseline = markTop + 0.86f * markSize;
        Text(AlignedX(Left, Width, head.IssuerMark, markSize, TextAlign.Center, _t.TitleFace), markBaseline, head.IssuerMark, markSize, true, _t.OfficialRed, _t.TitleFace);
        // 发文字号: two blank lines under the mark, centred; the red rule 4 mm under it, as wide as the 版心.
        _y = markBaseline + 0.14f * markSize + 2 * lh;
        var numberBaseline = Baseline(_y, lh, body);
        if (head.Signer is null)
            Text(AlignedX(Left, Width, head.DocNumber, body, TextAlign.Center), numberBaseline, head.DocNumber, body, false, _t.Text);
        else
        {
            // 上行文: 文号 one character in from the left, 签发人 one character in from the right, on one line.
            Text(Left + body, numberBaseline, head.DocNumber, body, false, _t.Text);
            var signer = "签发人：" + (head.Signer.Length == 0 ? "　　　" : head.Signer);
            Text(Left + Width - body - _m.Width(signer, body, _t.BodyFace), numberBaseline, signer, body, false, _t.Text);
        }
        var ruleY = numberBaseline + 0.12f * body + 4 * Theme.Mm;
        Ops.Add(new LineOp(Left, ruleY, Left + Width, ruleY, _t.OfficialRed, _t.OfficialRedRuleWidth));
        // 标题: 2号 小标宋-like, centred, two blank lines under the rule.
        _y = ruleY + 2 * lh - lh / 2;
        var size = _t.CoverTitleSize;
        var tlh = size * 1.5f;
        foreach (var line in Wrap(head.Title, Width - 4 * size, size, 0, _t.TitleFace))
        {
            Text(AlignedX(Left, Width, line.Text, size, TextAlign.Center, _t.TitleFace), Baseline(_y, tlh, size), line.Text, size, true, _t.Text, _t.TitleFace);
            _y += tlh;
        }
        // 主送机关: one blank line under the title, flush left.
        _y += lh;
        if (head.Addressees is not null)
            PlaceParagraph(new ParagraphBlock(head.Addressees) { Indent = false });
    }

    /// <summary>发文机关署名 centred over the 成文日期, which sits four characters in from the right (GB/T 9704 7.3.5).</summary>
    private void PlaceSignOff(SignOffBlock s)
    {
        var size = _t.BodySize;
        var lh = LineHeight(size);
        EnsureSpace(3 * lh);
        if (!AtTop) _y += lh;
        else NoBodyOnThisPage();
        var date = OfficialDate(s.Date);
        var dateRight = Left + Width - 4 * size;
        var dateLeft = dateRight - _m.Width(date, size, _t.BodyFace);
        var issuerWidth = _m.Width(s.Issuer, size, _t.BodyFace);
        var issuerLeft = Math.Min(dateLeft + (dateRight - dateLeft - issuerWidth) / 2, Left + Width - issuerWidth);
        Text(issuerLeft, Baseline(_y, lh, size), s.Issuer, size, false, _t.Text);
        _y += lh;
        Text(dateLeft, Baseline(_y, lh, size), date, size, false, _t.Text);
        _y += lh + _t.BlockGap;
    }

    /// <summary>
    /// The 版记 (GB/T 9704 7.4) at the foot of the last page: its last rule on the 版心's bottom edge; on a new page
    /// when the body leaves no room for it.
    /// </summary>
    private void PlaceImprint(OfficialImprint imprint)
    {
        var size = _t.PageNumberSize;
        var lh = LineHeight(_t.BodySize);
        var lines = imprint.CopyTo.Count == 0 ? 1 : 2;
        var top = Bottom - lines * lh;
        if (_y > top) NewPage();
        // A page that holds nothing but the 版记 (the body ended on the page before, or with a page break) says so.
        if (AtTop) NoBodyOnThisPage();
        var thick = _t.ImprintThickRule;
        var thin = _t.ImprintThinRule;
        Ops.Add(new LineOp(Left, top, Left + Width, top, _t.Text, thick));
        var y = top;
        if (imprint.CopyTo.Count > 0)
        {
            var copy = "抄送：" + string.Join("，", imprint.CopyTo) + "。";
            Text(Left + size, Baseline(y, lh, size), copy, size, false, _t.Text);
            y += lh;
            Ops.Add(new LineOp(Left, y, Left + Width, y, _t.Text, thin));
        }
        var issued = OfficialDate(imprint.IssuedOn) + "印发";
        Text(Left + size, Baseline(y, lh, size), imprint.Issuer, size, false, _t.Text);
        Text(Left + Width - size - _m.Width(issued, size, _t.BodyFace), Baseline(y, lh, size), issued, size, false, _t.Text);
        Ops.Add(new LineOp(Left, Bottom, Left + Width, Bottom, _t.Text, thick));
        _y = Bottom;
    }

    /// <summary>
    /// （此页无正文） at the top of a page that would otherwise hold only the 署名 and 成文日期 or only the 版记, flush with
    /// the body's first-line indent (two characters), as the custom of GB/T 9704 documents has it.
    /// </summary>
    private void NoBodyOnThisPage()
    {
        var size = _t.BodySize;
        var lh = LineHeight(size);
        Text(Left + 2 * size, Baseline(_y, lh, size), NoBodyText, size, false, _t.Text);
        _y += lh;
    }

    /// <summary>The line on a page without body text.</summary>
    internal const string NoBodyText = "（此页无正文）";

    /// <summary>A date as GB/T 9704 writes it, in Arabic numerals without leading zeros: 2026年12月4日.</summary>
    internal static string OfficialDate(DateOnly date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private void ComposeCover(CoverPage cover)
    {
        _page = new LaidOutPage(true);
        _pages.Add(_page);
        var c = _t.Cover;
        CoverTop(cover, c);
        var titleTop = CoverTitle(cover, c);
        CoverFields(cover, c, titleTop);
        CoverSignatures(cover, c);
        if (cover.BottomLine is not null)
            Text(AlignedX(Left, Width, cover.BottomLine, c.BottomLineSize, TextAlign.Center), Bottom - c.BottomLineRaise, cover.BottomLine, c.BottomLineSize, false, _t.Text);
    }

    private void CoverTop(CoverPage cover, CoverTokens c)
    {
        if (cover.TopLine is null) return;
        var y = Top + c.TopLineBelowMargin;
        Text(AlignedX(Left, Width, cover.TopLine, c.TopLineSize, TextAlign.Center), y, cover.TopLine, c.TopLineSize, false, _t.Text);
        Ops.Add(new LineOp(Left, y + c.TopRuleBelowLine, Left + Width, y + c.TopRuleBelowLine, _t.Bad, c.TopRuleWidth));
    }

    /// <summary>The title and subtitle, centred; returns where they end.</summary>
    private float CoverTitle(CoverPage cover, CoverTokens c)
    {
        var w = Width;
        var titleTop = _t.PageHeight * c.TitleTop;
        var tlh = _t.CoverTitleSize * c.TitleLineSpacing;
        foreach (var line in Wrap(cover.Title, w * c.TitleWidth, _t.CoverTitleSize, 0, _t.TitleFace))
        {
            Text(AlignedX(Left, w, line.Text, _t.CoverTitleSize, TextAlign.Center, _t.TitleFace), Baseline(titleTop, tlh, _t.CoverTitleSize), line.Text, _t.CoverTitleSize, true, _t.Text, _t.TitleFace);
            titleTop += tlh;
        }
        if (cover.Subtitle is null) return titleTop;
        titleTop += c.SubtitleGap;
        var slh = _t.CoverSubtitleSize * c.SubtitleLineSpacing;
        foreach (var line in Wrap(cover.Subtitle, w * c.TitleWidth, _t.CoverSubtitleSize))
        {
            Text(AlignedX(Left, w, line.Text, _t.CoverSubtitleSize, TextAlign.Center), Baseline(titleTop, slh, _t.CoverSubtitleSize), line.Text, _t.CoverSubtitleSize, false, _t.Text);
            titleTop += slh;
        }
        return titleTop;
    }

    /// <summary>Facts: labels right-aligned against a centre column, values to their right.</summary>
    private void CoverFields(CoverPage cover, CoverTokens c, float titleTop)
    {
        var w = Width;
        var fieldSize = c.FieldSize;
        var flh = fieldSize * c.FieldLineSpacing;
        var fy = Math.Max(_t.PageHeight * c.FieldsTop, titleTop + c.FieldsBelowTitle);
        var keyWidth = cover.Fields.Count == 0 ? 0 : cover.Fields.Max(f => _m.Width(f.Key + "：", fieldSize, _t.BodyFace));
        var blockLeft = Left + w * c.FieldsLeft;
        var valueLeft = blockLeft + keyWidth + c.FieldValueGap;
        var valueWidth = Left + w * c.FieldsRight - valueLeft;
        foreach (var (key, value) in cover.Fields)
        {
            var label = key + "：";
            Text(blockLeft + keyWidth - _m.Width(label, fieldSize, _t.BodyFace), Baseline(fy, flh, fieldSize), label, fieldSize, false, _t.Muted);
            foreach (var line in Wrap(value, valueWidth, fieldSize))
            {
                Text(valueLeft, Baseline(fy, flh, fieldSize), line.Text, fieldSize, false, _t.Text);
                fy += flh * c.FieldWrapAdvance;
            }
            fy += flh * c.FieldGapAfter;
        }
    }

    /// <summary>Signatures on the left, the seal circle on the right, above the bottom line.</summary>
    private void CoverSignatures(CoverPage cover, CoverTokens c)
    {
        var w = Width;
        var signSize = c.SignatureSize;
        var slh2 = signSize * c.SignatureLineSpacing;
        var signTop = Bottom - c.SignatureAboveBottom - Math.Max(cover.SignatureLines.Count * slh2, c.SignatureMinHeight);
        var sy = signTop;
        var labelWidth = cover.SignatureLines.Count == 0 ? 0 : cover.SignatureLines.Max(s => _m.Width(s + "：", signSize, _t.BodyFace));
        foreach (var label in cover.SignatureLines)
        {
            var b = Baseline(sy, slh2, signSize);
            Text(Left + c.SignatureIndent, b, label + "：", signSize, false, _t.Text);
            Ops.Add(new LineOp(Left + c.SignatureRuleIndent + labelWidth, b + c.SignatureRuleDrop, Left + w * c.SignatureRuleEnd, b + c.SignatureRuleDrop, _t.Muted, c.SignatureRuleWidth));
            sy += slh2;
        }
        if (cover.SealLabel is null) return;
        var r = c.SealRadius;
        var cx = Left + w * c.SealCentre;
        var cy = signTop + Math.Max(cover.SignatureLines.Count * slh2, c.SignatureMinHeight) / 2;
        Ops.Add(new CircleOp(cx, cy, r, _t.Rule, Dashed: true));
        var size = c.SealLabelSize;
        var lh = c.SealLabelLineHeight;
        var lines = Wrap(cover.SealLabel, 2 * r - c.SealLabelInset, size);
        var ly = cy - lines.Count * lh / 2;
        foreach (var line in lines)
        {
            Text(AlignedX(cx - r, 2 * r, line.Text, size, TextAlign.Center), Baseline(ly, lh, size), line.Text, size, false, _t.Muted);
            ly += lh;
        }
    }
}
