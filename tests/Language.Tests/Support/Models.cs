using OdeDsl.Language.Binding;
using OdeDsl.Language.Diagnostics;

namespace OdeDsl.Language.Tests.Support;

/// <summary>Helpers that bind a small model and fail with its diagnostics when it does not bind.</summary>
public static class Models
{
    public static BoundSystem Bind(string text, string path = "model.ode")
    {
        var result = Compiler.Bind(text, path);
        Assert.True(result.System is not null, string.Join("\n", result.Diagnostics));
        return result.System!;
    }

    /// <summary>The right-hand side of a state's equation, fully parenthesised.</summary>
    public static string Equation(string text, string state) =>
        Bind(text).Equations.Single(e => e.State.Name == state).Value.ToString();

    public static IReadOnlyList<Diagnostic> Diagnostics(string text, string path = "model.ode") => Compiler.Bind(text, path).Diagnostics;

    public static Diagnostic SingleError(string text) => Assert.Single(Diagnostics(text), d => d.Severity != DiagnosticSeverity.Info);
}
