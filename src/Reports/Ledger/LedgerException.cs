namespace Analytics.Reports.Ledger;

/// <summary>
/// Bad input to a ledger command (exit code 1 at the command line): a date that is not a
/// Thursday, a county the registry does not know, or a workbook that is not a filed ledger.
/// </summary>
public abstract class LedgerException : Exception
{
    protected LedgerException(string message) : base(message) { }
    protected LedgerException(string message, Exception inner) : base(message, inner) { }
}
