using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Projection;

/// <summary>A graph type that knows which members of its entity each of its fields reads.</summary>
public interface IProjectedGraphType : IComplexGraphType
{
    /// <summary>Adds what <paramref name="field"/> reads to <paramref name="node"/>; false when the field's needs are unknown.</summary>
    bool TryProject(GraphQLField field, ProjectionNode node, IResolveFieldContext context);
}

/// <summary>
/// An object type over an entity whose fields declare what they read, so a page query can select
/// just those columns and join just the rows the client asked for (a projection, as HotChocolate's
/// <c>UseProjection</c> does). Fields made with <c>Field(x => x.Member)</c> declare themselves.
/// A field without a declaration makes the whole entity load, so a missing declaration costs speed, never data.
/// </summary>
public abstract class ProjectedGraphType<T> : ObjectGraphType<T>, IProjectedGraphType
    where T : class
{
    // GraphQL.NET records the member behind Field(x => x.Member) under this metadata key.
    private const string ExpressionMemberKey = "ORIGINAL_EXPRESSION_PROPERTY_NAME";

    private readonly Dictionary<string, Action<GraphQLField, ProjectionNode, IResolveFieldContext>> _reads = [];

    public bool TryProject(GraphQLField field, ProjectionNode node, IResolveFieldContext context)
    {
        var name = field.Name.StringValue;
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return true;
        }

        if (_reads.TryGetValue(name, out var reads))
        {
            reads(field, node, context);
            return true;
        }

        if (GetField(name)?.GetMetadata<string>(ExpressionMemberKey) is { } memberName && typeof(T).GetProperty(memberName) is { } property)
        {
            node.Members.Add(property);
            return true;
        }

        return false;
    }

    /// <summary>The field reads these members of the entity.</summary>
    protected void Reads(string fieldName, params Expression<Func<T, object?>>[] members) =>
        _reads[fieldName] = (_, node, _) => node.Members.UnionWith(members.Select(ProjectionNode.PropertyOf));

    /// <summary>The field resolves a related row with its own graph type; the client's selection decides its members.</summary>
    protected void ReadsRelated<TOther>(string fieldName, Expression<Func<T, TOther?>> navigation, params Expression<Func<T, object?>>[] members)
        where TOther : class =>
        _reads[fieldName] = (field, node, context) =>
        {
            node.Members.UnionWith(members.Select(ProjectionNode.PropertyOf));
            var related = node.Child(ProjectionNode.PropertyOf(navigation));
            if (GetField(fieldName)?.ResolvedType?.GetNamedType() is IProjectedGraphType relatedType)
            {
                related.AddSelection(relatedType, field.SelectionSet, context);
            }
            else
            {
                related.Whole = true;
            }
        };

    /// <summary>The field reads members of a related row whatever the client selected, e.g. a help point's name.</summary>
    protected void ReadsThrough<TOther>(string fieldName, Expression<Func<T, TOther?>> navigation, Expression<Func<TOther, object?>>[] relatedMembers, params Expression<Func<T, object?>>[] members)
        where TOther : class =>
        _reads[fieldName] = (_, node, _) =>
        {
            node.Members.UnionWith(members.Select(ProjectionNode.PropertyOf));
            node.Child(ProjectionNode.PropertyOf(navigation)).Members.UnionWith(relatedMembers.Select(ProjectionNode.PropertyOf));
        };

    /// <summary>The field's type is another view of the same entity (such as a course's location).</summary>
    protected void ReadsSameEntity(string fieldName) =>
        _reads[fieldName] = (field, node, context) =>
        {
            if (GetField(fieldName)?.ResolvedType?.GetNamedType() is IProjectedGraphType view)
            {
                node.AddSelection(view, field.SelectionSet, context);
            }
            else
            {
                node.Whole = true;
            }
        };
}

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

public static class Projector
{
    // A projection depends on the document only (the selection below the field, never variables), so it is
    // built once per connection field of a document; the document cache keeps the field, and with it the projection.
    private static readonly ConditionalWeakTable<GraphQLField, StrongBox<LambdaExpression?>> Projections = new();

    /// <summary>The projection for the items of a connection, or null when the whole entity has to load.</summary>
    public static Expression<Func<T, T>>? ForConnection<T>(IResolveFieldContext context, IGraphType nodeType) =>
        Projections.GetValue(context.FieldAst, _ => new StrongBox<LambdaExpression?>(Build<T>(context, nodeType))).Value as Expression<Func<T, T>>;

    private static Expression<Func<T, T>>? Build<T>(IResolveFieldContext context, IGraphType nodeType)
    {
        if (nodeType is not IProjectedGraphType projected)
        {
            return null;
        }

        var root = new ProjectionNode(typeof(T));
        root.AddSelection(projected, SelectionLookahead.NodeSelection(context), context);
        if (root.Whole)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, T>>(root.Build(parameter), parameter);
    }
}
