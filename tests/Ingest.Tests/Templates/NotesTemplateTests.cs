using Analytics.Domain;

namespace Analytics.Ingest.Tests.Templates;

public class NotesTemplateTests
{
    [Fact]
    public void Notes_keep_their_line_breaks_and_accept_Chinese_half_years()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "n.csv",
        [
            TestFiles.Note("progress", "一、压减环节\r\n二、压减时间"),
            TestFiles.Note("存在问题", "审批周期长，\"一网通办\"尚未覆盖。").With("half", "2021年下半年").With("utility", "蒲县分公司"),
        ]);
        var result = TestFiles.Read(dir, FilingKind.Notes, path);
        Assert.Empty(result.Errors);
        var notes = result.Records.Cast<ReportNote>().ToList();
        Assert.Equal("一、压减环节\n二、压减时间", notes[0].Text);
        Assert.Equal(new HalfYear(2021, 2), notes[1].Half);
        Assert.Equal(NoteSection.Problems, notes[1].Section);
        Assert.Equal("sxdl-puxian", notes[1].Utility);
        Assert.Null(result.Newest);
    }

    [Theory]
    [InlineData("half", "2021H3", IngestErrorCode.InvalidPeriod)]
    [InlineData("section", "总结", IngestErrorCode.UnknownValue)]
    [InlineData("text", "", IngestErrorCode.Required)]
    [InlineData("text", "无", IngestErrorCode.Required)]
    public void Field_rules(string column, string value, IngestErrorCode code)
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "n.csv", [TestFiles.Note().With(column, value)]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Notes, path));
        Assert.Equal((code, column), (e.Code, e.Column!));
    }

    [Fact]
    public void One_note_per_utility_half_and_section()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "n.csv", [TestFiles.Note("results"), TestFiles.Note("工作成效", "again")]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Notes, path));
        Assert.Equal((IngestErrorCode.DuplicateKey, 3), (e.Code, e.Row!.Value));
    }
}
