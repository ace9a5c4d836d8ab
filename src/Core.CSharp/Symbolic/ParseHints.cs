namespace Functional.Symbolic;

/// <summary>The "how to fix it" half of the parser's error messages.</summary>
internal static class ParseHints
{
    /// <summary>" — did you mean 'sin'?" for the known names nearest to <paramref name="name"/>
    /// (case ignored, transpositions count one edit), or "" when none is close: at most one edit
    /// for names of up to four letters, two for longer ones.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known)
    {
        var lower = name.ToLowerInvariant();
        var allowed = lower.Length <= 4 ? 1 : 2;
        var best = known
            .Select(k => (Name: k, Distance: Distance(lower, k)))
            .Where(k => k.Distance <= allowed)
            .GroupBy(k => k.Distance)
            .OrderBy(g => g.Key)
            .FirstOrDefault();
        if (best is null) return "";
        // "sine" is one edit from both sin and sinh; a name typed with extra letters at its end is likelier.
        var candidates = best.Select(k => k.Name).ToList();
        var prefixes = candidates.Where(k => lower.StartsWith(k, StringComparison.Ordinal)).ToList();
        if (prefixes.Count > 0) candidates = prefixes;
        var names = candidates.Select(k => $"'{k}'").Order(StringComparer.Ordinal).ToList();
        return $" — did you mean {string.Join(" or ", names)}?";
    }

    /// <summary>" — write 2*x for 2x": the operand before and after, multiplied as intended.</summary>
    public static string WriteTheProduct(string before, string between, string after) =>
        $" — write {before}*{after} for {before}{between}{after}";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of neighbours each cost one.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
