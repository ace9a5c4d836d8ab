using System.Runtime.InteropServices;

namespace Functional.Symbolic;

/// <summary>Memos of <see cref="Simplifier"/>'s candidate stage: work that the candidates of
/// different nodes repeat within one run.</summary>
internal sealed partial class Simplifier
{
    private readonly Dictionary<Expr, RationalForm?> inverses = new();

    /// <summary>The rational form of 1/e (see <see cref="Inverse"/>), memoised: a denominator such as
    /// (x + 1)^2 is met in many quotients. Forms are never changed once built, so one may be shared.</summary>
    private RationalForm? InverseOf(Expr e)
    {
        if (inverses.TryGetValue(e, out var known)) return known;
        var inverse = Inverse(e, 0);
        inverses[e] = inverse;
        return inverse;
    }

    private readonly Dictionary<(Product Term, double Coefficient), Expr> builtTerms = new();

    /// <summary>c·term written out (<see cref="Build"/>), memoised: a sum gathered again (every prefix
    /// of a candidate's sum is normalised in turn) writes the same terms again. Products are never
    /// changed once made, so one is a sound key.</summary>
    private Expr BuildTerm(double coefficient, Product term)
    {
        ref var built = ref CollectionsMarshal.GetValueRefOrAddDefault(builtTerms, (term, coefficient), out var exists);
        if (!exists) built = Build(coefficient, term.Factors);
        return built!;
    }
}
