namespace Analytics.Domain.Storage;

/// <summary>Two reads of one question run at once, one on each core (a ledger's week beside its year, a table's findings beside its counts).</summary>
public static class SideBySide
{
    /// <summary>
    /// <paramref name="beside"/> on the second core while <paramref name="here"/> runs on this one. When this one fails, the
    /// other is waited for (its failure, if any, is the same store's) before the failure goes on.
    /// </summary>
    public static (THere Here, TBeside Beside) Run<THere, TBeside>(Func<THere> here, Func<TBeside> beside)
    {
        ArgumentNullException.ThrowIfNull(here);
        ArgumentNullException.ThrowIfNull(beside);
        var task = Task.Run(beside);
        THere result;
        try { result = here(); }
        catch
        {
            try { task.Wait(); } catch (AggregateException) { }
            throw;
        }
        return (result, task.GetAwaiter().GetResult());
    }
}
