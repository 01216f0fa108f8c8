namespace OdeDsl.Generator.Emit;

/// <summary>One generated source file: its hint name (unique per compilation) and text.</summary>
public sealed record GeneratedFile(string HintName, string Text);
