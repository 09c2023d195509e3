namespace CrmInsight.Tests.TestSupport;

/// <summary>Folders of the checkout the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding CrmInsight.sln, found upwards from the test binaries.</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmInsight.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("CrmInsight.sln not found above the test binaries.");
        }
    }
}
