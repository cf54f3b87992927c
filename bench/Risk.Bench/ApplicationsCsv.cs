using System.Globalization;
using Analytics.Domain;
using Sylvan.Data.Csv;

namespace Analytics.Risk.Bench;

/// <summary>
/// Reads an <c>applications</c> CSV with English headers and codes (what <c>analytics generate</c>
/// writes) into records — enough for the benchmark; the real reading, with validation and error
/// reports, is Ingest's. Personal-data columns are ignored.
/// </summary>
internal static class ApplicationsCsv
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"];

    public static IEnumerable<Application> Read(string path)
    {
        using var csv = CsvDataReader.Create(path);
        int Col(string name) => csv.GetOrdinal(name);
        var c = new
        {
            Id = Col("application_id"), Utility = Col("utility"), County = Col("county"), Area = Col("area"),
            CustomerType = Col("customer_type"), Voltage = Col("voltage"), PowerSources = Col("power_sources"),
            Capacity = Col("capacity_kw"), ThreeZero = Col("three_zero"), SmallMicro = Col("small_micro"),
            Important = Col("important_user"), Channel = Col("channel"), Status = Col("status"),
            Accepted = Col("accepted_at"), Plan = Col("plan_replied_at"), Drs = Col("design_review_start"), Dre = Col("design_review_end"),
            Cws = Col("customer_works_start"), Cwe = Col("customer_works_end"), Mcs = Col("mid_check_start"), Mce = Col("mid_check_end"),
            Es = Col("external_works_start"), Ee = Col("external_works_end"), Aps = Col("approval_submitted_at"), Apg = Col("approval_granted_at"),
            Ccs = Col("completion_check_start"), Cce = Col("completion_check_end"), Connected = Col("connected_at"),
            Paused = Col("paused_days"), Withdrawn = Col("withdrawn_at"),
        };
        while (csv.Read())
        {
            string S(int i) => csv.GetString(i);
            DateTime? T(int i) => S(i) is { Length: > 0 } s ? DateTime.ParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None) : null;
            bool B(int i) => S(i) is "Y" or "y" or "true" or "1";
            T E<T>(int i) where T : struct, Enum => Codes.TryParse<T>(S(i), out var v) ? v : throw new FormatException($"row {csv.RowNumber}: '{S(i)}' is not a {typeof(T).Name}");
            yield return new Application
            {
                ApplicationId = S(c.Id),
                Utility = S(c.Utility),
                County = S(c.County),
                Area = E<Area>(c.Area),
                CustomerType = E<CustomerType>(c.CustomerType),
                Voltage = E<Voltage>(c.Voltage),
                PowerSources = S(c.PowerSources) is { Length: > 0 } p ? int.Parse(p, CultureInfo.InvariantCulture) : 1,
                CapacityKw = decimal.Parse(S(c.Capacity), CultureInfo.InvariantCulture),
                ThreeZero = B(c.ThreeZero),
                SmallMicro = B(c.SmallMicro),
                ImportantUser = B(c.Important),
                Channel = E<Channel>(c.Channel),
                Status = E<ApplicationStatus>(c.Status),
                AcceptedAt = T(c.Accepted)!.Value,
                PlanRepliedAt = T(c.Plan),
                DesignReviewStart = T(c.Drs),
                DesignReviewEnd = T(c.Dre),
                CustomerWorksStart = T(c.Cws),
                CustomerWorksEnd = T(c.Cwe),
                MidCheckStart = T(c.Mcs),
                MidCheckEnd = T(c.Mce),
                ExternalWorksStart = T(c.Es),
                ExternalWorksEnd = T(c.Ee),
                ApprovalSubmittedAt = T(c.Aps),
                ApprovalGrantedAt = T(c.Apg),
                CompletionCheckStart = T(c.Ccs),
                CompletionCheckEnd = T(c.Cce),
                ConnectedAt = T(c.Connected),
                PausedDays = S(c.Paused) is { Length: > 0 } pd ? int.Parse(pd, CultureInfo.InvariantCulture) : 0,
                WithdrawnAt = T(c.Withdrawn),
            };
        }
    }
}
