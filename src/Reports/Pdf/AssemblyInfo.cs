using System.Runtime.CompilerServices;

// The layout pieces (line breaking, font subsetting, problem ranking) are internal; their tests live next door.
[assembly: InternalsVisibleTo("Analytics.Reports.Tests")]
