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
