using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Projection;

/// <summary>The members of one entity to load, and of the related rows to load with it.</summary>
public sealed class ProjectionNode(Type entityType)
{
    public Type EntityType { get; } = entityType;

    public HashSet<PropertyInfo> Members { get; } = [];

    public Dictionary<PropertyInfo, ProjectionNode> Children { get; } = [];

    /// <summary>Load every column: some selected field did not say what it reads.</summary>
    public bool Whole { get; set; }

    public ProjectionNode Child(PropertyInfo navigation)
    {
        if (!Children.TryGetValue(navigation, out var child))
        {
            Children[navigation] = child = new ProjectionNode(navigation.PropertyType);
        }

        return child;
    }

    public void AddSelection(IProjectedGraphType graphType, GraphQLSelectionSet? selectionSet, IResolveFieldContext context)
    {
        foreach (var field in SelectionLookahead.Fields(context, selectionSet))
        {
            Whole |= !graphType.TryProject(field, this, context);
        }
    }

    /// <summary>
    /// <c>new T { Id = x.Id, A = x.A, Related = x.RelatedId == null ? null : new R { Id = x.RelatedId.Value, … } }</c>, or x
    /// itself when whole. A related row's key is the foreign key on this row, so the SQL reads no key of a joined row,
    /// and an optional one is tested through the foreign key the SQL reads anyway.
    /// </summary>
    public Expression Build(Expression source) => Build(source, key: null);

    private Expression Build(Expression source, Expression? key)
    {
        if (Whole)
        {
            return source;
        }

        var id = EntityType.GetProperty("Id")!;
        var members = Members.Where(member => key is null || member != id)
            .Select(member => (MemberBinding)Expression.Bind(StorageOf(member), Expression.Property(source, member)))
            .Append(Expression.Bind(id, key ?? Expression.Property(source, id)));
        var related = Children.Select(child =>
        {
            var navigation = Expression.Property(source, child.Key);
            var foreignKey = ForeignKeyOf(child.Key, child.Value.EntityType);
            if (foreignKey is null)
            {
                var isMissing = Expression.Equal(navigation, Expression.Constant(null, child.Key.PropertyType));
                return (MemberBinding)Expression.Bind(child.Key, Expression.Condition(isMissing, Expression.Constant(null, child.Key.PropertyType), child.Value.Build(navigation)));
            }

            var relatedKey = Expression.Property(source, foreignKey);
            if (Nullable.GetUnderlyingType(foreignKey.PropertyType) is null)
            {
                return (MemberBinding)Expression.Bind(child.Key, child.Value.Build(navigation, relatedKey));
            }

            // The foreign key is null exactly when there is no related row: the database enforces the key.
            var noRow = Expression.Equal(relatedKey, Expression.Constant(null, foreignKey.PropertyType));
            var row = child.Value.Build(navigation, Expression.Property(relatedKey, nameof(Nullable<>.Value)));
            return (MemberBinding)Expression.Bind(child.Key, Expression.Condition(noRow, Expression.Constant(null, child.Key.PropertyType), row));
        });
        return Expression.MemberInit(Expression.New(EntityType), members.Concat(related));
    }

    /// <summary>
    /// Where a projected value is stored: the property, unless its setter does more than store (a course's title
    /// also folds its search key): then its backing field. The projected row is only read by resolvers, and each
    /// row of each page would pay for that work again.
    /// </summary>
    private static MemberInfo StorageOf(PropertyInfo property) =>
        property.SetMethod?.GetMethodBody()?.GetILAsByteArray()?.Length > AutoSetterLength
        && property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is { } field
            ? field
            : property;

    // ldarg.0, ldarg.1, stfld <field>, ret: the body of a setter that only stores.
    private const int AutoSetterLength = 8;

    /// <summary>
    /// The foreign key beside a navigation (<c>PartnerId</c> beside <c>Partner</c>) when it holds the related row's key:
    /// a key that cannot be null always finds its row, and one that can is null exactly when there is none.
    /// </summary>
    private static PropertyInfo? ForeignKeyOf(PropertyInfo navigation, Type relatedType) =>
        navigation.DeclaringType?.GetProperty(navigation.Name + "Id") is { PropertyType.IsValueType: true } foreignKey
        && (Nullable.GetUnderlyingType(foreignKey.PropertyType) ?? foreignKey.PropertyType) == relatedType.GetProperty("Id")?.PropertyType
            ? foreignKey
            : null;

    public static PropertyInfo PropertyOf(LambdaExpression member) =>
        (member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body) is MemberExpression { Member: PropertyInfo property }
            ? property
            : throw new ArgumentException($"'{member}' does not read one property.", nameof(member));
}
