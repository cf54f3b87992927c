using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Risk.Tests;

public class MomentSamplerTests
{
    private static readonly TargetClock Clock = new(Policy.Default, WorkingDayCalendar.Default);

    private static readonly Application LvOther = new()
    {
        ApplicationId = "A7",
        Utility = "sgcc-linfen",
        County = "yaodu",
        Area = Area.Urban,
        CustomerType = CustomerType.NonResidential,
        Voltage = Voltage.Lv,
        CapacityKw = 80,
        ThreeZero = false,
        Channel = Channel.Counter,
        Status = ApplicationStatus.Connected,
        AcceptedAt = new DateTime(2024, 3, 4, 9, 0, 0),
        CustomerWorksStart = new DateTime(2024, 3, 5, 10, 0, 0),
        CustomerWorksEnd = new DateTime(2024, 3, 11, 10, 0, 0),
        ExternalWorksStart = new DateTime(2024, 3, 12, 10, 0, 0),
        ExternalWorksEnd = new DateTime(2024, 3, 14, 10, 0, 0),
        ConnectedAt = new DateTime(2024, 3, 18, 15, 0, 0),
    };

    private static LabeledApplication Labeled(Application a) =>
        new(a, TargetKind.UtilityDays, Clock.FinalDays(a, TargetKind.UtilityDays), 5);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Replayed_moments_fall_on_days_the_application_was_still_in_progress(int stride)
    {
        var moments = MomentSampler.Sample([Labeled(LvOther)], stride, seed: 5, Clock);

        Assert.NotEmpty(moments);
        Assert.All(moments, m =>
        {
            Assert.True(m.AsOf >= LvOther.AcceptedAt);
            Assert.True(DateOnly.FromDateTime(m.AsOf) < DateOnly.FromDateTime(LvOther.ConnectedAt!.Value));
            Assert.Equal(Clock.ElapsedDays(LvOther, m.AsOf), m.Figures.Elapsed);
        });
        // Calendar days in progress: 03-04 … 03-17 = 14; one moment every stride days.
        Assert.InRange(moments.Count, 14 / stride, (14 + stride - 1) / stride);
    }

    [Fact]
    public void A_replayed_moment_sees_only_the_stages_recorded_by_then()
    {
        var layout = new FeatureLayout(["yaodu"], ["sgcc-linfen"]);
        var started = layout.Names.ToList().IndexOf("external_works_start");
        var x = new float[layout.Count];

        var before = new DateTime(2024, 3, 11, 23, 59, 59);
        layout.Fill(x, LvOther, before, new MomentFigures(Clock.ElapsedDays(LvOther, before), Clock.CountedDays(LvOther, TargetKind.UtilityDays, before), 5), Clock);
        Assert.Equal(0f, x[started]);
        Assert.Equal(5f, x[layout.Names.ToList().IndexOf("elapsed_days")]);

        var after = new DateTime(2024, 3, 12, 23, 59, 59);
        layout.Fill(x, LvOther, after, new MomentFigures(Clock.ElapsedDays(LvOther, after), Clock.CountedDays(LvOther, TargetKind.UtilityDays, after), 5), Clock);
        Assert.Equal(1f, x[started]);
    }
}
