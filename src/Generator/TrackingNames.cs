namespace OdeDsl.Generator;

/// <summary>Names of the generator's pipeline steps, so tests can assert which steps ran or stayed cached.</summary>
public static class TrackingNames
{
    public const string RootNamespace = nameof(RootNamespace);
    public const string ReadModel = nameof(ReadModel);
    public const string CompileModel = nameof(CompileModel);
    public const string ModelDiagnostics = nameof(ModelDiagnostics);
    public const string SystemOwners = nameof(SystemOwners);
    public const string ModelSource = nameof(ModelSource);
    public const string ReadAttributedSystem = nameof(ReadAttributedSystem);
    public const string CompileAttributedSystem = nameof(CompileAttributedSystem);
    public const string AttributedSource = nameof(AttributedSource);
}
