using Analytics.Ingest.Tests.Messages;

namespace Analytics.Ingest.Tests.Templates;

public class BadInputTests
{
    [Theory]
    [MemberData(nameof(BadInputs.Names), MemberType = typeof(BadInputs))]
    public void Every_bad_input_gets_a_located_error_and_gives_no_record(string name)
    {
        using var dir = new TempFolder();
        var c = BadInputs.Make(name, dir);
        var result = TestFiles.Read(dir, c.Kind, c.Path);

        var error = Assert.Single(result.Errors, e => e.Code == c.Code);
        Assert.Equal(c.Path, error.File);
        Assert.Equal(c.Row, error.Row);
        Assert.Equal(c.Column, error.Column);
        if (c.Value is not null) Assert.Equal(c.Value, error.Value);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        // The rendered form leads with the place.
        var place = c.Path + (error.Sheet is { } s ? "[" + s + "]" : "") + (c.Row is { } r ? ":" + r : "") + (c.Column is { } col ? ":" + col : "") + ": ";
        Assert.StartsWith(place, error.ToString(), StringComparison.Ordinal);
        // Chinese by default, English on request, in the same frame, with the value shown and the same stable id.
        Assert.Matches(CatalogueChecks.Chinese, error.Message);
        var english = error.MessageIn(Analytics.Ingest.Messages.MessageLanguage.English);
        Assert.NotEqual(error.Message, english);
        Assert.Matches("[A-Za-z]{3,} [a-z]{2,}", english);
        Assert.StartsWith(place, error.ToString(Analytics.Ingest.Messages.MessageLanguage.English), StringComparison.Ordinal);
        Assert.StartsWith(place + error.Message, error.ToString(), StringComparison.Ordinal);
        if (c.Value is not null && error.Text.Template.Parameters.Contains("value"))
        {
            Assert.Contains(c.Value, error.Message, StringComparison.Ordinal);
            Assert.Contains(c.Value, english, StringComparison.Ordinal);
        }
        // The bad row never becomes a record.
        Assert.True(result.RowsRejected > 0 || result.FileRejected);
    }
}
