namespace Functional;

public readonly partial struct Scalar
{
    /// <summary>The constant 0. F#'s <c>Array.sum</c>, <c>List.sum</c> and <c>Seq.sum</c> find it by
    /// name (<c>get_Zero</c>), so <c>grad (grad f &gt;&gt; Array.sum)</c> works on <see cref="Scalar"/>.</summary>
    public static Scalar Zero => new(0.0);

    /// <summary>The constant 1 (F#'s <c>LanguagePrimitives.GenericOne</c> finds it by name).</summary>
    public static Scalar One => new(1.0);

    /// <summary><paramref name="x"/> / <paramref name="n"/>, for F#'s <c>Array.average</c> and friends.</summary>
    public static Scalar DivideByInt(Scalar x, int n) => x / n;
}
