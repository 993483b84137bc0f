// The peer: AddIdentityApiEndpoints + MapIdentityApi, as the docs show it, on SQLite.
// /manage/info is its authenticated "me" (it loads the user from the store, like FullAuth's /me).
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration["ConnectionString"] ?? "Data Source=identity-peer.db";
builder.Services.AddDbContext<PeerDbContext>(o => o.UseSqlite(connectionString));
builder.Services.AddAuthorization();
builder.Services.AddIdentityApiEndpoints<IdentityUser>().AddEntityFrameworkStores<PeerDbContext>();

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PeerDbContext>();
    db.Database.EnsureCreated();
    db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
}

app.MapGet("/hello", () => "hello");
app.MapIdentityApi<IdentityUser>();
app.Run();

internal sealed class PeerDbContext(DbContextOptions<PeerDbContext> options) : IdentityDbContext<IdentityUser>(options);
