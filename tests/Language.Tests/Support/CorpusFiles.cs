namespace OdeDsl.Language.Tests.Support;

/// <summary>The `.ode` files of the test corpus, copied next to the test assembly.</summary>
public static class CorpusFiles
{
    public static string Directory(string kind) => Path.Combine(AppContext.BaseDirectory, "Corpus", kind);

    public static IEnumerable<string> All(string kind) =>
        System.IO.Directory.EnumerateFiles(Directory(kind), "*.ode").OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>xunit theory data: one row per file name.</summary>
    public static TheoryData<string> Names(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in All(kind))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static (string Path, string Text) Read(string kind, string name)
    {
        var path = Path.Combine(Directory(kind), name);
        return (path, File.ReadAllText(path));
    }
}
