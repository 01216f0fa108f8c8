using Snapshooter;
using Snapshooter.Xunit;

namespace OdeDsl.Generator.Tests.Snapshots;

/// <summary>
/// The generated code of every corpus system (scalars, vectors and matrices, an mlp, if/then/else,
/// user functions, arrays, aux/observe, the attributed C# form), checked in under __snapshots__, so a
/// change to the emitted code shows up in review.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    public static TheoryData<string> Files => new(Support.Corpus.Run.GeneratedTrees.Select(tree => Path.GetFileName(tree.FilePath)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_code_matches_the_snapshot(string hintName)
    {
        var tree = Support.Corpus.Run.GeneratedTrees.Single(t => Path.GetFileName(t.FilePath) == hintName);
        Snapshot.Match(tree.GetText().ToString(), new SnapshotNameExtension(hintName));
    }

    [Fact]
    public void The_corpus_covers_at_least_eight_systems_including_the_attributed_form()
    {
        var names = Support.Corpus.Run.GeneratedTrees.Select(tree => Path.GetFileName(tree.FilePath)).ToList();
        Assert.True(names.Count >= 9, string.Join(", ", names));
        Assert.Contains("Physics.Pendulum.g.cs", names);
        Assert.Contains("Sample.Spiral.g.cs", names);
        Assert.Contains("Sample.VectorOps.g.cs", names);
    }
}
