using Analytics.Domain.Storage;

namespace Analytics.Cli.Tests;

/// <summary>The store's own refusals reach every command as one line with the user's exit code, never exit 4.</summary>
public sealed class StoreErrorMappingTests
{
    [Fact]
    public void Data_the_store_refuses_and_a_foreign_key_are_bad_input()
    {
        using var err = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, CliApp.Report(new StoreDataException("application A1: customer_mask holds a NUL character", "customer_mask"), err));
        Assert.Equal(ExitCodes.BadInput, CliApp.Report(new CustomerKeyMismatchException("the key file is not this store's"), err));
        Assert.DoesNotContain("internal error", err.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_file_filed_by_another_process_a_moment_earlier_changes_nothing_and_is_not_an_error()
    {
        using var err = new StringWriter();
        Assert.Equal(ExitCodes.Success, CliApp.Report(new DuplicateFilingException("ledger x.xlsx"), err));
        Assert.Contains("该文件已由另一进程载入，本次未作任何更改", err.ToString(), StringComparison.Ordinal);
    }
}
