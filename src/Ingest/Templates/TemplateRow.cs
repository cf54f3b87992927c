using System.Globalization;
using System.Runtime.CompilerServices;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Ingest.Messages;
using Analytics.Ingest.Parsing;
using Analytics.Ingest.Personal;
using Analytics.Ingest.Reading;

namespace Analytics.Ingest.Templates;

/// <summary>
/// The current row seen through a template's columns: typed accessors that apply the parsing rules of
/// templates.md §1 to a cell and record a located <see cref="IngestError"/> instead of throwing. Every
/// accessor returns null (or the default) for an empty or bad cell, so a template reads every field,
/// collects every error of the row, and builds a record only when there were none.
/// </summary>
public sealed class TemplateRow
{
    private readonly string _file;
    private readonly string? _sheet;
    private readonly TemplateContext _context;
    private readonly List<IngestError> _errors = [];
    private readonly Dictionary<Type, object> _enumMemos = [];
    private readonly HashSet<int> _errorColumns = [];
    private readonly HashSet<int> _unreadableColumns = [];
    private readonly InputBounds _bounds;
    private readonly MemoLookup<RegistryEntry> _counties;
    private readonly MemoLookup<RegistryEntry> _utilities;
    private ITableReader _reader = null!;
    private HeaderBinding _binding = null!;

    internal TemplateRow(string file, string? sheet, TemplateContext context, InputBounds? bounds = null)
    {
        _bounds = bounds ?? InputBounds.Default;
        _file = file;
        _sheet = sheet;
        _context = context;
        _counties = new MemoLookup<RegistryEntry>(context.Registries.TryCounty);
        _utilities = new MemoLookup<RegistryEntry>(context.Registries.TryUtility);
    }

    /// <summary>
    /// False in a validation-only pass: personal data is still validated, but no customer key is
    /// computed (an HMAC per row is a noticeable share of the cost, and the records are not kept).
    /// </summary>
    public bool CustomerKeysWanted { get; internal set; } = true;

    /// <summary>The row number as a person sees it.</summary>
    public int Number { get; private set; }

    public TemplateContext Context => _context;

    /// <summary>The errors of this row so far.</summary>
    public IReadOnlyList<IngestError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    internal HeaderBinding Binding => _binding;

    internal void Start(ITableReader reader, HeaderBinding binding)
    {
        _reader = reader;
        _binding = binding;
        Number = reader.RowNumber;
        if (_errors.Count > 0)
        {
            _errors.Clear();
            _errorColumns.Clear();
            _unreadableColumns.Clear();
        }
    }

    /// <summary>
    /// Holds every cell of <paramref name="columns"/> to the text rules (<see cref="CellCheck"/>) and
    /// records an error for each that breaks one, or that the reader could not read (a formula
    /// without a saved value). Later errors on such a cell are not recorded: the first says it all.
    /// </summary>
    internal void CheckCells(IReadOnlyList<TemplateColumn> columns)
    {
        foreach (var column in columns)
        {
            var ord = _binding.OrdinalOf(column);
            if (ord < 0) continue;
            if (_reader.CellProblem(ord) is { } problem)
            {
                Error(column, IngestErrorCode.FormulaWithoutValue, IngestMessages.CellProblem.With(column.Label, problem));
                _unreadableColumns.Add(column.Index);
                continue;
            }
            var cell = _reader.Cell(ord);
            if (cell.Kind != CellKind.Text) continue;
            if (CellCheck.TextProblem(cell.Text, column.LineBreaks, _bounds, out var code) is { } textProblem)
            {
                Error(column, code, IngestMessages.CellProblem.With(column.Label, textProblem));
                _unreadableColumns.Add(column.Index);
            }
        }
    }

    /// <summary>True when an error was recorded on <paramref name="column"/> in this row.</summary>
    public bool HasErrorOn(TemplateColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _errorColumns.Contains(column.Index);
    }

