using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Data;

public static class TableNames
{
    /// <summary>
    /// Names the entity's table, as the context's own set properties once did. Unlike <c>ToTable</c> it sets no schema,
    /// so the model, and with it every migration snapshot, stays as it was.
    /// </summary>
    public static EntityTypeBuilder<TEntity> StoredIn<TEntity>(this EntityTypeBuilder<TEntity> entity, string table)
        where TEntity : class
    {
        entity.Metadata.SetTableName(table);
        return entity;
    }
}
