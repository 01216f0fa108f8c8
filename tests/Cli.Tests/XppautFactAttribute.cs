namespace OdeDsl.Cli.Tests;

/// <summary>A test that needs Debian's <c>xppaut</c>; skipped, saying how to install it, where it is missing.</summary>
public sealed class XppautTheoryAttribute : TheoryAttribute
{
    public XppautTheoryAttribute()
    {
        if (Xppaut.Path is null) Skip = "xppaut is not installed; run tests/Cli.Tests/setup-xppaut.sh (apt-get install -y xppaut)";
    }
}
