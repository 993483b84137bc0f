namespace FullAuth.Application.Common.Results;

/// <summary>Saving broke a uniqueness rule (for example two registrations of one email racing).</summary>
public sealed class DuplicateKeyException(string message, Exception? inner = null) : Exception(message, inner);
