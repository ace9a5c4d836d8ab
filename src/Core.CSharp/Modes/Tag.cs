namespace Functional;

/// <summary>
/// The identity and order of one perturbation. Tags come from a process-wide counter, so a tag drawn
/// inside a running differentiation is always higher than the tags of the differentiations around it:
/// an operation on values of different tags treats the lower-tagged one as a constant of the higher.
/// </summary>
/// <remarks>
/// A tag is separate from the storage that records values under it (a tape, or nothing at all for
/// forward mode), so a combinator can draw a fresh tag per application — which is what derivatives
/// of function-valued functions need — and a recorded program can be replayed after its tag is gone.
/// </remarks>
internal readonly record struct Tag(int Level)
{
    private static int lastLevel;

    /// <summary>A tag higher than every tag drawn before, on any thread.</summary>
    public static Tag Fresh() => new(Interlocked.Increment(ref lastLevel));
}
