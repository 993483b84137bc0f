namespace FullAuth.Application.Common.Results;

/// <summary>Lets pipeline behaviours build a failed response of any result type without reflection.</summary>
public interface IResultFactory<out TSelf> : IResultBase
{
    static abstract TSelf Failure(Error error);
}

/// <summary>What every result exposes, whatever its value type.</summary>
public interface IResultBase
{
    Error? Error { get; }

    bool IsSuccess { get; }
}

/// <summary>The outcome of a use case with no value.</summary>
public sealed class Result : IResultFactory<Result>
{
    public static readonly Result Ok = new(null);

    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => new(error);
}

/// <summary>The outcome of a use case: a value or an <see cref="Results.Error"/>.</summary>
public sealed class Result<T> : IResultFactory<Result<T>>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
    }

    private Result(Error error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(Error error) => new(error);

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
}
