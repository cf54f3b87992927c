using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Risk.Tests.Support;

namespace Analytics.Risk.Tests;

/// <summary>
/// The compact facts the training keeps of an application (issue 12) read back as the application: every time to the
/// tick, the attributes the features take, and the clock's figures.
/// </summary>
public class ApplicationFactsTests
{
    private static readonly TargetClock Clock = new(Policy.Default, WorkingDayCalendar.Default);

    public static TheoryData<string> Cases => ["generated", "fraction of a second", "stage before acceptance", "far from acceptance"];

    private static List<Application> Applications(string kind)
    {
        var data = Dataset.From(new SyntheticApplications { Seed = 11, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 6, 30) }, 300);
        var apps = data.Finished.Concat(data.InProgress).ToList();
        return kind switch
        {
            // Stored times keep microseconds: not whole seconds after acceptance, so the facts keep every tick.
            "fraction of a second" => [.. apps.Select(a => a with { PlanRepliedAt = a.AcceptedAt.AddTicks(12_340), CustomerWorksEnd = a.CustomerWorksEnd?.AddTicks(10) })],
            "stage before acceptance" => [.. apps.Select(a => a with { DesignReviewStart = a.AcceptedAt.AddDays(-3) })],
            "far from acceptance" => [.. apps.Select(a => a with { CompletionCheckEnd = a.AcceptedAt.AddYears(80) })],
            _ => apps,
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_facts_give_back_every_time_and_attribute_the_features_take(string kind)
    {
        var apps = Applications(kind);
        Assert.NotEmpty(apps);
        Span<DateTime?> events = stackalloc DateTime?[FeatureLayout.EventFields.Length];
        foreach (var a in apps)
        {
            var f = ApplicationFacts.Of(a);
            FeatureLayout.EventTimes(a, events);
            for (var i = 0; i < events.Length; i++)
                Assert.Equal(events[i]?.Ticks ?? -1, f.EventTicksAt(i));
            Assert.Equal(a.AcceptedAt, f.AcceptedAt);
            Assert.Equal(a.ConnectedAt, f.ConnectedAt);
            Assert.Equal(a.CustomerWorksStart, f.CustomerWorksStart);
            Assert.Equal(a.CustomerWorksEnd, f.CustomerWorksEnd);
            Assert.Equal(a.ApprovalSubmittedAt, f.ApprovalSubmittedAt);
            Assert.Equal(a.ApprovalGrantedAt, f.ApprovalGrantedAt);
            Assert.Equal((a.Utility, a.County, a.Category, a.Voltage, a.Area, a.Channel, a.PowerSources, a.ImportantUser, a.SmallMicro),
                (f.Utility, f.County, f.Category, f.Voltage, f.Area, f.Channel, f.PowerSources, f.ImportantUser, f.SmallMicro));
            Assert.Equal((float)Math.Log(1 + (double)Math.Max(0m, a.CapacityKw)), f.CapacityLogKw);

            var asOf = a.AcceptedAt.Date.AddDays(6).AddTicks(TimeSpan.TicksPerDay - 1);
            Assert.Equal(Clock.ElapsedDays(a, asOf), Clock.ElapsedDays(f, asOf));
            foreach (var measure in new[] { TargetKind.UtilityDays, TargetKind.WholeProcessDays })
                Assert.Equal(Clock.CountedDays(a, measure, asOf), Clock.CountedDays(f, measure, asOf));
        }
    }

    [Fact]
    public void Settled_facts_keep_the_moments_phase_of_their_seed_and_refuse_another()
    {
        var a = Applications("generated")[0];
        var f = ApplicationFacts.Of(a);
        var phase = f.Phase(189);
        Assert.Equal(MomentSampler.Phase(189, a.Utility, a.ApplicationId), phase);
        Assert.NotEqual(phase, f.Phase(5));

        f.Settle(order: 7, seed: 189);
        Assert.Equal(7, f.Order);
        Assert.Equal(phase, f.Phase(189));
        Assert.Throws<InvalidOperationException>(() => f.Phase(5));
    }
}
