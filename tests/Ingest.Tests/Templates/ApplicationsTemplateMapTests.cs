using Analytics.Domain;

namespace Analytics.Ingest.Tests.Templates;

/// <summary>
/// The hand-written <see cref="Analytics.Ingest.Templates.ApplicationsTemplate.Map"/> (the fast path issue 17 item 1
/// allows) checked against the one field list of Domain (<see cref="ApplicationFields"/>): every stored template field
/// is read from its own column into its own property.
/// </summary>
public class ApplicationsTemplateMapTests
{
    private static DateTime T(int month, int day, int hour) => new(2021, month, day, hour, 0, 0);

    // Every column given, each stage time distinct, so a field read from a neighbour's column shows.
    private static readonly (string Column, string Text, object? Expected)[] Connected =
    [
        ("application_id", "A-MAP-1", "A-MAP-1"),
        ("utility", "sgcc-linfen", "sgcc-linfen"),
        ("county", "yaodu", "yaodu"),
        ("area", "urban", Area.Urban),
        ("customer_type", "non_residential", CustomerType.NonResidential),
        ("voltage", "10kv", Voltage.Kv10),
        ("power_sources", "2", 2),
        ("capacity_kw", "250", 250m),
        ("three_zero", "N", false),
        ("small_micro", "Y", true),
        ("important_user", "Y", true),
        ("channel", "online", Channel.Online),
        ("e_contract", "Y", true),
        ("materials", "id_card;property_cert", Materials.IdCard | Materials.PropertyCert),
        ("fee_yuan", "15", 15m),
        ("customer_investment_yuan", "12000", 12000m),
        ("status", "connected", ApplicationStatus.Connected),
        ("record_created_at", "2021-09-22 09:00", T(9, 22, 9)),
        ("accepted_at", "2021-09-22 10:00", T(9, 22, 10)),
        ("plan_replied_at", "2021-09-23 09:00", T(9, 23, 9)),
        ("design_review_start", "2021-09-23 10:00", T(9, 23, 10)),
        ("design_review_end", "2021-09-23 11:00", T(9, 23, 11)),
        ("customer_works_start", "2021-09-24 08:00", T(9, 24, 8)),
        ("customer_works_end", "2021-10-05 17:00", T(10, 5, 17)),
        ("mid_check_start", "2021-09-27 09:00", T(9, 27, 9)),
        ("mid_check_end", "2021-09-27 10:00", T(9, 27, 10)),
        ("external_works_start", "2021-09-27 11:00", T(9, 27, 11)),
        ("external_works_end", "2021-10-08 18:00", T(10, 8, 18)),
        ("approval_submitted_at", "2021-09-26 09:00", T(9, 26, 9)),
        ("approval_granted_at", "2021-09-28 16:00", T(9, 28, 16)),
        ("approval_mode", "notify_commit", ApprovalMode.NotifyCommit),
        ("completion_check_start", "2021-10-11 09:00", T(10, 11, 9)),
        ("completion_check_end", "2021-10-11 11:00", T(10, 11, 11)),
        ("connected_at", "2021-10-12 15:00", T(10, 12, 15)),
        ("paused_days", "3", 3),
        ("withdrawn_at", "", null),
        ("previous_application_id", "A-OLD", "A-OLD"),
    ];

    /// <summary>The fields Map must fill: the stored columns of the template (the personal ones become a key and a mask).</summary>
    private static IReadOnlyList<ApplicationField> MappedFields =>
        [.. ApplicationFields.Template.Where(f => f.Stored && !f.Personal)];

    [Fact]
    public void The_test_row_gives_every_mapped_field_of_the_domain_list()
    {
        Assert.Equal(MappedFields.Select(f => f.Name), Connected.Select(c => c.Column));
    }

    [Fact]
    public void Map_reads_every_field_of_the_domain_list_from_its_own_column()
    {
        var a = ReadOne(Connected.ToDictionary(c => c.Column, c => c.Text));
        foreach (var field in MappedFields)
        {
            var expected = Connected.Single(c => c.Column == field.Name).Expected;
            Assert.True(Equals(expected, field.Get(a)), $"{field.Name}: expected {expected}, mapped {field.Get(a)}");
        }
    }

    [Fact]
    public void Map_reads_the_withdrawal_time_of_a_withdrawn_application()
    {
        var row = Connected.ToDictionary(c => c.Column, c => c.Text);
        row["status"] = "withdrawn";
        row["connected_at"] = "";
        row["withdrawn_at"] = "2021-10-13 12:00";
        var a = ReadOne(row);
        Assert.Equal(T(10, 13, 12), ApplicationFields.WithdrawnAt.Get(a));
        Assert.Null(ApplicationFields.ConnectedAt.Get(a));
    }

    private static Application ReadOne(Dictionary<string, string> row)
    {
        foreach (var personal in ApplicationFields.Template.Where(f => f.Personal)) row[personal.Name] = "";
        using var dir = new TempFolder();
        var result = TestFiles.Read(dir, FilingKind.Applications, TestFiles.Csv(dir, "map.csv", [row]));
        Assert.Empty(result.Errors);
        return Assert.IsType<Application>(Assert.Single(result.Records));
    }
}
