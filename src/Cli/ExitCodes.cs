namespace OdeDsl.Cli;

/// <summary>What <c>odedsl</c> returns to the shell.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The model has errors, or the solve failed.</summary>
    public const int ModelOrSolveError = 1;

    /// <summary>Bad arguments, or a file that cannot be read or written.</summary>
    public const int UsageError = 2;
}
