namespace Analytics.Ingest;

/// <summary>What went wrong, for programs and tests; the message says it for people.</summary>
public enum IngestErrorCode
{
    Invalid = 0,

    // The file as a whole (nothing can be read).
    FileNotFound = 1,
    FileUnreadable = 2,
    EmptyFile = 3,
    BinaryFile = 4,
    NotAWorkbook = 5,
    UnsupportedFormat = 6,
    MalformedCsv = 7,
    NoHeader = 8,
    MissingColumn = 9,
    DuplicateColumn = 10,
    FileChanged = 11,
    /// <summary>The file passes a bound of <see cref="Reading.InputBounds"/>: its size, an XLSX part's inflated size or ratio, its row count.</summary>
    TooLarge = 12,

    // One row.
    TooManyFields = 20,
    Required = 21,
    InvalidDateTime = 22,
    ImpossibleDate = 23,
    InvalidNumber = 24,
    Negative = 25,
    OutOfRange = 26,
    InvalidBoolean = 27,
    UnknownValue = 28,
    UnknownCounty = 29,
    UnknownUtility = 30,
    InvalidIdNumber = 31,
    InvalidPeriod = 32,
    /// <summary>A control character (NUL, ESC…), or a line break where the column holds one line.</summary>
    InvalidText = 33,
    /// <summary>Bytes not valid in the file's encoding, or a line in another encoding than the rest.</summary>
    InvalidEncoding = 34,
    /// <summary>A cell longer than <see cref="Reading.InputBounds.MaxCellChars"/>.</summary>
    TooLong = 35,
    /// <summary>An XLSX formula cell without a saved value (formulas are never computed).</summary>
    FormulaWithoutValue = 36,

    // Across the fields of one row.
    EndBeforeStart = 40,
    BeforeAccepted = 41,
    StatusMismatch = 42,
    DualSourceOnLowVoltage = 43,

    // Across the rows of one file.
    DuplicateKey = 50,
    InconsistentOutage = 51,
    GroupRejected = 52,
}
