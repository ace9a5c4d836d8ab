namespace Functional.Tracing;

/// <summary>A comparison that steered control flow when the program was traced: on replay it must
/// come out the same way (<paramref name="Outcome"/>) for the recorded program to be f.</summary>
/// <param name="Comparison">The comparison.</param>
/// <param name="A">The left operand's slot.</param>
/// <param name="B">The right operand's slot.</param>
/// <param name="Outcome">Its result at the traced point.</param>
internal readonly record struct Guard(Comparison Comparison, int A, int B, bool Outcome)
{
    public bool Holds(double[] values) => Comparison.Evaluate(values[A], values[B]) == Outcome;
}
