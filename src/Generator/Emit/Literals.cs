using System.Globalization;

namespace OdeDsl.Generator.Emit;

/// <summary>
/// Numbers as C# literals: round-trip formatting in the invariant culture, so a generated constant
/// is bit-identical to the compiler's value whatever the build machine's locale.
/// </summary>
public static class Literals
{
    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // "1" would be an int literal; integer division must never sneak in.
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    public static string Single(double value)
    {
        var single = (float)value;
        if (float.IsNaN(single)) return "float.NaN";
        if (float.IsPositiveInfinity(single)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(single)) return "float.NegativeInfinity";
        return single.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
}
