using FullAuth.Domain.OAuth;
using FullAuth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullAuth.Infrastructure.Persistence.Configurations;

internal sealed class OAuthAccountConfiguration : IEntityTypeConfiguration<OAuthAccount>
{
    public void Configure(EntityTypeBuilder<OAuthAccount> builder)
    {
        builder.ToTable("OAuthAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.UserId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Provider).HasMaxLength(64).IsRequired();
        builder.Property(a => a.ProviderUserId).HasMaxLength(255).IsRequired();
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.ProtectedTokens);
        builder.HasIndex(a => new { a.Provider, a.ProviderUserId }).IsUnique();
        builder.HasIndex(a => new { a.UserId, a.Provider }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
