namespace FullAuth.Application.Common.Models;

/// <summary><c>{items, page, page_size, total}</c>.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
