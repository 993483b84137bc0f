namespace FullAuth.Domain.Common;

/// <summary>A PATCH member: absent (unchanged) or present (possibly null, which clears it).</summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T value) => new(true, value);
}
