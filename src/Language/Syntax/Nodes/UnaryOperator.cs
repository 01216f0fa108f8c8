namespace OdeDsl.Language.Syntax;

public enum UnaryOperator
{
    Negate,
    Plus,
    Not,
}