    /// <summary>The cell's trimmed text (XLSX values in their invariant text form), without copying CSV text; empty for an empty cell.</summary>
    public ReadOnlySpan<char> RawText(TemplateColumn column)
    {
        var ord = _binding.OrdinalOf(column);
        var cell = _reader.Cell(ord);
        return cell.Kind switch
        {
            CellKind.Empty => default,
            CellKind.Text => cell.Text.Trim(),
            _ => _reader.Display(ord),
        };
    }

    /// <summary>Like <see cref="Enum{T}"/> but records no error: for templates that try other readings first.</summary>
    public bool TryEnum<T>(TemplateColumn column, out T value) where T : struct, Enum
    {
        var text = RawText(column);
        value = default;
        return !CellText.IsEmptyMarker(text) && EnumMemo<T>().TryGet(text, out value);
    }

    /// <summary>How the file stored the cell (CSV: always text or empty).</summary>
    public CellKind CellKindOf(TemplateColumn column) => _reader.Cell(_binding.OrdinalOf(column)).Kind;

    /// <summary>True when the file has the column.</summary>
    public bool Has(TemplateColumn column) => _binding.OrdinalOf(column) >= 0;

    /// <summary>True when the cell is missing or empty by the empty rule.</summary>
    public bool IsEmpty(TemplateColumn column)
    {
        var cell = _reader.Cell(_binding.OrdinalOf(column));
        return cell.Kind == CellKind.Empty || (cell.Kind == CellKind.Text && CellText.IsEmptyMarker(cell.Text.Trim()));
    }

    /// <summary>Trimmed text; null when empty. XLSX numbers, dates and booleans come as their invariant text.</summary>
    public string? Text(TemplateColumn column, bool required = false)
    {
        var ord = _binding.OrdinalOf(column);
        var cell = _reader.Cell(ord);
        string? text = cell.Kind switch
        {
            CellKind.Empty => null,
            CellKind.Text => CellText.IsEmptyMarker(cell.Text.Trim()) ? null : cell.Text.Trim().ToString(),
            _ => _reader.Display(ord),
        };
        if (text is null && required) Required(column);
        return text;
    }

    /// <summary>A date-time in China local time (templates.md §1, Date-times).</summary>
    public DateTime? DateTime(TemplateColumn column, bool required = false)
    {
        var cell = _reader.Cell(_binding.OrdinalOf(column));
        switch (cell.Kind)
        {
            case CellKind.Text:
                var t = cell.Text.Trim();
                if (CellText.IsEmptyMarker(t)) break;
                switch (DateTimeText.TryParse(t, out var value, out var reason))
                {
                    case DateTimeParse.Ok:
                        return value;
                    case DateTimeParse.Impossible:
                        Error(column, IngestErrorCode.ImpossibleDate, IngestMessages.ImpossibleDateTime.With(Quoted(column), reason!));
                        return null;
                    default:
                        Error(column, IngestErrorCode.InvalidDateTime,
                            reason is null ? IngestMessages.InvalidDateTime.With(Quoted(column)) : IngestMessages.InvalidDateTimeBecause.With(Quoted(column), reason));
                        return null;
                }
            case CellKind.DateTime:
                var dt = DateTimeText.RoundToSecond(cell.DateTime);
                if (dt.Year is >= DateTimeText.MinYear and <= DateTimeText.MaxYear) return dt;
                Error(column, IngestErrorCode.ImpossibleDate,
                    IngestMessages.ImplausibleYear.With(Quoted(column), dt.Year, DateTimeText.MinYear, DateTimeText.MaxYear));
                return null;
            case CellKind.Number:
                if (DateTimeText.TryFromSerial(cell.Number, out var serial)) return serial;
                Error(column, IngestErrorCode.InvalidDateTime, IngestMessages.NumberNotDateTime.With(Quoted(column), DateTimeText.MinYear, DateTimeText.MaxYear));
                return null;
            case CellKind.Boolean:
                Error(column, IngestErrorCode.InvalidDateTime, IngestMessages.InvalidDateTime.With(Quoted(column)));
                return null;
        }
        if (required) Required(column);
        return null;
    }

