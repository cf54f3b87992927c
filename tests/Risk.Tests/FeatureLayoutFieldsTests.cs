using Analytics.Domain;

namespace Analytics.Risk.Tests;

/// <summary>The feature layout's stage events against the one field list (issue 17 item 1).</summary>
public class FeatureLayoutFieldsTests
{
    [Fact]
    public void The_event_features_keep_their_names()
    {
        var names = new FeatureLayout(["yaodu"], ["sgcc-linfen"]).Names.Skip(10).Take(FeatureLayout.EventFields.Length);
        Assert.Equal(
        [
            "plan_replied", "design_review_start", "design_review_end", "customer_works_start", "customer_works_end",
            "mid_check_start", "mid_check_end", "external_works_start", "external_works_end",
            "approval_submitted", "approval_granted", "completion_check_start", "completion_check_end",
        ], names);
    }

    [Fact]
    public void The_hand_written_event_reader_follows_the_field_list()
    {
        var a = new Application
        {
            ApplicationId = "A", Utility = "sgcc-linfen", County = "yaodu", Area = Area.Urban, CustomerType = CustomerType.NonResidential,
            Voltage = Voltage.Kv10, CapacityKw = 100, ThreeZero = false, Channel = Channel.Online, Status = ApplicationStatus.InProgress,
            AcceptedAt = new DateTime(2026, 1, 1),
        };
        // Each event its own day, so a swapped position shows.
        for (var i = 0; i < FeatureLayout.EventFields.Length; i++)
            a = FeatureLayout.EventFields[i].With!(a, new DateTime(2026, 1, 2).AddDays(i));
        Span<DateTime?> events = stackalloc DateTime?[FeatureLayout.EventFields.Length];
        FeatureLayout.EventTimes(a, events);
        Assert.Equal(FeatureLayout.EventFields.Select(f => (DateTime?)f.Get(a)), events.ToArray());
        Assert.Equal(FeatureLayout.EventFields, ApplicationFields.Instants.Where(f => f.Name is not ("record_created_at" or "accepted_at" or "connected_at" or "withdrawn_at")));
    }
}
