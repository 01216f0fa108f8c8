namespace OdeDsl.Generator.Model;

/// <summary>A <c>.ode</c> file as read: its path and text (null when it could not be read).</summary>
public sealed record ModelFile(string Path, string? Text);
