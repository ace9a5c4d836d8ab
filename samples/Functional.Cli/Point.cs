using System.Globalization;

namespace Functional.Cli;

/// <summary>The point of <c>--at</c>: variable names in the order given, with their values.</summary>
/// <param name="Names">The variable names, in the order of <c>--at</c>.</param>
/// <param name="Values">Their values.</param>
internal sealed record Point(string[] Names, double[] Values)
{
    /// <summary>The values by name.</summary>
    public IReadOnlyDictionary<string, double> ByName =>
        Names.Zip(Values).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Parses <c>--at</c> values: each is a comma-separated list of <c>name=value</c>
    /// (<c>--at x1=1,x2=2</c> or <c>--at x1=1 --at x2=2</c>).</summary>
    /// <exception cref="InputException">A malformed entry, name or number, or a variable given twice.</exception>
    public static Point Parse(IEnumerable<string> arguments)
    {
        var names = new List<string>();
        var values = new List<double>();
        foreach (var argument in arguments)
        {
            foreach (var raw in argument.Split(','))
            {
                var entry = raw.Trim();
                var equals = entry.IndexOf('=');
                if (entry.Length == 0)
                    throw new InputException($"--at '{argument}' has an empty entry: write --at x1=1,x2=2");
                if (equals < 0)
                    throw new InputException($"--at entry '{entry}' is not of the form name=value: write e.g. --at x1=1,x2=2");
                var name = entry[..equals].Trim();
                var text = entry[(equals + 1)..].Trim();
                if (!IsIdentifier(name))
                    throw new InputException($"--at entry '{entry}': '{name}' is not a variable name (a letter or '_' followed by letters, digits or '_')");
                if (ReservedMeaning(name) is { } meaning)
                    throw new InputException($"--at entry '{entry}': '{name}' is {meaning} in expressions, not a variable: give the variable another name");
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw new InputException($"--at entry '{entry}': '{text}' is not a number (write e.g. 2, -0.5, 1e-3)");
                if (!double.IsFinite(value))
                    throw new InputException($"--at entry '{entry}': the value must be a finite number");
                if (names.Contains(name))
                    throw new InputException($"--at gives variable '{name}' twice: give each variable once");
                names.Add(name);
                values.Add(value);
            }
        }
        return new Point([.. names], [.. values]);
    }

    /// <summary>What a name means in an expression when it cannot be a variable (a constant such as
    /// <c>e</c> or <c>pi</c>, or a function), else null: a value given for it would be silently ignored.</summary>
    private static string? ReservedMeaning(string name)
    {
        switch (name)
        {
            case "e": return "Euler's number 2.718281828459045";
            case "pi": return "the constant 3.141592653589793";
            case "inf": return "the constant infinity";
            case "nan": return "the constant NaN";
        }
        try
        {
            Functional.Symbolic.Expr.Var(name);
            return null;
        }
        catch (ArgumentException)
        {
            return "a function name";
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