    /// <summary>The cell as a date-time if it is a good one; null otherwise, recording no error.</summary>
    public DateTime? PeekDateTime(TemplateColumn column)
    {
        var cell = _reader.Cell(_binding.OrdinalOf(column));
        switch (cell.Kind)
        {
            case CellKind.Text:
                // Most stage times are empty: skip them before the parser (which would try them as a serial number too).
                var t = cell.Text.Trim();
                return !CellText.IsEmptyMarker(t) && DateTimeText.TryParse(t, out var value, out _) == DateTimeParse.Ok ? value : null;
            case CellKind.DateTime:
                var dt = DateTimeText.RoundToSecond(cell.DateTime);
                return dt.Year is >= DateTimeText.MinYear and <= DateTimeText.MaxYear ? dt : null;
            case CellKind.Number:
                return DateTimeText.TryFromSerial(cell.Number, out var serial) ? serial : null;
            default:
                return null;
        }
    }

    /// <summary>A number ≥ 0 (or &gt; 0 with <paramref name="positive"/>), with the column's unit suffix allowed.</summary>
    public decimal? Amount(TemplateColumn column, NumberUnit unit, bool required = false, bool positive = false)
    {
        if (!TryNumber(column, unit, required, out var value)) return null;
        if (positive && value == 0)
        {
            Error(column, IngestErrorCode.OutOfRange, IngestMessages.MustBePositive.With(Quoted(column)));
            return null;
        }
        return value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long? Count(TemplateColumn column, NumberUnit unit, long min, long max, bool required = false)
    {
        if (!TryNumber(column, unit, required, out var value)) return null;
        if (value != decimal.Truncate(value))
        {
            Error(column, IngestErrorCode.InvalidNumber, IngestMessages.NotWholeNumber.With(Quoted(column)));
            return null;
        }
        if (value < min || value > max)
        {
            Error(column, IngestErrorCode.OutOfRange, max == long.MaxValue
                ? IngestMessages.CountAtLeast.With(Quoted(column), min)
                : IngestMessages.CountBetween.With(Quoted(column), min, max));
            return null;
        }
        return (long)value;
    }

    /// <summary>A boolean (templates.md §1, Booleans).</summary>
    public bool? Bool(TemplateColumn column, bool required = false)
    {
        var cell = _reader.Cell(_binding.OrdinalOf(column));
        switch (cell.Kind)
        {
            case CellKind.Boolean:
                return cell.Boolean;
            case CellKind.Number:
                if (cell.Number == 1) return true;
                if (cell.Number == 0) return false;
                break;
            case CellKind.Text:
                var t = cell.Text.Trim();
                if (CellText.IsEmptyMarker(t)) goto case CellKind.Empty;
                if (BooleanText.TryParse(t, out var b)) return b;
                break;
            case CellKind.Empty:
                if (required) Required(column);
                return null;
        }
        Error(column, IngestErrorCode.InvalidBoolean, IngestMessages.InvalidBoolean.With(Quoted(column), BooleanText.Accepted));
        return null;
    }

    /// <summary>A value of a closed set by its English code or any Chinese label (<see cref="Codes.TryParse{T}"/>).</summary>
    public T? Enum<T>(TemplateColumn column, bool required = false) where T : struct, Enum
    {
        var ord = _binding.OrdinalOf(column);
        var cell = _reader.Cell(ord);
        ReadOnlySpan<char> text;
        if (cell.Kind == CellKind.Text) text = cell.Text.Trim();
        else if (cell.Kind == CellKind.Empty) text = default;
        else text = _reader.Display(ord);
        if (CellText.IsEmptyMarker(text))
        {
            if (required) Required(column);
            return null;
        }
        if (EnumMemo<T>().TryGet(text, out var value)) return value;
        ILocalizedText suggestion = NameSuggestions.ClosestCode<T>(text.ToString()) is { } near
            ? IngestMessages.DidYouMean.With($"{Codes.Label(near)}（{Codes.Of(near)}）")
            : IngestMessages.NoSuggestion;
        Error(column, IngestErrorCode.UnknownValue, IngestMessages.UnknownValue.With(Quoted(column), suggestion, Codes.Accepted<T>()));
        return null;
    }

    /// <summary>
    /// A set of a [Flags] closed set, items separated by <c>;</c> or <c>、</c> (also <c>；</c>, <c>,</c>, <c>，</c>).
    /// Null when empty.
    /// </summary>
    public T? Flags<T>(TemplateColumn column) where T : struct, Enum
    {
        var text = RawText(column);
        if (CellText.IsEmptyMarker(text)) return null;
        var memo = EnumMemo<T>();
        var bits = 0;
        List<string>? bad = null;
        foreach (var range in text.SplitAny(";；、,，"))
        {
            var item = text[range].Trim();
            if (item.IsEmpty) continue;
            if (memo.TryGet(item, out var v)) bits |= FlagBits(v);
            else (bad ??= []).Add(item.ToString());
        }
        if (bad is not null)
        {
            Error(column, IngestErrorCode.UnknownValue,
                IngestMessages.UnknownFlags.With(ListText.Of(bad.Select(b => new Localized("“" + b + "”", "\"" + b + "\""))), Quoted(column), Codes.Accepted<T>()));
            return null;
        }
        return Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<int, T>(ref bits) : (T)System.Enum.ToObject(typeof(T), bits);
    }

    // An int-based [Flags] enum's bits without boxing it (Convert.ToInt32 takes an object).
    private static int FlagBits<T>(T value) where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<T, int>(ref value) : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>A county of the registry, by code, name or alias.</summary>
    public RegistryEntry? County(TemplateColumn column, bool required = false) =>
        Registry(column, _counties, IngestErrorCode.UnknownCounty, IngestMessages.UnknownCounty, static r => r.Counties, static r => r.AcceptedCounties, required);

    /// <summary>A utility of the registry, by code, name, short name or alias.</summary>
    public RegistryEntry? Utility(TemplateColumn column, bool required = false) =>
        Registry(column, _utilities, IngestErrorCode.UnknownUtility, IngestMessages.UnknownUtility, static r => r.Utilities, static r => r.AcceptedUtilities, required);

    /// <summary>Records an error on <paramref name="column"/> of this row, with the cell's value (masked for personal data).</summary>
    public void Error(TemplateColumn column, IngestErrorCode code, MessageText message)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_unreadableColumns.Count > 0 && _unreadableColumns.Contains(column.Index)) return;
        var ord = _binding.OrdinalOf(column);
        string? value = null;
        if (ord >= 0)
        {
            var raw = _reader.Display(ord);
            value = EchoText.Of(column.Personal ? MaskPersonal(column, raw) : raw, _bounds.MaxEchoChars);
            if (value.Length == 0) value = null;
        }
        _errorColumns.Add(column.Index);
        _errors.Add(new IngestError
        {
            Code = code,
            File = _file,
            Sheet = _sheet,
            Row = Number,
            Column = _binding.HeaderOf(column),
            Value = value,
            Text = message,
        });
    }

    /// <summary>Records an error of the row without a column.</summary>
    internal void RowError(IngestErrorCode code, MessageText message) =>
        _errors.Add(new IngestError { Code = code, File = _file, Sheet = _sheet, Row = Number, Text = message });

    /// <summary>The cell's value, quoted, for a message (masked for personal data; cut to <see cref="InputBounds.MaxEchoChars"/>, controls shown as ␀, ␛ …).</summary>
    public Localized Quoted(TemplateColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var ord = _binding.OrdinalOf(column);
        if (ord < 0) return new Localized("（缺失）", "(missing)");
        var raw = _reader.Display(ord).Trim();
        var shown = EchoText.Of(column.Personal ? MaskPersonal(column, raw) : raw, _bounds.MaxEchoChars);
        return new Localized("“" + shown + "”", "\"" + shown + "\"");
    }

    /// <summary>A personal value as it may be shown: names as <c>张*</c>, ID numbers and phones with the middle starred.</summary>
    public static string MaskPersonal(TemplateColumn column, string raw)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Trim().Length == 0) return "";
        return column.Name switch
        {
            "customer_name" => PersonalDataMask.Name(raw),
            "phone" => PersonalDataMask.Phone(raw),
            _ => PersonalDataMask.IdNumber(raw),
        };
    }

    /// <summary>Whether a cell holds an XLSX number (an ID number typed as a number has lost digits).</summary>
    internal bool IsNumberCell(TemplateColumn column) => _reader.Cell(_binding.OrdinalOf(column)).Kind == CellKind.Number;

    private void Required(TemplateColumn column) =>
        Error(column, IngestErrorCode.Required, IngestMessages.Required.With(column.Label));

    private bool TryNumber(TemplateColumn column, NumberUnit unit, bool required, out decimal value)
    {
        value = 0;
        var cell = _reader.Cell(_binding.OrdinalOf(column));
        switch (cell.Kind)
        {
            case CellKind.Number:
                if (double.IsFinite(cell.Number) && Math.Abs(cell.Number) < 7.9e27)
                {
                    value = (decimal)cell.Number;
                    if (value >= 0) return true;
                    Error(column, IngestErrorCode.Negative, IngestMessages.Negative.With(Quoted(column), column.Label));
                    return false;
                }
                break;
            case CellKind.Text:
                var t = cell.Text.Trim();
                if (CellText.IsEmptyMarker(t)) goto case CellKind.Empty;
                switch (NumberText.TryParse(t, unit, out value))
                {
                    case NumberParse.Ok: return true;
                    case NumberParse.Negative:
                        Error(column, IngestErrorCode.Negative, IngestMessages.Negative.With(Quoted(column), column.Label));
                        return false;
                }
                break;
            case CellKind.Empty:
                if (required) Required(column);
                return false;
        }
        Error(column, IngestErrorCode.InvalidNumber, IngestMessages.InvalidNumber.With(Quoted(column), NumberExample(unit)));
        return false;
    }

    private static Localized NumberExample(NumberUnit unit) => unit switch
    {
        NumberUnit.Yuan => IngestMessages.AmountExample,
        NumberUnit.Kilowatt => IngestMessages.CapacityExample,
        NumberUnit.Households => IngestMessages.HouseholdsExample,
        NumberUnit.Days => IngestMessages.DaysExample,
        _ => IngestMessages.NumberExample,
    };

    private RegistryEntry? Registry(TemplateColumn column, MemoLookup<RegistryEntry> memo, IngestErrorCode code,
        MessageTemplate<ILocalizedText, ILocalizedText, string> message, Func<Registries, IEnumerable<RegistryEntry>> entries, Func<Registries, string> accepted, bool required)
    {
        var ord = _binding.OrdinalOf(column);
        var cell = _reader.Cell(ord);
        ReadOnlySpan<char> text = cell.Kind switch
        {
            CellKind.Text => cell.Text.Trim(),
            CellKind.Empty => default,
            _ => _reader.Display(ord),
        };
        if (CellText.IsEmptyMarker(text))
        {
            if (required) Required(column);
            return null;
        }
        if (memo.TryGet(text, out var entry)) return entry;
        // A near miss (尧都县 for 尧都区) is named first: the whole list is long.
        ILocalizedText suggestion = NameSuggestions.Closest(text.ToString(), entries(_context.Registries)) is { } near
            ? IngestMessages.DidYouMean.With($"{near.Name}（{near.Code}）")
            : IngestMessages.NoSuggestion;
        Error(column, code, message.With(Quoted(column), suggestion, accepted(_context.Registries)));
        return null;
    }

    private MemoLookup<T> EnumMemo<T>() where T : struct, Enum
    {
        if (_enumMemos.TryGetValue(typeof(T), out var m)) return (MemoLookup<T>)m;
        var memo = new MemoLookup<T>(Codes.TryParse);
        _enumMemos[typeof(T)] = memo;
        return memo;
    }
}
