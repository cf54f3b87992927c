using Analytics.Domain;
using Analytics.Generator.Output;

namespace Analytics.Generator.Applications;

/// <summary>
/// Turns a <see cref="SyntheticApplication"/> into a row of the <c>applications</c> template as a
/// filing with a given as-of shows it: only times up to the as-of, the status they imply, and the
/// injected differences between the first and the revised filing.
/// </summary>
internal sealed class ApplicationRows
{
    private readonly ValueText _text;
    private readonly RowBuffer _row = new(TemplateDescriptions.Applications.Count);

    public ApplicationRows(ValueText text) => _text = text;

    /// <summary>Fills the shared row buffer; valid until the next call.</summary>
    public RowBuffer Row(SyntheticApplication a, DateTime asOf, bool revised)
    {
        DateTime? T(DateTime? t) => t is { } v && v <= asOf ? v : null;

        var (connected, withdrawn, status) = ApplicationRecords.State(a, asOf, revised);

        var r = _row;
        r.Clear();
        var i = 0;
        r.Text(i++, a.Id);
        r.Text(i++, _text.Utility(a.Utility));
        r.Text(i++, _text.County(a.County));
        r.Text(i++, _text.Enum(a.Area));
        r.Text(i++, _text.Enum(a.CustomerType));
        r.Text(i++, _text.Enum(a.Voltage));
        r.Number(i++, a.WritePowerSources ? a.PowerSources : null);
        r.Number(i++, a.CapacityKw);
        r.Text(i++, _text.Bool(a.ThreeZero));
        r.Text(i++, _text.Bool(a.SmallMicro));
        r.Text(i++, _text.Bool(a.ImportantUser));
        r.Text(i++, _text.Enum(a.Channel));
        r.Text(i++, _text.Bool(a.EContract));
        r.Text(i++, a.Materials is { } m ? _text.Materials(m) : null);
        r.Number(i++, a.FeeYuan);
        r.Number(i++, a.InvestmentYuan);
        r.Text(i++, _text.Enum(status));
        r.Date(i++, T(a.RecordCreatedAt));
        r.Date(i++, a.AcceptedAt);
        r.Date(i++, T(a.PlanRepliedAt));
        r.Date(i++, T(a.DesignReviewStart));
        r.Date(i++, T(a.DesignReviewEnd));
        r.Date(i++, T(a.CustomerWorksStart));
        r.Date(i++, T(a.CustomerWorksEnd));
        r.Date(i++, T(a.MidCheckStart));
        r.Date(i++, T(a.MidCheckEnd));
        r.Date(i++, T(a.ExternalWorksStart));
        r.Date(i++, T(a.ExternalWorksEnd));
        r.Date(i++, T(a.ApprovalSubmittedAt));
        r.Date(i++, T(a.ApprovalGrantedAt));
        // The mode of a permit is known once it is applied for; 免审批 is known from the start.
        var mode = a.ApprovalMode is ApprovalMode.Exempt || T(a.ApprovalSubmittedAt) is not null ? a.ApprovalMode : null;
        r.Text(i++, mode is { } am ? _text.Enum(am) : null);
        r.Date(i++, T(a.CompletionCheckStart));
        r.Date(i++, T(a.CompletionCheckEnd));
        r.Date(i++, connected);
        r.Number(i++, a.PausedDays > 0 ? a.PausedDays : null);
        r.Date(i++, withdrawn);
        r.Text(i++, a.PreviousApplicationId);
        r.Text(i++, a.Person.Name);
        r.Text(i++, a.Person.IdNumber);
        r.Text(i++, a.Person.Phone);
        return r;
    }
}
