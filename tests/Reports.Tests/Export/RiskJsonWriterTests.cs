using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Reports.Export;
using Analytics.Risk;
using Analytics.Risk.Tests;

namespace Analytics.Reports.Tests.Export;

[Collection("planted")]
public partial class RiskJsonWriterTests(PlantedSignalFixture planted)
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [Fact]
    public void The_json_has_the_contracted_shape_with_snake_case_names_and_invariant_numbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // a decimal comma must not leak in
        string json;
        try
        {
            json = RiskJsonWriter.Write(new RiskAssessor(planted.Model).Assess(planted.Data.InProgress, planted.Data.AsOf));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Matches(IsoDate(), root.GetProperty("as_of").GetString()!);
        var model = root.GetProperty("model");
        var trained = model.GetProperty("trained_on");
        Assert.Equal(planted.Model.TrainedOn.Count, trained.GetProperty("count").GetInt32());
        Assert.Matches(IsoDate(), trained.GetProperty("from").GetString()!);
        Assert.Matches(IsoDate(), trained.GetProperty("to").GetString()!);
        Assert.Equal(JsonValueKind.Number, model.GetProperty("holdout_mae_days").ValueKind);
        Assert.Equal(JsonValueKind.Number, model.GetProperty("baseline_mae_days").ValueKind);
        Assert.InRange(model.GetProperty("auc").GetDouble(), 0, 1);
        Assert.Equal(planted.Model.Used, model.GetProperty("used").GetBoolean());
        Assert.Equal(5, model.GetProperty("categories").GetArrayLength());

        var apps = root.GetProperty("applications");
        Assert.True(apps.GetArrayLength() > 0);
        string[] keys = ["application_id", "utility", "county", "category", "target", "accepted_at", "elapsed_days", "counted_days",
            "limit_days", "due_date", "days_left", "predicted_days", "miss_probability", "method"];
        var previousP = 1.0;
        foreach (var a in apps.EnumerateArray())
        {
            Assert.Equal(keys, a.EnumerateObject().Select(p => p.Name));
            Assert.Matches(IsoDate(), a.GetProperty("due_date").GetString()!);
            var p = a.GetProperty("miss_probability").GetDouble();
            Assert.InRange(p, 0.5, 1);
            Assert.True(p <= previousP);
            previousP = p;
        }
    }

    [Fact]
    public void A_figure_without_data_is_null_and_used_is_false_for_the_baseline_only_model()
    {
        var model = RiskModel.Train([], Analytics.Risk.Tests.Support.Dataset.QuickOptions);
        using var doc = JsonDocument.Parse(RiskJsonWriter.Write(new RiskAssessor(model).Assess([], new DateOnly(2024, 6, 13))));
        var m = doc.RootElement.GetProperty("model");
        Assert.False(m.GetProperty("used").GetBoolean());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("holdout_mae_days").ValueKind);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("trained_on").GetProperty("from").ValueKind);
        Assert.Equal(0, m.GetProperty("trained_on").GetProperty("count").GetInt32());
        Assert.Equal("2024-06-13", doc.RootElement.GetProperty("as_of").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("applications").GetArrayLength());
    }
}
