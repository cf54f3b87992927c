using System.Runtime.CompilerServices;

// The layout pieces (line breaking, font subsetting, problem ranking) are internal; their tests live next door.
[assembly: InternalsVisibleTo("Analytics.Reports.Tests")]
// The web overview ranks units by the circular's own rule (UnitRanking), never a second copy of it.
[assembly: InternalsVisibleTo("Analytics.Web")]
