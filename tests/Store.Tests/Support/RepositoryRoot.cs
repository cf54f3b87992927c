namespace Analytics.Store.Tests.Support;

/// <summary>The folder holding Analytics.sln, found from the test assembly's folder upwards.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no Analytics.sln above " + AppContext.BaseDirectory);
    }
}
