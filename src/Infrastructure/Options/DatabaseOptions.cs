namespace FullAuth.Infrastructure.Options;

public sealed class DatabaseOptions
{
    public const string SectionName = "FullAuth:Database";

    /// <summary><c>Sqlite</c>, <c>SqlServer</c> or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    public string ConnectionString { get; set; } = "Data Source=fullauth.db";

    public bool AutoMigrate { get; set; } = true;
}
