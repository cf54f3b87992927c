using System.Globalization;
using Analytics.Domain;
using Analytics.Store;
using Analytics.Store.Testing;

// Usage: Analytics.Store.CrashProbe STORE MODE ROWS [FIRST] [SEED] [distinct]
//   MODE hold:   begin a filing, add ROWS synthetic applications, print "ready", wait to be killed.
//   distinct:    begin it as the ingest does, vouching for distinct keys (PostgreSQL's direct first load).
//   MODE commit: the same, then print "committing", commit, print "committed" and exit.
// The store tests kill this process (SIGKILL) and check that the store is exactly as before.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Analytics.Store.CrashProbe STORE hold|commit ROWS [FIRST] [SEED] [distinct]");
    return 2;
}
var store = args[0];
var mode = args[1];
var rows = long.Parse(args[2], CultureInfo.InvariantCulture);
var first = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 0;
var seed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1;
var distinct = args.Length > 5 && args[5] == "distinct";

using var s = StoreFactory.Open(store);
var writer = s.BeginFiling(FilingKind.Applications, "crash-probe.csv", "probe-" + seed.ToString(CultureInfo.InvariantCulture),
    new DateTime(2023, 1, 1), new DateTime(2023, 1, 2, 3, 4, 5), distinct);
// The outage first, so that the applications are still streaming (an open COPY on PostgreSQL) when killed.
writer.Add(new OutageStep
{
    OutageId = "probe-outage", Utility = "sgcc-linfen", County = "yaodu", Area = Area.Urban, Kind = OutageKind.Fault,
    StartAt = new DateTime(2022, 5, 1, 10, 0, 0), EndAt = new DateTime(2022, 5, 1, 12, 0, 0), Customers = 10,
});
foreach (var a in SyntheticApplications.Range(first, rows, seed)) writer.Add(a);

if (mode == "hold")
{
    Console.Out.WriteLine("ready");
    Console.Out.Flush();
    Thread.Sleep(Timeout.Infinite);
    return 0;
}
Console.Out.WriteLine("committing");
Console.Out.Flush();
writer.Commit((int)rows + 1, 0);
writer.Dispose();
Console.Out.WriteLine("committed");
return 0;
