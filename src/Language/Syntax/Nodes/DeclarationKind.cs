namespace OdeDsl.Language.Syntax;

/// <summary>The keyword that starts a list of definitions.</summary>
public enum DeclarationKind
{
    /// <summary>`init x=1, y=0`.</summary>
    Init,
    /// <summary>`par a=1` (also `param`, `p`).</summary>
    Parameter,
    /// <summary>`number k=3.2`.</summary>
    Number,
}
