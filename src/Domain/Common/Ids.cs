namespace FullAuth.Domain.Common;

/// <summary>Creates string ids: time-ordered UUIDv7s, so new rows append to indexes.</summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
