namespace OdeDsl.Generator.Specification;

/// <summary>A valid model that the emitter cannot write yet; reported as a diagnostic, never thrown past the generator.</summary>
public sealed class UnsupportedModelException : System.Exception
{
    public UnsupportedModelException(string message) : base(message)
    {
    }
}
