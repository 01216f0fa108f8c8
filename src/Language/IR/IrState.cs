namespace OdeDsl.Language.IR;

/// <summary>
/// One flattened state: its name (a vector state <c>z[2]</c> gives <c>z[0]</c>, <c>z[1]</c>), its
/// initial value (an expression over parameters and inputs), and where its equation is written
/// (for the comment emitted above it; line 0 when it has none, e.g. an augmented dimension).
/// </summary>
public sealed record IrState(string Name, IrNode InitialValue, int SourceLine, string SourceText);
