using System.Globalization;
using System.Text;

namespace Functional.Cli;

/// <summary>Makes user input safe to echo inside a one-line message.</summary>
internal static class Printable
{
    /// <summary><paramref name="text"/> with every character that could break the line or hide
    /// itself escaped: <c>\t \n \r \v \f \0</c> by name, other control characters (NEL U+0085 among
    /// them), the line and paragraph separators U+2028/U+2029, invisible format characters (bidi
    /// overrides, zero-width spaces) and lone surrogates as <c>\uXXXX</c>. A backslash stays as it is.</summary>
    public static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = Replacement(text, i);
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }
            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            escaped.Append(replacement);
        }
        return escaped?.ToString() ?? text;
    }

    private static string? Replacement(string text, int i)
    {
        var c = text[i];
        switch (c)
        {
            case '\t': return "\\t";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\v': return "\\v";
            case '\f': return "\\f";
            case '\0': return "\\0";
        }
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) return null;
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) return null;
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Format or UnicodeCategory.Surrogate => $"\\u{(int)c:X4}",
            _ => null,
        };
    }
}
