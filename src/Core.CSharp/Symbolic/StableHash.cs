namespace Functional.Symbolic;

/// <summary>Process-independent hashing (string.GetHashCode is randomised per process).</summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    internal static long Of(string s)
    {
        var h = unchecked((long)14695981039346656037UL);
        foreach (var c in s) h = unchecked((h ^ c) * 1099511628211L);
        return h;
    }

    /// <summary>Combines two hashes (a SplitMix64 finaliser over a rotation).</summary>
    internal static long Mix(long a, long b)
    {
        unchecked
        {
            var z = (ulong)(a * 31 + ((b << 17) | (long)((ulong)b >> 47)) + (long)0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)(z ^ (z >> 31));
        }
    }
}
