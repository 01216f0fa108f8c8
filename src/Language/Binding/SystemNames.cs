using System.Text;

namespace OdeDsl.Language.Binding;

/// <summary>The default system name: the file name in PascalCase (`lotka_volterra.ode` → `LotkaVolterra`).</summary>
internal static class SystemNames
{
    public static string FromPath(string path)
    {
        var fileName = System.IO.Path.GetFileNameWithoutExtension(path ?? string.Empty);
        var builder = new StringBuilder();
        var upperNext = true;
        foreach (var c in fileName)
        {
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            return "Model";
        }

        return char.IsDigit(builder[0]) ? "Model" + builder : builder.ToString();
    }
}
