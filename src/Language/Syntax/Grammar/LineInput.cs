using Sprache;

namespace OdeDsl.Language.Syntax.Grammar;

/// <summary>
/// A Sprache input over one logical line. Sprache's own <see cref="Input"/> allocates a memo
/// table with every character it advances (128 bytes per character, a third of what parsing
/// allocated); the grammar uses no memoised parsers, so here the table exists only if asked for.
/// Lines and columns in the file come from <see cref="Text.SourceText"/>, so the line here is 1.
/// </summary>
internal sealed class LineInput(string source, int position = 0) : IInput
{
    private IDictionary<object, object>? memos;

    public string Source { get; } = source;

    public int Position { get; } = position;

    public char Current => Source[Position];

    public bool AtEnd => Position >= Source.Length;

    public int Line => 1;

    public int Column => Position + 1;

    public IDictionary<object, object> Memos => memos ??= new Dictionary<object, object>();

    public IInput Advance() =>
        AtEnd ? throw new InvalidOperationException("Cannot advance beyond the end of the line.") : new LineInput(Source, Position + 1);

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => Source.GetHashCode() ^ Position;
}
